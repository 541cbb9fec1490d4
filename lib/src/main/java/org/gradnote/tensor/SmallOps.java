package org.gradnote.tensor;

import java.util.function.DoubleBinaryOperator;

/**
 * Whole-tensor sum and mean of heap tensors ({@link Small}), and the gradient arithmetic autograd needs on the heap.
 * Element-wise ops run on the heap from their table entries ({@link UnaryOp}, {@link BinaryOp}); these reductions
 * stay here until the reductions get their own table.
 */
final class SmallOps {
    private SmallOps() {}

    private static final Tensor[] NONE = Tensor.NONE;

    // ---- reductions over all elements

    static Tensor sum(Tensor a) {
        Small x = a.small();
        return Tensor.recordSmall(
                Small.rounded(x.type, new long[0], new double[] {total(x)}), "sum", new Tensor[] {a}, NONE, false, g ->
                        new Small[] {Small.filled(g.type, x.shape, g.v[0])});
    }

    static Tensor mean(Tensor a) {
        Small x = a.small();
        double n = x.numel();
        return Tensor.recordSmall(
                Small.rounded(x.type, new long[0], new double[] {total(x) / n}),
                "mean",
                new Tensor[] {a},
                NONE,
                false,
                g -> new Small[] {Small.filled(g.type, x.shape, g.v[0] / n)});
    }

    // ---- helpers

    /** Two gradients of one tensor added into a fresh value. */
    static Small sum(Small a, Small b) {
        if (a.numel() != b.numel() || a.type != b.type)
            throw new IllegalStateException("gradients of one tensor differ: " + Shapes.str(a.shape) + " " + a.type
                    + " vs " + Shapes.str(b.shape) + " " + b.type);
        return map(a, b, a.shape, Double::sum);
    }

    /** acc += g, in place (a leaf's gradient accumulating across backward passes, as in PyTorch). */
    static void addInto(Small acc, Small g) {
        for (int i = 0; i < acc.v.length; i++) acc.v[i] = Small.round(acc.type, acc.v[i] + g.v[i]);
    }

    private static double total(Small x) {
        double s = 0;
        for (double v : x.v) s += v;
        return s;
    }

    /** Element-wise f over two values of which one may have a single element (repeated). */
    private static Small map(Small x, Small y, long[] shape, DoubleBinaryOperator f) {
        int n = Math.toIntExact(Shapes.numel(shape));
        double[] out = new double[n];
        boolean rx = x.v.length == 1, ry = y.v.length == 1;
        for (int i = 0; i < n; i++) out[i] = f.applyAsDouble(x.v[rx ? 0 : i], y.v[ry ? 0 : i]);
        return Small.rounded(x.type, shape, out);
    }
}
