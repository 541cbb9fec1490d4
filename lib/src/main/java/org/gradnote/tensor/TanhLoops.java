// GENERATED from lib/src/main/twins/org/gradnote/tensor/TanhLoops.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * tanh as Java loops: the float32 forward from one exp per element in double (correctly rounded, where libnd4j's
 * float tanh is off by hundreds of ulps), the backward g (1 - y²) from the saved output y, as torch's tanh_backward.
 */
final class TanhLoops {
    private TanhLoops() {}

    /**
     * tanh of every float32 element into a fresh dense array, or null for float64 (libnd4j's double tanh is accurate
     * and the exp form is a few double ulps off near |x| = 1/16) and when the dispatch policy sends it to the native op.
     */
    static INDArray forward(INDArray xa) {
        if (xa.dataType() != DataType.FLOAT || !Dispatch.loop(xa.length(), Dispatch.TANH_FORWARD_LOOP_MAX)) return null;
        INDArray x = Engine.contiguous(xa);
        INDArray out = Engine.empty(DataType.FLOAT, x.shape());
        int n = Math.toIntExact(x.length());
        if (n == 0) return out;
        long[] c = NativeLoops.addresses(DataType.FLOAT, n, x, out);
        if (c != null) {
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    NativeLoops.tanhFloat(c[0] + 4L * from, c[1] + 4L * from, to - from);
                }
            });
            return out;
        }
        float[] v = Unfold.scratch().floats(0, n);
        Memory.get(x, v, 0, n);
        // Math.exp costs ~10x the other loops' work per element, hence the lower threshold.
        Parallel.range(n, Dispatch.PARALLEL_MIN_EXP, Dispatch.PARALLEL_MIN_EXP / 2, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                // RecurrentPrimitives.tanh written out (too large for C1 to inline at C1MaxInlineSize=20): the same
                // operations, so the same float for every input. Its branch on the sign stays: a layer's inputs
                // keep their signs unit by unit, which the branch predictor follows, and moving the sign bit
                // through an int instead cost C1's code more than the branch (docs/performance.md).
                for (int i = from; i < to; i++) {
                    double z = v[i], a = Math.abs(z), t;
                    if (a < 0.0625) {
                        double z2 = z * z;
                        t = z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
                    } else {
                        double e = Math.exp(-2 * a);
                        t = (1 - e) / (1 + e);
                        if (z < 0) t = -t;
                    }
                    v[i] = (float) t;
                }
            }
        });
        Memory.put(out, v, 0, n);
        return out;
    }

    /**
     * The input gradient from tanh's output y and output gradient g into a fresh dense array, or null when the
     * dispatch policy sends this size to the native op.
     */
    static INDArray backward(INDArray ya, INDArray ga) {
        INDArray y = Engine.contiguous(ya);
        DataType t = y.dataType();
        if ((t != DataType.FLOAT && t != DataType.DOUBLE)
                || !Dispatch.loop(y.length(), Dispatch.TANH_BACKWARD_LOOP_MAX)) {
            return null;
        }
        INDArray g = Engine.contiguous(Engine.cast(ga, t));
        INDArray dx = Engine.empty(t, y.shape());
        int n = Math.toIntExact(y.length());
        if (n == 0) return dx;
        long[] c = NativeLoops.addresses(t, n, y, g, dx);
        if (c != null) {
            int type = NativeLoops.typeCode(t), width = t.width();
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    long at = (long) width * from;
                    NativeLoops.tanhBackward(type, c[0] + at, c[1] + at, c[2] + at, to - from);
                }
            });
            return dx;
        }
        Unfold.Scratch s = Unfold.scratch();
        if (t == DataType.FLOAT) {
            float[] ys = s.floats(0, n), gs = s.floats(1, n);
            Memory.get(y, ys, 0, n);
            Memory.get(g, gs, 0, n);
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    for (int i = from; i < to; i++) gs[i] = gs[i] * (1f - ys[i] * ys[i]);
                }
            });
            Memory.put(dx, gs, 0, n);
        } else {
            double[] ys = s.doubles(0, n), gs = s.doubles(1, n);
            Memory.get(y, ys, 0, n);
            Memory.get(g, gs, 0, n);
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    for (int i = from; i < to; i++) gs[i] = gs[i] * (1d - ys[i] * ys[i]);
                }
            });
            Memory.put(dx, gs, 0, n);
        }
        return dx;
    }
}
