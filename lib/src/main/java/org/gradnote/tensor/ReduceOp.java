package org.gradnote.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The table of sum-like reductions: each constant is one op, described once — its name, dtype rule, forward (from
 * {@link Reduce}'s accurate blocked double sums, the same on the heap and natively) and its gradient rule beside it,
 * written once on {@link Backend} (PyTorch's sum_backward / mean_backward). {@link #apply} handles dims and keepDim
 * once for every entry and picks where the result lives.
 *
 * <p>Constants with bodies, not lambdas: a lambda's first call costs ~0.3-1 ms of linking (see {@link Node.Backward}).
 */
enum ReduceOp {
    /** Σx; d = g spread over the reduced dims. Integer and bool inputs sum exactly into int64 (no gradient). */
    SUM("sum", false) {
        @Override
        double finish(double sum, double count) {
            return sum;
        }

        @Override
        <A> A grad(Backend<A> k, A g, long[] kept, long[] in, double count) {
            return k.expand(g, kept, in);
        }
    },
    /** Σx / n; d = g / n spread over the reduced dims. Float tensors only, as in torch. */
    MEAN("mean", true) {
        @Override
        double finish(double sum, double count) {
            return sum / count;
        }

        @Override
        <A> A grad(Backend<A> k, A g, long[] kept, long[] in, double count) {
            return k.expand(k.div(g, count), kept, in);
        }
    };

    final String label;
    /** True when integer and bool inputs are refused (torch: "could not infer the output dtype"). */
    final boolean floatOnly;

    ReduceOp(String label, boolean floatOnly) {
        this.label = label;
        this.floatOnly = floatOnly;
    }

    /** One output element from the double sum of its {@code count} inputs (before rounding to the type). */
    abstract double finish(double sum, double count);

    /**
     * The gradient rule: the input's gradient (shape {@code in}) from the output's gradient g, whose elements are laid
     * out as the input's shape with the reduced dims set to 1 ({@code kept}).
     */
    abstract <A> A grad(Backend<A> k, A g, long[] kept, long[] in, double count);

    /** The op over dims (all when empty): dtype rule, accurate sums, result on the heap or native, and its rule. */
    final Tensor apply(Tensor a, int[] dims, boolean keepDim) {
        if (floatOnly) Primitives.checkFloat(label, a);
        long[] in = a.shape();
        int[] d = Shapes.dims(label, dims, a.dim());
        boolean[] red = Reduce.mask(in.length, d);
        long[] outShape = Primitives.reducedShape(in, dims, d, keepDim);
        if (!a.dtype().isFloatingPoint()) return new Tensor(Reduce.toArray(Reduce.longSums(a, red), outShape));
        double count = Reduce.count(in, red);
        double[] s = Reduce.sums(a, red);
        for (int i = 0; i < s.length; i++) s[i] = finish(s[i], count);
        long[] kept = Primitives.keptShape(in, red);
        Tensor[] inputs = {a};
        Small x = a.small();
        // A whole-tensor reduction of a heap tensor stays on the heap (one element: no native array to create).
        if (x != null && dims.length == 0) {
            Small out = Small.rounded(x.type, outShape, s);
            return Tensor.recordSmall(out, label, inputs, Tensor.NONE, false, new HeapRule(this, kept, in, count));
        }
        INDArray out = Reduce.toArray(s, a.dtype().nd4j(), outShape);
        return Tensor.record(out, label, inputs, Tensor.NONE, new NdRule(this, kept, in, count));
    }

    /** A heap node's rule. */
    private static final class HeapRule implements Node.SmallBackward {
        private final ReduceOp op;
        private final long[] kept, in;
        private final double count;

        HeapRule(ReduceOp op, long[] kept, long[] in, double count) {
            this.op = op;
            this.kept = kept;
            this.in = in;
            this.count = count;
        }

        @Override
        public Small[] apply(Small g) {
            return new Small[] {op.grad(Backend.HEAP, g, kept, in, count)};
        }
    }

    /** A native node's rule. */
    private static final class NdRule implements Node.Backward {
        private final ReduceOp op;
        private final long[] kept, in;
        private final double count;

        NdRule(ReduceOp op, long[] kept, long[] in, double count) {
            this.op = op;
            this.kept = kept;
            this.in = in;
            this.count = count;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            return new INDArray[] {op.grad(Backend.ND, g, kept, in, count)};
        }
    }
}
