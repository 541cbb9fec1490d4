package org.gradnote.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The table of binary element-wise ops (numpy broadcasting): each constant is one op, described once — its name,
 * dtype rule ({@link DTypeRule}, enforced by {@link #apply}), native kernel, forward on two heap doubles, and its
 * gradient rule beside them, written once on
 * {@link Backend} for the heap and native paths (PyTorch's derivatives.yaml, with micrograd's locality). Each op
 * also takes a Java number on either side ({@code x.sub(1)}, {@code x.rsub(1)}); the number is an operand like a
 * one-element tensor, with PyTorch's promotion ({@link Promotion}). Gradients of broadcast operands are summed back
 * to their shapes by {@link #apply}, not by the rules.
 *
 * <p>Constants with bodies, not lambdas: a lambda's first call costs ~0.3-1 ms of linking (see {@link Node.Backward}).
 */
enum BinaryOp {
    /** a + b; da = g, db = g. On bool tensors, logical or (as torch). */
    ADD("add", "add", DTypeRule.PROMOTE, Reads.NOTHING) {
        @Override
        double heap(double a, double b) {
            return a + b;
        }

        @Override
        <A> void grads(Backend<A> k, Grads<A> s) {
            s.ga = s.g;
            s.gb = s.g;
        }
    },
    /** a - b; da = g, db = -g. Refused on bool tensors (as torch). */
    SUB("sub", "subtract", DTypeRule.PROMOTE_NO_BOOL, Reads.NOTHING) {
        @Override
        double heap(double a, double b) {
            return a - b;
        }

        @Override
        <A> void grads(Backend<A> k, Grads<A> s) {
            s.ga = s.g;
            if (s.needB) s.gb = k.neg(s.g);
        }
    },
    /** a · b; da = g·b, db = g·a. On bool tensors, logical and (as torch). */
    MUL("mul", "multiply", DTypeRule.PROMOTE, Reads.INPUTS) {
        @Override
        double heap(double a, double b) {
            return a * b;
        }

        @Override
        <A> void grads(Backend<A> k, Grads<A> s) {
            if (s.needA) s.ga = k.mul(s.g, s.b);
            if (s.needB) s.gb = k.mul(s.g, s.a);
        }
    },
    /** a / b, true division (integers give floats, as torch); da = g / b, db = -(g / b)·out. */
    DIV("div", "divide", DTypeRule.PROMOTE_TO_FLOAT, Reads.INPUTS_AND_OUTPUT) {
        @Override
        double heap(double a, double b) {
            return a / b;
        }

        @Override
        <A> void grads(Backend<A> k, Grads<A> s) {
            A ga = k.div(s.g, s.b);
            if (s.needA) s.ga = ga;
            if (s.needB) s.gb = k.neg(k.mul(ga, s.out));
        }
    },
    /** a^b; da = b·a^(b-1)·g, db = a^b·ln a·g. */
    POW("pow", "Pow", DTypeRule.PROMOTE_NO_BOOL_RESULT, Reads.INPUTS_AND_OUTPUT) {
        @Override
        double heap(double a, double b) {
            return Math.pow(a, b);
        }
        // x^2 as x·x, the bits ND4J's multiply gives (the common square()).
        @Override
        INDArray ndScalar(INDArray x, double c) {
            return c == 2 ? Engine.broadcastBinary("multiply", "pow", x, x) : Engine.transform("pow", x, c);
        }

        @Override
        <A> void grads(Backend<A> k, Grads<A> s) {
            if (s.needA) {
                A d = !s.scalar
                        ? k.mul(k.pow(s.a, k.add(s.b, -1.0)), s.b)
                        : s.c == 2 ? k.mul(s.a, 2.0) : k.mul(k.pow(s.a, s.c - 1), s.c);
                s.ga = k.mul(d, s.g);
            }
            if (s.needB) s.gb = k.mul(k.mul(s.out, k.log(s.a)), s.g);
        }
    },
    /** atan2(a, b), the angle of the point (b, a) in (-π, π]; da = g·b / (a² + b²), db = -g·a / (a² + b²). */
    ATAN2("atan2", "tf_atan2", DTypeRule.PROMOTE_TO_FLOAT, Reads.INPUTS) {
        @Override
        double heap(double a, double b) {
            return Math.atan2(a, b);
        }

        @Override
        <A> void grads(Backend<A> k, Grads<A> s) {
            A den = k.add(k.mul(s.a, s.a), k.mul(s.b, s.b));
            if (s.needA) s.ga = k.mul(s.g, k.div(s.b, den));
            if (s.needB) s.gb = k.neg(k.mul(s.g, k.div(s.a, den)));
        }
    };

    /** The values the gradient rule reads: saved, so that an in-place change to them before backward is refused. */
    enum Reads {
        NOTHING,
        INPUTS,
        INPUTS_AND_OUTPUT
    }

    /** What a gradient rule reads (g, the operands a and b, the output) and writes (ga, gb where needed). */
    static final class Grads<A> {
        A g, a, b, out, ga, gb;
        /** The Java number operand's value when the op had one (b, or a for the left forms), else NaN. */
        double c = Double.NaN;

        boolean scalar, needA, needB;
    }

    final String label, nativeName;
    /** The dtype rule: what the op takes and returns, from the operands' promoted type ({@link Promotion}). */
    final DTypeRule types;

    final Reads reads;

    BinaryOp(String label, String nativeName, DTypeRule types, Reads reads) {
        this.label = label;
        this.nativeName = nativeName;
        this.types = types;
        this.reads = reads;
    }

    /** The forward on two elements (heap path); the result is rounded to the type after. */
    abstract double heap(double a, double b);

    /** The gradient rule: s.ga and s.gb (where s.needA, s.needB) from s.g, s.a, s.b and s.out, on the unbroadcast shapes' broadcast. */
    abstract <A> void grads(Backend<A> k, Grads<A> s);

    /** The native forward on two arrays of the computing type (broadcast). */
    INDArray nd(INDArray a, INDArray b) {
        return Engine.broadcastBinary(nativeName, label, a, b);
    }

    /** The native forward of a op c for a Java number c. */
    INDArray ndScalar(INDArray a, double c) {
        return Engine.scalarOp(nativeName, a, c);
    }

    /** The native forward of c op a. */
    INDArray ndScalarLeft(double c, INDArray a) {
        return Engine.scalarOpLeft(nativeName, c, a);
    }

    // ---------------------------------------------------------------- the runner: dtype rule, path, recording

    /** The op between two tensors. */
    final Tensor apply(Tensor a, Tensor b) {
        DType type = types.of(label, a, b);
        DType compute = computeType(type);
        Tensor x = cast(a, compute), y = cast(b, compute);
        long[] heapShape = Dispatch.heapShape(label, x, y);
        Tensor[] inputs = {x, y};
        Tensor[] saved = reads == Reads.NOTHING ? Tensor.NONE : inputs;
        Tensor r;
        if (heapShape != null) {
            Small p = x.small(), q = y.small();
            int n = Math.toIntExact(Shapes.numel(heapShape));
            double[] v = new double[n];
            boolean rp = p.v.length == 1, rq = q.v.length == 1;
            for (int i = 0; i < n; i++) v[i] = heap(p.v[rp ? 0 : i], q.v[rq ? 0 : i]);
            Small out = Small.rounded(p.type, heapShape, v);
            r = Tensor.recordSmall(
                    out,
                    label,
                    inputs,
                    saved,
                    reads == Reads.INPUTS_AND_OUTPUT,
                    new HeapRule(this, x, y, p, q, Double.NaN, out));
        } else {
            INDArray xa = x.data(), ya = y.data();
            INDArray out = nd(xa, ya);
            r = record(out, label, inputs, saved, new NdRule(this, x, y, xa, ya, Double.NaN, out));
        }
        return compute == type ? r : r.to(type);
    }

    /** a op c (left false) or c op a (left true) for a Java number c, an int64 operand when integral (torch's Python int). */
    final Tensor apply(Tensor a, double c, boolean integral, boolean left) {
        DType type = types.withNumber(label, a, Promotion.withScalar(a, integral));
        DType compute = computeType(type);
        Tensor x = cast(a, compute);
        Tensor[] inputs = {x};
        Tensor[] saved = reads == Reads.NOTHING ? Tensor.NONE : inputs;
        Small s = Dispatch.heap(x);
        Tensor r;
        if (s != null) {
            double k = Small.round(s.type, c);
            double[] v = new double[s.v.length];
            for (int i = 0; i < v.length; i++) v[i] = left ? heap(k, s.v[i]) : heap(s.v[i], k);
            Small out = Small.rounded(s.type, s.shape, v);
            r = Tensor.recordSmall(
                    out,
                    left ? "r" + label : label,
                    inputs,
                    saved,
                    reads == Reads.INPUTS_AND_OUTPUT,
                    left ? new HeapRule(this, null, x, null, s, c, out) : new HeapRule(this, x, null, s, null, c, out));
        } else {
            INDArray xa = x.data();
            INDArray out = left ? ndScalarLeft(c, xa) : ndScalar(xa, c);
            r = record(
                    out,
                    left ? "r" + label : label,
                    inputs,
                    saved,
                    left ? new NdRule(this, null, x, null, xa, c, out) : new NdRule(this, x, null, xa, null, c, out));
        }
        return compute == type ? r : r.to(type);
    }

    /** Records a native result under the given name (rsub, rdiv for the Java number on the left, as torch names them). */
    private Tensor record(INDArray out, String name, Tensor[] inputs, Tensor[] saved, NdRule rule) {
        return reads == Reads.INPUTS_AND_OUTPUT
                ? Tensor.recordSavingOutput(out, name, inputs, saved, rule)
                : Tensor.record(out, name, inputs, saved, rule);
    }

    private static Tensor cast(Tensor t, DType type) {
        return t.dtype() == type ? t : t.to(type);
    }

    /**
     * The type the kernel runs in for a result of the given type: bool results (or, and) run on int32 and are cast
     * back; integer powers run on float64 (exact for the integers a power can hold) and are cast back.
     */
    private DType computeType(DType type) {
        if (type == DType.BOOL) return DType.INT32;
        if (this == POW && !type.isFloatingPoint()) return DType.FLOAT64;
        return type;
    }

    /** Runs a rule on either backend; x or y null marks the Java number's side. */
    private static <A> A[] run(
            BinaryOp op, Backend<A> k, A g, Tensor x, Tensor y, A a, A b, double c, A out, A[] result) {
        Grads<A> s = new Grads<>();
        s.g = g;
        s.out = out;
        s.scalar = x == null || y == null;
        s.c = c;
        s.needA = x != null && x.requiresGrad();
        s.needB = y != null && y.requiresGrad();
        s.a = a != null ? a : k.scalar(c, b);
        s.b = b != null ? b : k.scalar(c, a);
        op.grads(k, s);
        // Broadcast operands get their gradient summed back to their shape (a Java number has no gradient).
        result[0] = s.needA && s.ga != null ? k.sumTo(s.ga, s.a) : null;
        result[1] = s.needB && s.gb != null ? k.sumTo(s.gb, s.b) : null;
        return result;
    }

    /** A heap node's rule. */
    private static final class HeapRule implements Node.SmallBackward {
        private final BinaryOp op;
        private final Tensor x, y;
        private final Small a, b, out;
        private final double c;

        HeapRule(BinaryOp op, Tensor x, Tensor y, Small a, Small b, double c, Small out) {
            this.op = op;
            this.x = x;
            this.y = y;
            this.a = a;
            this.b = b;
            this.c = c;
            this.out = out;
        }

        @Override
        public Small[] apply(Small g) {
            Small[] r = run(op, Backend.HEAP, g, x, y, a, b, c, out, new Small[2]);
            return x == null ? new Small[] {r[1]} : y == null ? new Small[] {r[0]} : r;
        }
    }

    /** A native node's rule. */
    private static final class NdRule implements Node.Backward {
        private final BinaryOp op;
        private final Tensor x, y;
        private final INDArray a, b, out;
        private final double c;

        NdRule(BinaryOp op, Tensor x, Tensor y, INDArray a, INDArray b, double c, INDArray out) {
            this.op = op;
            this.x = x;
            this.y = y;
            this.a = a;
            this.b = b;
            this.c = c;
            this.out = out;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            INDArray[] r = run(op, Backend.ND, g, x, y, a, b, c, out, new INDArray[2]);
            return x == null ? new INDArray[] {r[1]} : y == null ? new INDArray[] {r[0]} : r;
        }
    }
}
