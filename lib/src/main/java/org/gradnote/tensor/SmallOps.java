package org.gradnote.tensor;

/**
 * The gradient arithmetic autograd needs on the heap ({@link Small}): two gradients of one tensor added. Ops run on
 * the heap from their table entries ({@link UnaryOp}, {@link BinaryOp}, {@link ReduceOp}).
 */
final class SmallOps {
    private SmallOps() {}

    /** Two gradients of one tensor added into a fresh value. */
    static Small sum(Small a, Small b) {
        if (a.numel() != b.numel() || a.type != b.type)
            throw new IllegalStateException("gradients of one tensor differ: " + Shapes.str(a.shape) + " " + a.type
                    + " vs " + Shapes.str(b.shape) + " " + b.type);
        double[] out = new double[a.v.length];
        for (int i = 0; i < out.length; i++) out[i] = a.v[i] + b.v[i];
        return Small.rounded(a.type, a.shape, out);
    }

    /** acc += g, in place (a leaf's gradient accumulating across backward passes, as in PyTorch). */
    static void addInto(Small acc, Small g) {
        for (int i = 0; i < acc.v.length; i++) acc.v[i] = Small.round(acc.type, acc.v[i] + g.v[i]);
    }
}
