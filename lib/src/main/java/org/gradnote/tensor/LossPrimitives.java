package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient rules of fused losses (cross-entropy, mean squared error, binary cross-entropy) beside their forward maths.
 *
 * <p>Why fused: composed, cross-entropy is about 20 ND4J calls per step for maths that takes a microsecond
 * (docs/performance.md, "LossPrimitives"). Here the rows are read once into a Java array, and the gradient
 * (softmax − one-hot, scaled) written once.
 */
final class LossPrimitives {
    private LossPrimitives() {}

    /**
     * Mean (or summed) cross-entropy of logits [N, C] against class indices [N]: log-sum-exp with the row maximum
     * subtracted, so large logits stay finite, computed in double. Dense float32 logits go through the C loops
     * ({@link CrossEntropyRows}), which give the same floats.
     */
    static Tensor crossEntropy(Tensor logits, Tensor target, boolean mean) {
        long[] s = logits.shape();
        int n = Math.toIntExact(s[0]), c = Math.toIntExact(s[1]);
        DataType t = logits.data().dataType();
        long[] y = Engine.longs(target.data());
        for (int i = 0; i < n; i++) {
            if (y[i] < 0 || y[i] >= c) {
                throw new IndexOutOfBoundsException(
                        "crossEntropy: target " + y[i] + " is out of bounds for " + c + " classes");
            }
        }
        double scale = mean ? 1.0 / n : 1.0;
        INDArray out = Engine.empty(t);
        // The logits count as saved, as torch's log-softmax output does: the node is then released after a backward,
        // and with it the softmax rows its rule holds (kept, they outlived the step's young collection), and an
        // in-place change of the logits before the backward is an error, not a silently wrong gradient.
        Tensor[] saved = {logits};
        CrossEntropyRows rows = t == DataType.FLOAT ? CrossEntropyRows.compute(logits.data(), y, n, c) : null;
        if (rows != null) {
            out.putScalar(0, rows.loss(scale));
            return Tensor.record(out, "crossEntropy", new Tensor[] {logits}, saved, new Node.Backward() {
                @Override
                public INDArray[] apply(INDArray g) {
                    return new INDArray[] {rows.gradient(g.getDouble(0) * scale)};
                }
            });
        }
        double[] z = Engine.toDoubles(logits.data());
        double[] p = new double[z.length];
        double total = 0;
        for (int i = 0; i < n; i++) {
            int row = i * c;
            total += softmaxRow(z, row, c, p, row) - z[row + (int) y[i]];
        }
        out.putScalar(0, total * scale);
        return Tensor.record(out, "crossEntropy", new Tensor[] {logits}, saved, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                double gs = g.getDouble(0) * scale;
                double[] dz = new double[p.length];
                for (int i = 0; i < n; i++) gradientRow(p, y, i, c, gs, dz, i * c);
                INDArray d = Engine.empty(t, n, c);
                Engine.putDoubles(d, dz, 0, dz.length);
                return new INDArray[] {d};
            }
        });
    }

    /**
     * One row of z (c values from zRow): writes its softmax into p from pRow and returns its log-sum-exp. The row
     * maximum is subtracted before the exps, so large logits stay finite.
     */
    static double softmaxRow(double[] z, int zRow, int c, double[] p, int pRow) {
        // Math.max, whose NaN and signed-zero rules make it too large for C1 to inline: a NaN still wins; a row
        // whose largest values are -0.0 then 0.0 keeps -0.0, which gives the same z - max, sum and lse.
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < c; j++) {
            double v = z[zRow + j];
            if (v > max || Double.isNaN(v)) max = v;
        }
        double sum = 0;
        for (int j = 0; j < c; j++) sum += Math.exp(z[zRow + j] - max);
        double lse = max + Math.log(sum);
        for (int j = 0; j < c; j++) p[pRow + j] = Math.exp(z[zRow + j] - lse);
        return lse;
    }

    /** Row i of the logits' gradient into dz from dzRow: softmax times gs, less gs at the target class. */
    static void gradientRow(double[] p, long[] y, int i, int c, double gs, double[] dz, int dzRow) {
        int row = i * c;
        for (int j = 0; j < c; j++) dz[dzRow + j] = p[row + j] * gs;
        dz[dzRow + (int) y[i]] -= gs;
    }

    /**
     * Mean (or summed) squared error of two tensors of one shape, in double: the composed sub + square + mean was
     * six ND4J calls per step for the meteo labs' few hundred values. Both sides get a gradient if they need one.
     * The values are read into this thread's scratch arrays and read again by the backward (both inputs are saved,
     * as torch's mse_loss saves them): copies kept for the backward were most of the meteo CNN's Java garbage.
     * Two float32 inputs are read as floats and widened in the loop, the same values as read into doubles first:
     * the widening pass before each loop ran interpreted through a training's first epochs.
     */
    static Tensor mse(Tensor x, Tensor y, boolean mean) {
        DataType t = Engine.resultType(x.data().dataType(), y.data().dataType());
        int n = Math.toIntExact(x.data().length());
        boolean floats = x.data().dataType() == DataType.FLOAT && y.data().dataType() == DataType.FLOAT;
        double total = floats ? sumSquaredFloats(x.data(), y.data(), n) : sumSquaredDoubles(x.data(), y.data(), n);
        double scale = mean ? 1.0 / n : 1.0;
        INDArray out = Engine.empty(t);
        out.putScalar(0, total * scale);
        long[] shape = x.shape();
        return Tensor.record(out, "mse", new Tensor[] {x, y}, new Tensor[] {x, y}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                double gs = 2 * g.getDouble(0) * scale;
                INDArray dx = x.requiresGrad() ? Engine.empty(x.data().dataType(), shape) : null;
                INDArray dy = y.requiresGrad() ? Engine.empty(y.data().dataType(), shape) : null;
                if (floats) mseGradFloats(x.data(), y.data(), gs, n, dx, dy);
                else mseGradDoubles(x.data(), y.data(), gs, n, dx, dy);
                return new INDArray[] {dx, dy};
            }
        });
    }

    private static double sumSquaredFloats(INDArray x, INDArray y, int n) {
        // Made dense before the scratch arrays are taken: a strided copy stages through the same scratch.
        INDArray xc = Engine.contiguous(x), yc = Engine.contiguous(y);
        Unfold.Scratch s = Unfold.scratch();
        float[] a = s.floats(0, n), b = s.floats(1, n);
        Memory.get(xc, a, 0, n);
        Memory.get(yc, b, 0, n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double diff = (double) a[i] - b[i];
            total += diff * diff;
        }
        return total;
    }

    private static double sumSquaredDoubles(INDArray x, INDArray y, int n) {
        Unfold.Scratch s = Unfold.scratch();
        double[] a = s.doubles(0, n), b = s.doubles(1, n);
        Engine.readDoubles(x, a, n);
        Engine.readDoubles(y, b, n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            double diff = a[i] - b[i];
            total += diff * diff;
        }
        return total;
    }

    /** dx = 2(x - y)·scale in double, rounded to float; dy = -dx (either may be null). */
    private static void mseGradFloats(INDArray x, INDArray y, double gs, int n, INDArray dx, INDArray dy) {
        INDArray xc = Engine.contiguous(x), yc = Engine.contiguous(y);
        Unfold.Scratch s = Unfold.scratch();
        float[] d = s.floats(0, n), yv = s.floats(1, n);
        Memory.get(xc, d, 0, n);
        Memory.get(yc, yv, 0, n);
        for (int i = 0; i < n; i++) d[i] = (float) (((double) d[i] - yv[i]) * gs);
        if (dx != null) Memory.put(dx, d, 0, n);
        if (dy != null) {
            for (int i = 0; i < n; i++) d[i] = -d[i];
            Memory.put(dy, d, 0, n);
        }
    }

    private static void mseGradDoubles(INDArray x, INDArray y, double gs, int n, INDArray dx, INDArray dy) {
        Unfold.Scratch s = Unfold.scratch();
        double[] d = s.doubles(0, n), yv = s.doubles(1, n);
        Engine.readDoubles(x, d, n);
        Engine.readDoubles(y, yv, n);
        for (int i = 0; i < n; i++) d[i] = (d[i] - yv[i]) * gs;
        if (dx != null) Engine.putDoubles(dx, d, 0, n);
        if (dy != null) {
            for (int i = 0; i < n; i++) d[i] = -d[i];
            Engine.putDoubles(dy, d, 0, n);
        }
    }

    /**
     * Element-wise binary cross-entropy of probabilities p against targets y, torch's binary_cross_entropy:
     * -(y·max(log p, -100) + (1 - y)·max(log(1 - p), -100)), with 1 - p rounded to p's type as torch computes it
     * (so p = 1e-8 costs exactly 0 in float32, as there). The clamp keeps p = 0 and 1 finite; the gradient is
     * torch's closed form (p - y) / max(p(1 - p), 1e-12), finite there too (composed through log and clamp it was
     * NaN even for a correct prediction). d/dy is torch's unclamped log(1 - p) - log p (infinite at p = 0 or 1).
     */
    /** torch's EPSILON of binary_cross_entropy_backward: 1e-12 as a float constant (9.99999996e-13), in every dtype. */
    private static final double BCE_EPSILON = 1e-12f;

    static Tensor binaryCrossEntropy(Tensor p, Tensor y) {
        DataType t = p.dtype().nd4j();
        double[] pv = Extremes.doubles(p), yv = Extremes.doubles(y), out = new double[pv.length];
        for (int i = 0; i < pv.length; i++) {
            double log1m = Math.log(Small.round(t, 1 - pv[i]));
            out[i] = -(yv[i] * Math.max(Math.log(pv[i]), -100) + (1 - yv[i]) * Math.max(log1m, -100));
        }
        long[] shape = p.shape();
        return Tensor.record(
                Reduce.toArray(out, t, shape),
                "binaryCrossEntropy",
                new Tensor[] {p, y},
                new Tensor[] {p, y},
                new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        double[] x = Extremes.doubles(p), z = Extremes.doubles(y), gv = Engine.toDoubles(g);
                        double[] dp = p.requiresGrad() ? new double[x.length] : null,
                                dy = y.requiresGrad() ? new double[x.length] : null;
                        for (int i = 0; i < x.length; i++) {
                            double oneMinus = Small.round(t, 1 - x[i]);
                            if (dp != null) dp[i] = gv[i] * (x[i] - z[i]) / Math.max(oneMinus * x[i], BCE_EPSILON);
                            if (dy != null) dy[i] = gv[i] * (Math.log(oneMinus) - Math.log(x[i]));
                        }
                        return new INDArray[] {
                            dp == null ? null : Reduce.toArray(dp, t, shape),
                            dy == null ? null : Reduce.toArray(dy, y.dtype().nd4j(), shape)
                        };
                    }
                });
    }

    /**
     * Element-wise binary cross-entropy of logits x against targets y, in torch's stable form
     * (1 - y)·x + m + log(exp(-m) + exp(-x - m)) with m = max(-x, 0). d/dx = sigmoid(x) - y, also at x = 0 exactly,
     * where the composed relu/abs form gave -y (their subgradients at 0): the first step of every zero-initialised
     * logistic regression was wrong. d/dy = -x.
     */
    static Tensor binaryCrossEntropyWithLogits(Tensor x, Tensor y) {
        double[] xv = Extremes.doubles(x), yv = Extremes.doubles(y), out = new double[xv.length];
        for (int i = 0; i < xv.length; i++) {
            double m = Math.max(-xv[i], 0);
            out[i] = (1 - yv[i]) * xv[i] + m + Math.log(Math.exp(-m) + Math.exp(-xv[i] - m));
        }
        DataType t = x.dtype().nd4j();
        long[] shape = x.shape();
        return Tensor.record(
                Reduce.toArray(out, t, shape),
                "binaryCrossEntropyWithLogits",
                new Tensor[] {x, y},
                new Tensor[] {x, y},
                new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        double[] a = Extremes.doubles(x), z = Extremes.doubles(y), gv = Engine.toDoubles(g);
                        double[] dx = x.requiresGrad() ? new double[a.length] : null,
                                dy = y.requiresGrad() ? new double[a.length] : null;
                        for (int i = 0; i < a.length; i++) {
                            if (dx != null) dx[i] = gv[i] * (sigmoid(a[i]) - z[i]);
                            if (dy != null) dy[i] = -gv[i] * a[i];
                        }
                        return new INDArray[] {
                            dx == null ? null : Reduce.toArray(dx, t, shape),
                            dy == null ? null : Reduce.toArray(dy, y.dtype().nd4j(), shape)
                        };
                    }
                });
    }

    /** 1 / (1 + e^-x) without overflow for large |x|. */
    private static double sigmoid(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }
}
