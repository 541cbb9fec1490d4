// GENERATED from lib/src/main/twins/org/gradnote/tensor/MaxPool.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling on Java arrays that remembers where each maximum came from, so the backward is a scatter.
 *
 * <p>Why not M2.1's maxpool2d/maxpool2d_bp: the backward op searches every window again and took 26-39 µs a call
 * for LeNet's two layers (a quarter of the lab's native time), while the forward here notes the argmax at no
 * extra cost and the backward only adds each output gradient at its index. The windows come from {@link Unfold}'s
 * cached index map (channels folded into the batch), so padding, dilation and "same" are placed exactly as for
 * convolution. Semantics are PyTorch's: padding never wins, the first maximum of a window in row-major order takes
 * the gradient, and a NaN in a window is its maximum. float32 stays in float arrays with one bulk copy each way:
 * element reads through a direct buffer, or a widening to double, were most of this op's time in LeNet.
 */
final class MaxPool {
    private MaxPool() {}

    /**
     * The pooled values of a dense x of 4-D shape x4, written into the dense out; argmax receives each winner's flat
     * index, or is null when no gradient will be asked for (inference: the courses' 2x2 window then skips the
     * bookkeeping).
     */
    // v != v is the NaN test, written inline: these loops run interpreted in a run's first epochs, where
    // Float.isNaN would be a call per tap.
    @SuppressWarnings("IdentityBinaryExpression")
    static void forward(INDArray x, long[] x4, LayerPrimitives.Window w, INDArray out, int[] winners) {
        int cols = Math.toIntExact(out.length()), len = Math.toIntExact(x.length());
        int[] argmax = winners != null || (x.dataType() == DataType.FLOAT && isPlain2x2(w)) ? winners : new int[cols];
        Unfold.Scratch s = Unfold.scratch();
        if (x.dataType() == DataType.FLOAT && isPlain2x2(w) && NativeLoops.enabled()) {
            long xa = Memory.address(x, DataType.FLOAT, len), oa = Memory.address(out, DataType.FLOAT, cols);
            if (argmax != null && argmax.length < cols)
                throw new IndexOutOfBoundsException("max pool: " + argmax.length + " winners for " + cols + " outputs");
            if (xa != 0 && oa != 0) {
                int planes = (int) (x4[0] * x4[1]), h = (int) x4[2], wd = (int) x4[3];
                Parallel.items(planes, (long) h * wd, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        NativeLoops.maxPool2x2(xa, from, to, h, wd, oa, argmax);
                    }
                });
                return;
            }
        }
        if (x.dataType() == DataType.FLOAT && isPlain2x2(w)) {
            // No index map at all: it would also take Unfold's one-entry cache from the convolution next to it.
            float[] src = s.floats(0, len), dst = s.floats(1, cols);
            Memory.get(x, src, 0, len);
            int planes = (int) (x4[0] * x4[1]), h = (int) x4[2], wd = (int) x4[3];
            Parallel.items(planes, (long) h * wd, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    if (argmax == null) values2x2(src, from, to, h, wd, dst);
                    else forward2x2(src, from, to, h, wd, dst, argmax);
                }
            });
            Memory.put(out, dst, 0, cols);
            return;
        }
        int[] map = Unfold.map(new long[] {x4[0] * x4[1], 1, x4[2], x4[3]}, w);
        int taps = w.kH() * w.kW();
        if (x.dataType() == DataType.FLOAT) {
            float[] src = s.floats(0, len), dst = s.floats(1, cols);
            Memory.get(x, src, 0, len);
            Parallel.items(cols, taps, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    for (int o = from; o < to; o++) {
                        int at = -1;
                        float best = Float.NEGATIVE_INFINITY;
                        for (int t = o; t < taps * cols; t += cols) {
                            int i = map[t];
                            // The first maximum wins; a NaN beats any number (v != v is NaN).
                            if (i >= 0 && (at < 0 || src[i] > best || src[i] != src[i] && best == best))
                                best = src[at = i];
                        }
                        argmax[o] = at;
                        dst[o] = best;
                    }
                }
            });
            Memory.put(out, dst, 0, cols);
        } else {
            double[] src = s.doubles(0, len), dst = s.doubles(1, cols);
            Memory.get(x, src, 0, len);
            Parallel.items(cols, taps, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    for (int o = from; o < to; o++) {
                        int at = -1;
                        double best = Double.NEGATIVE_INFINITY;
                        for (int t = o; t < taps * cols; t += cols) {
                            int i = map[t];
                            // The first maximum wins; a NaN beats any number (v != v is NaN).
                            if (i >= 0 && (at < 0 || src[i] > best || src[i] != src[i] && best == best))
                                best = src[at = i];
                        }
                        argmax[o] = at;
                        dst[o] = best;
                    }
                }
            });
            Memory.put(out, dst, 0, cols);
        }
    }

    /** The courses' pooling window (2x2, stride 2, no padding or dilation), which skips the index map. */
    static boolean isPlain2x2(LayerPrimitives.Window w) {
        return w.kH() == 2
                && w.kW() == 2
                && w.sH() == 2
                && w.sW() == 2
                && w.pH() == 0
                && w.pW() == 0
                && w.dH() == 1
                && w.dW() == 1
                && !w.same();
    }

    /**
     * 2x2/stride-2 pooling of planes of h x w floats read straight from their positions (odd edges dropped, as with
     * floor division), with the general loop's rules: taps in row-major order, the first maximum wins, a NaN beats
     * any number. Why: the general loop reads four index-map entries per output, half of LeNet's pooling time.
     */
    @SuppressWarnings("IdentityBinaryExpression") // v != v: see forward
    static void forward2x2(float[] src, int fromPlane, int toPlane, int h, int w, float[] dst, int[] argmax) {
        int oh = h / 2, ow = w / 2, o = fromPlane * oh * ow;
        for (int p = fromPlane; p < toPlane; p++) {
            for (int y = 0; y < oh; y++) {
                int r0 = p * h * w + 2 * y * w, r1 = r0 + w;
                for (int x = 0; x < ow; x++, o++) {
                    int at = r0 + 2 * x;
                    float best = src[at];
                    int i = at + 1;
                    if (src[i] > best || src[i] != src[i] && best == best) best = src[at = i];
                    i = r1 + 2 * x;
                    if (src[i] > best || src[i] != src[i] && best == best) best = src[at = i];
                    i++;
                    if (src[i] > best || src[i] != src[i] && best == best) best = src[at = i];
                    argmax[o] = at;
                    dst[o] = best;
                }
            }
        }
    }

    /** {@link #forward2x2} without the winners' indices: the same comparisons in the same order, so the same values. */
    @SuppressWarnings("IdentityBinaryExpression") // v != v: see forward
    static void values2x2(float[] src, int fromPlane, int toPlane, int h, int w, float[] dst) {
        int oh = h / 2, ow = w / 2, o = fromPlane * oh * ow;
        for (int p = fromPlane; p < toPlane; p++) {
            for (int y = 0; y < oh; y++) {
                int r0 = p * h * w + 2 * y * w, r1 = r0 + w;
                for (int x = 0; x < ow; x++, o++) {
                    int at = r0 + 2 * x;
                    float best = src[at], v = src[at + 1];
                    if (v > best || v != v && best == best) best = v;
                    v = src[r1 + 2 * x];
                    if (v > best || v != v && best == best) best = v;
                    v = src[r1 + 2 * x + 1];
                    if (v > best || v != v && best == best) best = v;
                    dst[o] = best;
                }
            }
        }
    }

    /** dx (dense, zero outside the winners) from the output gradient g; a window of padding only (-1) has no winner. */
    static void backward(INDArray g, int[] argmax, INDArray dx) {
        // Each window lies in one plane, so every leading index (a sample, or a channel when unbatched) is a group
        // whose outputs write only its own part of dx; a rank-4 dx is [N, C, H, W], one group per plane.
        long[] s = dx.shape();
        long groups = s.length == 4 ? s[0] * s[1] : s.length == 0 ? 1 : s[0];
        Unfold.scatterAdd(g, argmax, dx, groups > 0 && argmax.length % groups == 0 ? (int) groups : 1);
    }

    /** True for the types this path handles (the float types). */
    static boolean handles(DataType t) {
        return t == DataType.FLOAT || t == DataType.DOUBLE;
    }
}
