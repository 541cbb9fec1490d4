// GENERATED from lib/src/main/twins/org/gradnote/tensor/SoftmaxLoops.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * softmax's backward as a Java loop from the saved output y: dx = y (g - Σ y g) along one dimension, each sum taken in
 * order along that dimension in the input's precision, which gives libnd4j's softmax_bp bit for bit (SoftmaxLoopsTest)
 * without the forward softmax that op recomputes from the input.
 */
final class SoftmaxLoops {
    private SoftmaxLoops() {}

    /**
     * The input gradient of a softmax along {@code d} from its dense output y and output gradient g into a fresh dense
     * array, or null when the dispatch policy sends this size to native ops.
     */
    static INDArray backward(INDArray ya, INDArray ga, int d) {
        INDArray y = Engine.contiguous(ya);
        DataType t = y.dataType();
        if ((t != DataType.FLOAT && t != DataType.DOUBLE)
                || !Dispatch.loop(y.length(), Dispatch.SOFTMAX_BACKWARD_LOOP_MAX)) {
            return null;
        }
        INDArray g = Engine.contiguous(Engine.cast(ga, t));
        INDArray dx = Engine.empty(t, y.shape());
        int n = Math.toIntExact(y.length());
        if (n == 0) return dx;
        long[] shape = y.shape();
        int len = (int) shape[d], inner = 1;
        for (int i = d + 1; i < shape.length; i++) inner *= (int) shape[i];
        int block = len * inner, outer = n / block, lines = inner;
        long[] c = NativeLoops.addresses(t, n, y, g, dx);
        if (c != null) {
            int type = NativeLoops.typeCode(t);
            Parallel.items(outer, block, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    NativeLoops.softmaxBackward(type, c[0], c[1], c[2], from, to, len, lines);
                }
            });
            return dx;
        }
        Unfold.Scratch s = Unfold.scratch();
        if (t == DataType.FLOAT) {
            float[] ys = s.floats(0, n), gs = s.floats(1, n);
            Memory.get(y, ys, 0, n);
            Memory.get(g, gs, 0, n);
            Parallel.items(outer, block, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    if (lines == 1) {
                        for (int o = from; o < to; o++) {
                            int base = o * block, end = base + len;
                            float sum = 0f;
                            for (int i = base; i < end; i++) sum += ys[i] * gs[i];
                            for (int i = base; i < end; i++) gs[i] = ys[i] * (gs[i] - sum);
                        }
                        return;
                    }
                    // One running sum per line of the block, each added to in order along d, as libnd4j's reduce.
                    float[] sums = new float[lines];
                    for (int o = from; o < to; o++) {
                        int base = o * block;
                        Arrays.fill(sums, 0f);
                        for (int j = 0, at = base; j < len; j++) {
                            for (int k = 0; k < lines; k++, at++) sums[k] += ys[at] * gs[at];
                        }
                        for (int j = 0, at = base; j < len; j++) {
                            for (int k = 0; k < lines; k++, at++) gs[at] = ys[at] * (gs[at] - sums[k]);
                        }
                    }
                }
            });
            Memory.put(dx, gs, 0, n);
        } else if (t == DataType.DOUBLE) {
            double[] ys = s.doubles(0, n), gs = s.doubles(1, n);
            Memory.get(y, ys, 0, n);
            Memory.get(g, gs, 0, n);
            Parallel.items(outer, block, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    if (lines == 1) {
                        for (int o = from; o < to; o++) {
                            int base = o * block, end = base + len;
                            double sum = 0d;
                            for (int i = base; i < end; i++) sum += ys[i] * gs[i];
                            for (int i = base; i < end; i++) gs[i] = ys[i] * (gs[i] - sum);
                        }
                        return;
                    }
                    // One running sum per line of the block, each added to in order along d, as libnd4j's reduce.
                    double[] sums = new double[lines];
                    for (int o = from; o < to; o++) {
                        int base = o * block;
                        Arrays.fill(sums, 0d);
                        for (int j = 0, at = base; j < len; j++) {
                            for (int k = 0; k < lines; k++, at++) sums[k] += ys[at] * gs[at];
                        }
                        for (int j = 0, at = base; j < len; j++) {
                            for (int k = 0; k < lines; k++, at++) gs[at] = ys[at] * (gs[at] - sums[k]);
                        }
                    }
                }
            });
            Memory.put(dx, gs, 0, n);
        }
        return dx;
    }
}
