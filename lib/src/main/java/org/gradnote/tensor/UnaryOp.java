package org.gradnote.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The table of unary element-wise ops: each constant is one op, described once — its name, dtype rule
 * ({@link DTypeRule}, enforced by {@link #apply}), forward on the heap (one double) and natively, and its gradient
 * rule beside them, written once on {@link Backend} so the heap and native paths share it (PyTorch's derivatives.yaml,
 * with micrograd's locality). Where a native kernel was measured faster than the composed rule, {@link #ndBackward}
 * runs it instead; the composed rule stays the reference (the heap path, the finite-difference checks). {@link #apply}
 * picks the path ({@link Dispatch}). An op with a parameter (leakyRelu's slope) implements the hooks that take it;
 * the parameter is rounded to the tensor's type, as a Java number operand of {@link BinaryOp} is.
 *
 * <p>Constants with bodies, not lambdas: a lambda's first call costs ~0.3-1 ms of linking (see {@link Node.Backward}).
 */
enum UnaryOp {
    /** e^x; d = g·e^x (reads its output). */
    EXP("exp", DTypeRule.PROMOTE_TO_FLOAT, Reads.OUTPUT) {
        @Override
        double heap(double x) {
            return Math.exp(x);
        }

        @Override
        INDArray nd(INDArray x) {
            return Engine.transform("exp", x, 0);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.mul(g, out);
        }
    },
    /** ln x; d = g / x. */
    LOG("log", DTypeRule.PROMOTE_TO_FLOAT, Reads.INPUT) {
        @Override
        double heap(double x) {
            return Math.log(x);
        }

        @Override
        INDArray nd(INDArray x) {
            return Engine.transform("log", x, 0);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.div(g, x);
        }
    },
    /** ln(1 + x), exact for tiny x (where log(x + 1) rounds 1 + x to 1); d = g / (1 + x). */
    LOG1P("log1p", DTypeRule.PROMOTE_TO_FLOAT, Reads.INPUT) {
        @Override
        double heap(double x) {
            return Math.log1p(x);
        }
        // Not ND4J's log1p: its float32 kernel computes log(1 + x) and returns 0 for x = 2e-9.
        @Override
        INDArray nd(INDArray x) {
            return Engine.javaTransform(this, x);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.div(g, k.add(x, 1.0));
        }
    },
    /** e^x - 1, exact for tiny x (where exp(x) - 1 cancels to 0 or loses digits); d = g·(out + 1) (reads its output). */
    EXPM1("expm1", DTypeRule.PROMOTE_TO_FLOAT, Reads.OUTPUT) {
        @Override
        double heap(double x) {
            return Math.expm1(x);
        }

        @Override
        INDArray nd(INDArray x) {
            return Engine.javaTransform(this, x);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.mul(g, k.add(out, 1.0));
        }
    },
    /** √x; d = g·0.5 / √x (reads its output). */
    SQRT("sqrt", DTypeRule.PROMOTE_TO_FLOAT, Reads.OUTPUT) {
        @Override
        double heap(double x) {
            return Math.sqrt(x);
        }

        @Override
        INDArray nd(INDArray x) {
            return Engine.transform("sqrt", x, 0);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.div(k.mul(g, 0.5), out);
        }
    },
    /** |x|; d = g·sign(x) (0 at 0, as torch). */
    ABS("abs", DTypeRule.PROMOTE_NO_BOOL, Reads.INPUT) {
        @Override
        double heap(double x) {
            return Math.abs(x);
        }

        @Override
        INDArray nd(INDArray x) {
            return Engine.transform("abs", x, 0);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.mul(g, k.sign(x));
        }
    },
    /** -x; d = -g. */
    NEG("neg", DTypeRule.PROMOTE_NO_BOOL, Reads.NOTHING) {
        @Override
        double heap(double x) {
            return -x;
        }

        @Override
        INDArray nd(INDArray x) {
            return Engine.scalarOp("multiply", x, -1);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.neg(g);
        }
    },
    /** tanh x; d = g·(1 - tanh²) from the saved output (Java loops, TanhLoops; natively libnd4j's tanh and tanh_bp). */
    TANH("tanh", DTypeRule.PROMOTE_TO_FLOAT, Reads.OUTPUT) {
        @Override
        boolean denseInput() {
            return true;
        }

        @Override
        double heap(double x) {
            return Math.tanh(x);
        }

        @Override
        INDArray nd(INDArray x) {
            INDArray y = TanhLoops.forward(x);
            return y != null ? y : Engine.unary("tanh", x, null);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.mul(g, k.rsub(1.0, k.mul(out, out)));
        }

        @Override
        INDArray ndBackward(INDArray g, INDArray x, INDArray out, double p) {
            INDArray dx = TanhLoops.backward(out, g);
            return dx != null ? dx : Engine.unaryBackward("tanh_bp", x, g, null);
        }
    },
    /** 1 / (1 + e^-x); d = g·s·(1 - s) (native: libnd4j's fused sigmoid_bp). */
    SIGMOID("sigmoid", DTypeRule.PROMOTE_TO_FLOAT, Reads.OUTPUT) {
        @Override
        boolean denseInput() {
            return true;
        }

        @Override
        double heap(double x) {
            return 1 / (1 + Math.exp(-x));
        }

        @Override
        INDArray nd(INDArray x) {
            return Engine.unary("sigmoid", x, null);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.mul(k.mul(g, out), k.rsub(1.0, out));
        }

        @Override
        INDArray ndBackward(INDArray g, INDArray x, INDArray out, double p) {
            return Engine.unaryBackward("sigmoid_bp", x, g, null);
        }
    },
    /** max(x, 0) keeping NaN and -0 (as torch); d = g where x > 0 or x is NaN, else 0 (torch's threshold_backward). */
    RELU("relu", DTypeRule.PROMOTE_NO_BOOL, Reads.INPUT) {
        @Override
        boolean denseInput() {
            return true;
        }

        @Override
        double heap(double x) {
            return x < 0 ? 0.0 : x;
        }

        @Override
        INDArray nd(INDArray x) {
            return ReluLoops.relu(x);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out) {
            return k.whereNotPositiveZero(g, x);
        }
    },
    /**
     * x where x > 0, slope·x elsewhere (NaN included), as F.leaky_relu (float inputs only, as torch); d = g where
     * x > 0, slope·g elsewhere (torch's leaky_relu_backward). Forward and rule are one {@link Backend} call.
     */
    LEAKY_RELU("leakyRelu", DTypeRule.FLOAT, Reads.INPUT, true) {
        @Override
        double heap(double x, double slope) {
            return x > 0 ? x : x * slope;
        }

        @Override
        INDArray nd(INDArray x, double slope) {
            return Backend.ND.leaky(x, x, slope);
        }

        @Override
        <A> A grad(Backend<A> k, A g, A x, A out, double slope) {
            return k.leaky(g, x, slope);
        }
    };

    /** The values the gradient rule reads: saved, so that an in-place change to them before backward is refused. */
    enum Reads {
        NOTHING,
        INPUT,
        OUTPUT
    }

    final String label;
    /** The dtype rule: what the op takes and returns. */
    final DTypeRule types;

    final Reads reads;
    /** True for the ops that take a parameter (their hooks with {@code p}). */
    private final boolean parameter;

    UnaryOp(String label, DTypeRule types, Reads reads) {
        this(label, types, reads, false);
    }

    UnaryOp(String label, DTypeRule types, Reads reads, boolean parameter) {
        this.label = label;
        this.types = types;
        this.reads = reads;
        this.parameter = parameter;
    }

    /** True for an op with a parameter (leakyRelu's slope): its public method takes it. */
    boolean takesParameter() {
        return parameter;
    }

    /** The forward on one element (heap path and Java loops); the result is rounded to the tensor's type after. */
    double heap(double x) {
        throw new UnsupportedOperationException(label);
    }

    /** The forward of an op with a parameter p (already rounded to the tensor's type); without one, p is NaN. */
    double heap(double x, double p) {
        return heap(x);
    }

    /** The forward on an ND4J array of the op's computing type, into a fresh array. */
    INDArray nd(INDArray x) {
        throw new UnsupportedOperationException(label);
    }

    /** The native forward of an op with a parameter p. */
    INDArray nd(INDArray x, double p) {
        return nd(x);
    }

    /** The gradient rule: the input's gradient from the output's gradient g, the input x and the output out. */
    <A> A grad(Backend<A> k, A g, A x, A out) {
        throw new UnsupportedOperationException(label);
    }

    /** The gradient rule of an op with a parameter p. */
    <A> A grad(Backend<A> k, A g, A x, A out, double p) {
        return grad(k, g, x, out);
    }

    /**
     * True for ops whose native kernels need a dense input: it is made dense once in the forward pass and the same
     * array serves the backward (a strided view was otherwise copied twice).
     */
    boolean denseInput() {
        return false;
    }

    /** The native path's gradient: the composed rule unless a constant overrides it with a fused kernel. */
    INDArray ndBackward(INDArray g, INDArray x, INDArray out, double p) {
        return grad(Backend.ND, g, x, out, p);
    }

    /** The op on a tensor: its dtype rule, then the heap path or the native one, recording the gradient rule. */
    final Tensor apply(Tensor a) {
        return apply(a, Double.NaN);
    }

    /** The op with its parameter p (leakyRelu's slope). */
    final Tensor apply(Tensor a, double p) {
        DType type = types.of(label, a);
        Tensor x = type == a.dtype() ? a : a.to(type);
        Tensor[] inputs = {x};
        Tensor[] saved = reads == Reads.NOTHING ? Tensor.NONE : new Tensor[] {x};
        Small s = Dispatch.heap(x);
        if (s != null) {
            double[] v = new double[s.v.length];
            if (parameter) {
                double k = Small.round(s.type, p);
                for (int i = 0; i < v.length; i++) v[i] = heap(s.v[i], k);
            } else {
                for (int i = 0; i < v.length; i++) v[i] = heap(s.v[i]);
            }
            Small out = Small.rounded(s.type, s.shape, v);
            return Tensor.recordSmall(out, label, inputs, saved, reads == Reads.OUTPUT, new HeapRule(this, s, out, p));
        }
        INDArray xa = denseInput() ? Engine.contiguous(x.data()) : x.data();
        INDArray out = nd(xa, p);
        NdRule rule = new NdRule(this, xa, out, p);
        return reads == Reads.OUTPUT
                ? Tensor.recordSavingOutput(out, label, inputs, saved, rule)
                : Tensor.record(out, label, inputs, saved, rule);
    }

    /** A heap node's rule. */
    private static final class HeapRule implements Node.SmallBackward {
        private final UnaryOp op;
        private final Small x, out;
        private final double p;

        HeapRule(UnaryOp op, Small x, Small out, double p) {
            this.op = op;
            this.x = x;
            this.out = out;
            this.p = p;
        }

        @Override
        public Small[] apply(Small g) {
            return new Small[] {op.grad(Backend.HEAP, g, x, out, p)};
        }
    }

    /** A native node's rule. */
    private static final class NdRule implements Node.Backward {
        private final UnaryOp op;
        private final INDArray x, out;
        private final double p;

        NdRule(UnaryOp op, INDArray x, INDArray out, double p) {
            this.op = op;
            this.x = x;
            this.out = out;
            this.p = p;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            return new INDArray[] {op.ndBackward(g, x, out, p)};
        }
    }
}
