package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Stride-1 float32 convolutions of few channels as gradnote's C loops over zero-padded input planes, forward and
 * backward, with no column matrix.
 *
 * <p>Why: with 8 channels in and out (the U-Net's outer layers) im2col + gemm spent more time writing, packing and
 * reading a column matrix nine times the input's size than multiplying, and oneDNN through libnd4j was slower still
 * (crossovers in {@link Dispatch#directConv}). Each output element, and each weight's gradient, is summed by one
 * thread in one fixed order (see gn_conv.c), so results do not depend on the thread count. The padding's zeros enter
 * the sums as im2col's do, so NaN and infinities in x reach the same outputs; one difference is left: x's gradient
 * also multiplies an infinite weight by the zeros around the output gradient (NaN), where col2im drops those terms.
 */
final class DirectConv {
    private DirectConv() {}

    /** A convolution's geometry as the C loops take it: {n, c, h, w, oc, kh, kw, top, left, oh, ow, hp, wp}. */
    record Geometry(int n, int c, int h, int w, int oc, int kh, int kw, int top, int left, int oh, int ow) {
        int hp() {
            return oh + kh - 1;
        }

        int wp() {
            return ow + kw - 1;
        }

        /** True when x needs no padding: the padded planes are x's own. */
        boolean unpadded() {
            return hp() == h && wp() == w;
        }

        int[] ints() {
            return new int[] {n, c, h, w, oc, kh, kw, top, left, oh, ow, hp(), wp()};
        }

        /**
         * The input gradient's geometry: a direct convolution of the output gradient, padded by k - 1 - pad on each
         * side, with the flipped weights whose in and out channels are swapped.
         */
        Geometry transposed() {
            return new Geometry(n, oc, oh, ow, c, kh, kw, kh - 1 - top, kw - 1 - left, h, w);
        }
    }

    /**
     * The geometry when the direct loops can take this convolution (float32, C loops loaded, stride and dilation 1,
     * each side's padding within [0, k - 1], sizes that fit the loops' int indices) and {@link Dispatch#directConv}
     * says they pay; else null.
     */
    static Geometry plan(DataType t, long[] x4, long[] ws, LayerPrimitives.Window win) {
        if (t != DataType.FLOAT || !NativeLoops.enabled()) return null;
        if (win.sH() != 1 || win.sW() != 1 || win.dH() != 1 || win.dW() != 1) return null;
        long oh = win.outH(x4[2]), ow = win.outW(x4[3]);
        int kh = win.kH(), kw = win.kW(), top = win.padTop(), left = win.padLeft();
        long bottom = oh + kh - 1 - top - x4[2], right = ow + kw - 1 - left - x4[3];
        if (top > kh - 1 || left > kw - 1 || bottom < 0 || bottom > kh - 1 || right < 0 || right > kw - 1) return null;
        long padded = x4[0] * x4[1] * (oh + kh - 1) * (ow + kw - 1);
        long outs = x4[0] * ws[0] * oh * ow;
        long grads = x4[0] * ws[0] * (x4[2] + kh - 1) * (x4[3] + kw - 1);
        if (Math.max(padded, Math.max(outs, grads)) > Integer.MAX_VALUE) return null;
        if (!Dispatch.directConv(x4[1], ws[0], kh, kw, oh * ow)) return null;
        return new Geometry(
                (int) x4[0], (int) x4[1], (int) x4[2], (int) x4[3], (int) ws[0], kh, kw, top, left, (int) oh, (int) ow);
    }

    /** x's planes zero-padded as g says, into a fresh array (or x itself when g needs no padding). */
    private static INDArray padded(INDArray x, Geometry g) {
        if (g.unpadded()) return x;
        int planes = g.n * g.c, h = g.hp(), w = g.wp();
        INDArray xp = Engine.empty(DataType.FLOAT, (long) planes * h * w);
        long src = address(x, (long) planes * g.h * g.w), dst = address(xp, (long) planes * h * w);
        int[] geometry = g.ints();
        Parallel.items(planes, (long) h * w, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                NativeLoops.padPlanes(src, dst, from, to, geometry);
            }
        });
        return xp;
    }

    /** out [n, oc, oh, ow] (dense) = the direct convolution of the padded planes xp with w, plus bias when not null. */
    private static void forward(INDArray xp, INDArray w, INDArray bias, INDArray out, Geometry g) {
        long xa = address(xp, (long) g.n * g.c * g.hp() * g.wp());
        long wa = address(w, (long) g.oc * g.c * g.kh * g.kw);
        long ba = bias == null ? 0 : address(bias, g.oc);
        long oa = address(out, (long) g.n * g.oc * g.oh * g.ow);
        int[] geometry = g.ints();
        Parallel.items(g.n * g.oc, (long) g.c * g.kh * g.kw * g.oh * g.wp(), new Parallel.Body() {
            @Override
            void run(int from, int to) {
                NativeLoops.directForward(xa, wa, ba, oa, from, to, geometry);
            }
        });
    }

    private static long address(INDArray a, long n) {
        long at = Memory.address(a, DataType.FLOAT, n);
        if (at == 0) throw new IllegalStateException("conv: a dense float32 array of " + n + " elements was expected");
        return at;
    }

    /**
     * The convolution of a dense float32 x (4-D shape x4, own shape xs) with dense w, planned by {@link #plan}; the
     * result and x's gradient have x's rank.
     */
    static Tensor conv(String op, Tensor x, Tensor w, Tensor b, INDArray xd, INDArray wd, Geometry g, long[] xs) {
        DataType t = DataType.FLOAT;
        long[] ws = w.shape();
        INDArray bd = b == null ? null : Engine.contiguous(Engine.cast(b.data(), t));
        long[] result = xs.length == 3 ? new long[] {g.n, g.oc, g.ow} : new long[] {g.n, g.oc, g.oh, g.ow};
        INDArray xp = padded(xd, g);
        INDArray out = Engine.empty(t, result);
        forward(xp, wd, bd, out, g);
        Tensor[] inputs = b == null ? new Tensor[] {x, w} : new Tensor[] {x, w, b};
        Tensor r = Tensor.record(out, op, inputs, new Tensor[] {x, w}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray grad) {
                INDArray gd = Engine.contiguous(Engine.cast(grad, t));
                long ga = address(gd, (long) g.n * g.oc * g.oh * g.ow);
                INDArray db = null;
                if (b != null) {
                    db = Engine.empty(t, g.oc);
                    long da = address(db, g.oc);
                    int p = g.oh * g.ow;
                    Parallel.items(g.oc, (long) g.n * p, new Parallel.Body() {
                        @Override
                        void run(int from, int to) {
                            NativeLoops.directBias(ga, da, from, to, g.n, g.oc, p);
                        }
                    });
                }
                // dw in the weight's own shape, so that the parameter's gradient can be this very array.
                INDArray dw = Engine.empty(t, ws);
                long xa = address(xp, (long) g.n * g.c * g.hp() * g.wp());
                long wa = address(dw, (long) g.oc * g.c * g.kh * g.kw);
                int[] geometry = g.ints();
                Parallel.items(g.oc * g.c, (long) g.n * g.kh * g.kw * g.oh * g.ow, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        NativeLoops.directWeights(xa, ga, wa, from, to, geometry);
                    }
                });
                INDArray dx = x.requiresGrad() ? inputGrad(gd, wd, g, xs) : null;
                return b == null ? new INDArray[] {dx, dw} : new INDArray[] {dx, dw, db};
            }
        });
        if (xp != xd) {
            if (r.node != null) r.node.ownScratch(xp);
            else BufferPool.get().give(xp);
        }
        return r;
    }

    /** dx: the output gradient, padded, convolved with the flipped weights [c, oc, kh, kw]. */
    private static INDArray inputGrad(INDArray gd, INDArray wd, Geometry g, long[] xs) {
        Geometry back = g.transposed();
        int taps = g.kh * g.kw, len = g.oc * g.c * taps;
        float[] wv = new float[len], flipped = new float[len];
        Memory.get(wd, wv, 0, len);
        for (int o = 0; o < g.oc; o++) {
            for (int c = 0; c < g.c; c++) {
                for (int k = 0; k < taps; k++)
                    flipped[(c * g.oc + o) * taps + k] = wv[(o * g.c + c) * taps + taps - 1 - k];
            }
        }
        INDArray wt = Engine.empty(DataType.FLOAT, g.c, g.oc, g.kh, g.kw);
        Memory.put(wt, flipped, 0, len);
        INDArray gp = padded(gd, back);
        INDArray dx = Engine.empty(DataType.FLOAT, xs);
        forward(gp, wt, null, dx, back);
        if (gp != gd) BufferPool.get().give(gp);
        BufferPool.get().give(wt);
        return dx;
    }
}
