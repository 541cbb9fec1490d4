package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Max pooling on Java arrays that remembers where each maximum came from, so the backward is a scatter.
 *
 * <p>Why not M2.1's maxpool2d/maxpool2d_bp: the backward op searches every window again and took 26-39 µs a call
 * for LeNet's two layers (a quarter of the lab's native time), while the forward here notes the argmax at no
 * extra cost and the backward only adds each output gradient at its index. Semantics are PyTorch's: padding never
 * wins, the first maximum of a window takes the gradient, and a NaN in a window is its maximum.
 */
final class MaxPool {
    private MaxPool() {}

    /** The pooled values of a dense x of 4-D shape x4, written into the dense out; argmax receives each winner's flat index. */
    static void forward(INDArray x, long[] x4, LayerPrimitives.Window w, INDArray out, int[] argmax) {
        int len = Math.toIntExact(Shapes.numel(x4));
        if (x.dataType() == DataType.FLOAT) {
            // float32 in float arrays with one bulk copy each way: element reads through a direct buffer (or a
            // widening to double) were most of this op's time in LeNet.
            float[] src = new float[len], dst = new float[argmax.length];
            x.data().asNioFloat().get(0, src);
            Grid g = new Grid(x4, w);
            for (int o = 0; o < argmax.length; o++) {
                int at = g.winner(o, src);
                argmax[o] = at;
                dst[o] = at < 0 ? Float.NEGATIVE_INFINITY : src[at];
            }
            out.data().asNioFloat().put(0, dst);
        } else {
            double[] src = new double[len], dst = new double[argmax.length];
            x.data().asNioDouble().get(0, src);
            Grid g = new Grid(x4, w);
            for (int o = 0; o < argmax.length; o++) {
                int at = g.winner(o, src);
                argmax[o] = at;
                dst[o] = at < 0 ? Double.NEGATIVE_INFINITY : src[at];
            }
            out.data().asNioDouble().put(0, dst);
        }
    }

    /** dx (dense, zero outside the winners) from the output gradient g, read in c order. */
    static void backward(INDArray g, int[] argmax, INDArray dx) {
        int len = Math.toIntExact(dx.length());
        INDArray gd = Engine.contiguous(g);
        if (dx.dataType() == DataType.FLOAT) {
            float[] gv = new float[argmax.length], d = new float[len];
            gd.data().asNioFloat().get(0, gv);
            for (int i = 0; i < argmax.length; i++) if (argmax[i] >= 0) d[argmax[i]] += gv[i];
            dx.data().asNioFloat().put(0, d);
        } else {
            double[] gv = new double[argmax.length], d = new double[len];
            gd.data().asNioDouble().get(0, gv);
            for (int i = 0; i < argmax.length; i++) if (argmax[i] >= 0) d[argmax[i]] += gv[i];
            dx.data().asNioDouble().put(0, d);
        }
    }

    /**
     * Where the windows of one pooling lie: output element o belongs to plane o / (oH·oW) and row/column of that
     * plane; {@link #winner} returns the flat input index of its maximum. Padding never wins; a window
     * of padding only has no winner (-1) and pools to -inf.
     */
    private static final class Grid {
        final int h, wd, oh, ow, kH, kW, sH, sW, pH, pW, dH, dW;

        Grid(long[] x4, LayerPrimitives.Window w) {
            h = (int) x4[2];
            wd = (int) x4[3];
            oh = (int) w.outH(h);
            ow = (int) w.outW(wd);
            kH = w.kH();
            kW = w.kW();
            sH = w.sH();
            sW = w.sW();
            pH = w.pH();
            pW = w.pW();
            dH = w.dH();
            dW = w.dW();
        }

        int winner(int o, float[] src) {
            int plane = o / (oh * ow), rem = o - plane * oh * ow, y = rem / ow, xo = rem - y * ow;
            int base = plane * h * wd, r0 = y * sH - pH, c0 = xo * sW - pW;
            int at = -1;
            float best = 0;
            for (int i = 0; i < kH; i++) {
                int r = r0 + i * dH;
                if (r < 0 || r >= h) continue;
                for (int j = 0; j < kW; j++) {
                    int c = c0 + j * dW;
                    if (c < 0 || c >= wd) continue;
                    float v = src[base + r * wd + c];
                    // The first maximum wins; a NaN beats any number (v != v is NaN).
                    if (at < 0 || v > best || v != v && best == best) {
                        best = v;
                        at = base + r * wd + c;
                    }
                }
            }
            return at;
        }

        /** {@link #winner(int, float[])} for float64 (same rules). */
        int winner(int o, double[] src) {
            int plane = o / (oh * ow), rem = o - plane * oh * ow, y = rem / ow, xo = rem - y * ow;
            int base = plane * h * wd, r0 = y * sH - pH, c0 = xo * sW - pW;
            int at = -1;
            double best = 0;
            for (int i = 0; i < kH; i++) {
                int r = r0 + i * dH;
                if (r < 0 || r >= h) continue;
                for (int j = 0; j < kW; j++) {
                    int c = c0 + j * dW;
                    if (c < 0 || c >= wd) continue;
                    double v = src[base + r * wd + c];
                    if (at < 0 || v > best || v != v && best == best) {
                        best = v;
                        at = base + r * wd + c;
                    }
                }
            }
            return at;
        }
    }

    /** True for the types this path handles (the float types, as Engine's double copies do). */
    static boolean handles(DataType t) {
        return t == DataType.FLOAT || t == DataType.DOUBLE;
    }
}
