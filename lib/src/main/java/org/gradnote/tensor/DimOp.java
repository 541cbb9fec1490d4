package org.gradnote.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The table of ops along one dimension that keep their input's shape (softmax, logSoftmax): each constant is one op,
 * described once — its name, dtype rule ({@link DTypeRule}, enforced by {@link #apply}), native forward and its
 * gradient rule beside it; the dimension is the op's parameter. {@link #apply} normalises the dimension, runs a 0-d
 * tensor as one element (softmax 1, logSoftmax 0, as torch) and returns an empty tensor of an empty input without a
 * native call (libnd4j's softmax crashed the JVM on [0, 3]).
 *
 * <p>Native forwards, as before the table: a fused native op costs one call where the composed rule costs three (~10-30
 * µs each on the Java side); heap tensors move to ND4J. Both gradients read the saved output, as torch's do, so an
 * in-place change of the output before backward is refused and one of the input is not.
 */
enum DimOp {
    /**
     * e^x / Σ e^x along d, libnd4j's fused softmax (shifted by the maximum, stable); d = out·(g - Σ g·out) from the
     * saved output, as torch's softmax backward: a Java loop ({@link SoftmaxLoops}), or the same arithmetic as native
     * ops, both bit for bit libnd4j's softmax_bp, which would recompute the softmax from the input.
     */
    SOFTMAX("softmax", DTypeRule.FLOAT, UnaryOp.Reads.OUTPUT) {
        @Override
        boolean denseInput() {
            return true;
        }

        @Override
        INDArray nd(INDArray x, int d) {
            INDArray out = Engine.empty(x.dataType(), x.shape());
            Engine.exec("softmax", new INDArray[] {x}, new INDArray[] {out}, new long[] {d}, null, null);
            return out;
        }

        @Override
        INDArray grad(INDArray g, INDArray out, int d) {
            INDArray dx = SoftmaxLoops.backward(out, g, d);
            if (dx != null) return dx;
            INDArray total = out.mul(g).sum(true, d);
            return out.mul(Engine.broadcastBinary("subtract", "softmax", g, total));
        }
    },
    /**
     * x - max - log Σ e^(x - max) along d, computed here rather than with ND4J's log_softmax, which returns -inf where
     * the exact answer is a large finite negative number (logits 900 apart), poisoning the loss; d = g - e^out · Σ g
     * (reads its output).
     */
    LOG_SOFTMAX("logSoftmax", DTypeRule.FLOAT, UnaryOp.Reads.OUTPUT) {
        @Override
        INDArray nd(INDArray x, int d) {
            INDArray shifted = Engine.broadcastBinary("subtract", "logSoftmax", x, x.max(true, d));
            INDArray lse = Engine.logInPlace(Engine.transform("exp", shifted, 0).sum(true, d));
            return Engine.broadcastBinary("subtract", "logSoftmax", shifted, lse);
        }

        @Override
        INDArray grad(INDArray g, INDArray out, int d) {
            INDArray softmax = Engine.transform("exp", out, 0);
            INDArray total = g.sum(true, d);
            return g.sub(Engine.broadcastBinary("multiply", "logSoftmax", softmax, total));
        }
    };

    final String label;
    /** The dtype rule: what the op takes and returns. */
    final DTypeRule types;
    /** What the rule reads besides g: saved, so an in-place change before backward is refused. */
    final UnaryOp.Reads reads;

    DimOp(String label, DTypeRule types, UnaryOp.Reads reads) {
        this.label = label;
        this.types = types;
        this.reads = reads;
    }

    /** The forward along dimension d (normalised) of a non-empty array of rank 1 or more, into a fresh array. */
    abstract INDArray nd(INDArray x, int d);

    /** The gradient rule: the input's gradient from the output's gradient g and the saved output out. */
    abstract INDArray grad(INDArray g, INDArray out, int d);

    /** True for ops whose native kernels need a dense input (made dense once, for the forward and the rule). */
    boolean denseInput() {
        return false;
    }

    private static final long[] ONE = {1};

    /** The op along dimension {@code dim} (negative counts from the end): dtype rule, forward, recorded rule. */
    final Tensor apply(Tensor a, int dim) {
        types.of(label, a);
        int d = Shapes.dim(label, dim, a.dim());
        INDArray x = denseInput() ? Engine.contiguous(a.data()) : a.data();
        boolean scalar = x.rank() == 0;
        // A 0-d tensor runs as one element along dimension 0 (the kernels need a dimension).
        INDArray x1 = scalar ? Engine.reshape(x, ONE) : x;
        INDArray out1 = x.length() == 0 ? Engine.empty(x.dataType(), x.shape()) : nd(x1, d);
        INDArray out = scalar ? Engine.reshape(out1, new long[0]) : out1;
        Tensor[] inputs = {a};
        Rule rule = new Rule(this, out1, d, scalar);
        return reads == UnaryOp.Reads.OUTPUT
                ? Tensor.recordSavingOutput(out, label, inputs, Tensor.NONE, rule)
                : Tensor.record(out, label, inputs, reads == UnaryOp.Reads.INPUT ? inputs : Tensor.NONE, rule);
    }

    /** The recorded rule: g reshaped as the forward ran (a 0-d tensor as one element), nothing to do when empty. */
    private static final class Rule implements Node.Backward {
        private final DimOp op;
        private final INDArray out;
        private final int d;
        private final boolean scalar;

        Rule(DimOp op, INDArray out, int d, boolean scalar) {
            this.op = op;
            this.out = out;
            this.d = d;
            this.scalar = scalar;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            if (out.length() == 0) return new INDArray[] {Engine.empty(out.dataType(), out.shape())};
            INDArray dx = op.grad(scalar ? Engine.reshape(g, ONE) : g, out, d);
            return new INDArray[] {scalar ? Engine.reshape(dx, new long[0]) : dx};
        }
    }
}
