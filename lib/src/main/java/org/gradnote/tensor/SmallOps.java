package org.gradnote.tensor;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The common element-wise primitives on heap tensors ({@link Small}), each with its gradient rule beside it.
 *
 * <p>These duplicate rules of {@link Primitives} on purpose: on a 2x2 tensor the native path costs ~6 µs per
 * array and ~2.5 µs per call, the heap path well under a microsecond (see {@link Small}). Primitives calls
 * here only when every operand is on the heap, of one floating type, and broadcasting at most repeats a
 * one-element operand (so element i of the output reads element i, or the only element, of each operand).
 */
final class SmallOps {
    private SmallOps() {}

    private static final Tensor[] NONE = Tensor.NONE;

    /** The output shape when a binary op on a and b can run on the heap, else null. */
    static long[] binaryShape(String op, Tensor a, Tensor b) {
        Small x = a.small(), y = b.small();
        if (x == null || y == null || x.type != y.type) return null;
        long[] shape = Engine.broadcastShape(op, x.shape, y.shape);
        long n = Shapes.numel(shape);
        if ((x.numel() != n && x.numel() != 1) || (y.numel() != n && y.numel() != 1)) return null;
        return shape;
    }

    // ---- binary

    static Tensor add(Tensor a, Tensor b, long[] shape) {
        Small x = a.small(), y = b.small();
        return Tensor.recordSmall(map(x, y, shape, Double::sum), "add", new Tensor[] {a, b}, NONE, false,
                g -> new Small[] {reduceTo(g, x), reduceTo(g, y)});
    }

    static Tensor sub(Tensor a, Tensor b, long[] shape) {
        Small x = a.small(), y = b.small();
        return Tensor.recordSmall(map(x, y, shape, (p, q) -> p - q), "sub", new Tensor[] {a, b}, NONE, false,
                g -> new Small[] {reduceTo(g, x), b.requiresGrad() ? reduceTo(map(g, d -> -d), y) : null});
    }

    static Tensor mul(Tensor a, Tensor b, long[] shape) {
        Small x = a.small(), y = b.small();
        return Tensor.recordSmall(map(x, y, shape, (p, q) -> p * q), "mul", new Tensor[] {a, b}, new Tensor[] {a, b}, false,
                g -> new Small[] {
                    a.requiresGrad() ? reduceTo(map(g, y, g.shape, (p, q) -> p * q), x) : null,
                    b.requiresGrad() ? reduceTo(map(g, x, g.shape, (p, q) -> p * q), y) : null});
    }

    /** d(x/y)/dx = 1/y; d(x/y)/dy = -(x/y)/y, computed as in Primitives.div. */
    static Tensor div(Tensor a, Tensor b, long[] shape) {
        Small x = a.small(), y = b.small();
        Small out = map(x, y, shape, (p, q) -> p / q);
        return Tensor.recordSmall(out, "div", new Tensor[] {a, b}, new Tensor[] {a, b}, true, g -> {
            Small ga = map(g, y, g.shape, (p, q) -> p / q);
            Small gb = b.requiresGrad() ? reduceTo(map(ga, out, g.shape, (p, q) -> -(p * q)), y) : null;
            return new Small[] {a.requiresGrad() ? reduceTo(ga, x) : null, gb};
        });
    }

    // ---- with a scalar

    static Tensor addScalar(Tensor a, double c) {
        return Tensor.recordSmall(map(a.small(), v -> v + c), "add", new Tensor[] {a}, NONE, false, g -> new Small[] {g});
    }

    static Tensor mulScalar(Tensor a, double c) {
        return Tensor.recordSmall(map(a.small(), v -> v * c), "mul", new Tensor[] {a}, NONE, false,
                g -> new Small[] {map(g, d -> d * c)});
    }

    static Tensor rsubScalar(Tensor a, double c) {
        return Tensor.recordSmall(map(a.small(), v -> c - v), "rsub", new Tensor[] {a}, NONE, false,
                g -> new Small[] {map(g, d -> -d)});
    }

    /** c / x, with gradient -g (c/x) / x. */
    static Tensor rdivScalar(Tensor a, double c) {
        Small x = a.small();
        Small out = map(x, v -> c / v);
        return Tensor.recordSmall(out, "rdiv", new Tensor[] {a}, new Tensor[] {a}, true,
                g -> new Small[] {map(map(g, out, g.shape, (p, q) -> p * q), x, g.shape, (p, q) -> -(p / q))});
    }

