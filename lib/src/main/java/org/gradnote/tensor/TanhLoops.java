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
        float[] v = Unfold.scratch().floats(0, n);
        Memory.get(x, v, 0, n);
        // Math.exp costs ~10x the other loops' work per element, hence the lower threshold.
        Parallel.range(n, Dispatch.PARALLEL_MIN_EXP, Dispatch.PARALLEL_MIN_EXP / 2, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                // RecurrentPrimitives.tanh written out for |x| and given x's sign bit after rounding (tanh is odd,
                // and so is rounding): the same float for every input (all 2^32 checked, NaNs included), without a
                // call per element or a branch on the sign, which half of a layer's inputs mispredicted.
                for (int i = from; i < to; i++) {
                    int bits = Float.floatToRawIntBits(v[i]);
                    double a = Float.intBitsToFloat(bits & 0x7fffffff), t;
                    if (a < 0.0625) {
                        double a2 = a * a;
                        t = a * (1 + a2 * (-1.0 / 3 + a2 * (2.0 / 15 + a2 * (-17.0 / 315 + a2 * (62.0 / 2835)))));
                    } else {
                        double e = Math.exp(-2 * a);
                        t = (1 - e) / (1 + e);
                    }
                    // A NaN keeps the sign RecurrentPrimitives.tanh gives it (that of |x|).
                    int sign = (bits & 0x7fffffff) > 0x7f800000 ? 0 : bits & 0x80000000;
                    v[i] = Float.intBitsToFloat(Float.floatToRawIntBits((float) t) | sign);
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