    static Tensor powScalar(Tensor a, double p) {
        Small x = a.small();
        Small out = p == 2 ? map(x, x, x.shape, (u, v) -> u * v) : map(x, v -> Math.pow(v, p));
        return Tensor.recordSmall(out, "pow", new Tensor[] {a}, new Tensor[] {a}, false, g -> {
            Small d = p == 2 ? map(x, v -> v * 2.0) : map(map(x, v -> Math.pow(v, p - 1)), v -> v * p);
            return new Small[] {map(d, g, g.shape, (u, v) -> u * v)};
        });
    }

    // ---- unary

    static Tensor exp(Tensor a) {
        Small out = map(a.small(), Math::exp);
        return Tensor.recordSmall(out, "exp", new Tensor[] {a}, new Tensor[] {a}, true,
                g -> new Small[] {map(g, out, g.shape, (p, q) -> p * q)});
    }

    static Tensor log(Tensor a) {
        Small x = a.small();
        return Tensor.recordSmall(map(x, Math::log), "log", new Tensor[] {a}, new Tensor[] {a}, false,
                g -> new Small[] {map(g, x, g.shape, (p, q) -> p / q)});
    }

    static Tensor log1p(Tensor a) {
        Small x = a.small();
        return Tensor.recordSmall(map(x, Math::log1p), "log1p", new Tensor[] {a}, new Tensor[] {a}, false,
                g -> new Small[] {map(g, x, g.shape, (p, q) -> p / (1 + q))});
    }

    static Tensor sqrt(Tensor a) {
        Small out = map(a.small(), Math::sqrt);
        return Tensor.recordSmall(out, "sqrt", new Tensor[] {a}, new Tensor[] {a}, true,
                g -> new Small[] {map(map(g, d -> d * 0.5), out, g.shape, (p, q) -> p / q)});
    }

    static Tensor abs(Tensor a) {
        Small x = a.small();
        return Tensor.recordSmall(map(x, Math::abs), "abs", new Tensor[] {a}, new Tensor[] {a}, false,
                g -> new Small[] {map(g, x, g.shape, (p, q) -> p * Math.signum(q))});
    }

    /** d tanh = 1 - tanh². */
    static Tensor tanh(Tensor a) {
        Small out = map(a.small(), Math::tanh);
        return Tensor.recordSmall(out, "tanh", new Tensor[] {a}, new Tensor[] {a}, true,
                g -> new Small[] {map(g, out, g.shape, (p, t) -> p * (1 - t * t))});
    }

    /** d sigmoid = s (1 - s). */
    static Tensor sigmoid(Tensor a) {
        Small out = map(a.small(), v -> 1 / (1 + Math.exp(-v)));
        return Tensor.recordSmall(out, "sigmoid", new Tensor[] {a}, new Tensor[] {a}, true,
                g -> new Small[] {map(g, out, g.shape, (p, s) -> p * s * (1 - s))});
    }

    static Tensor relu(Tensor a) {
        Small x = a.small();
        // v <= 0 rather than v > 0: NaN stays NaN, as in PyTorch and ND4J.
        return Tensor.recordSmall(map(x, v -> v <= 0 ? 0.0 : v), "relu", new Tensor[] {a}, new Tensor[] {a}, false,
                g -> new Small[] {map(g, x, g.shape, (p, v) -> v > 0 ? p : 0.0)});
    }

    // ---- reductions over all elements

    static Tensor sum(Tensor a) {
        Small x = a.small();
        return Tensor.recordSmall(Small.rounded(x.type, new long[0], new double[] {total(x)}), "sum", new Tensor[] {a}, NONE, false,
                g -> new Small[] {Small.filled(g.type, x.shape, g.v[0])});
    }

    static Tensor mean(Tensor a) {
        Small x = a.small();
        double n = x.numel();
        return Tensor.recordSmall(Small.rounded(x.type, new long[0], new double[] {total(x) / n}), "mean", new Tensor[] {a}, NONE,
                false, g -> new Small[] {Small.filled(g.type, x.shape, g.v[0] / n)});
    }

    // ---- helpers

    /** Two gradients of one tensor added into a fresh value. */
    static Small sum(Small a, Small b) {
        if (a.numel() != b.numel() || a.type != b.type) throw new IllegalStateException("gradients of one tensor differ: "
                + Shapes.str(a.shape) + " " + a.type + " vs " + Shapes.str(b.shape) + " " + b.type);
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

    /** The gradient summed down to an operand: as is when it had every element, summed when it was repeated. */
    private static Small reduceTo(Small g, Small operand) {
        if (operand.numel() == g.numel()) return new Small(g.type, operand.shape, g.v);
        return Small.filled(g.type, operand.shape, total(g));
    }

    private static Small map(Small x, DoubleUnaryOperator f) {
        double[] out = new double[x.v.length];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(x.v[i]);
        return Small.rounded(x.type, x.shape, out);
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
