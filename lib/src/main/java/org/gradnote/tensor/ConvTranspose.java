package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The 2-D transposed convolution (PyTorch's conv_transpose2d) on the convolution's own machinery: its forward is
 * conv2d's input gradient (a gemm then {@link Unfold#col2im}), its input gradient is conv2d's forward (
 * {@link Unfold#im2col} then a gemm), so the two ops share one index map per geometry.
 */
final class ConvTranspose {
    private ConvTranspose() {}

    /** Output size along one axis: (in - 1)·s - 2p + d·(k - 1) + outputPadding + 1, as torch. */
    static long outSize(long in, int k, int s, int p, int d, int outputPadding) {
        return (in - 1) * s - 2L * p + (long) d * (k - 1) + outputPadding + 1;
    }

    /**
     * x [N, Cin, H, W] with w [Cin, Cout, kH, kW] and an optional bias [Cout]; win is the window of the matching
     * convolution (which maps the output back to x's size), outputPadding the extra rows and columns at the end.
     */
    static Tensor convTranspose2d(Tensor x, Tensor w, Tensor b, LayerPrimitives.Window win, int[] outputPadding) {
        Signature.CONV_TRANSPOSE2D.check(x, w, b);
        DataType t = Engine.resultType(x.data().dataType(), w.data().dataType());
        INDArray xd = Engine.contiguous(Engine.cast(x.data(), t));
        INDArray wd = Engine.contiguous(Engine.cast(w.data(), t));
        long[] xs = xd.shape(), ws = w.shape();
        int n = Math.toIntExact(xs[0]), cin = Math.toIntExact(xs[1]), cout = Math.toIntExact(ws[1]);
        long oh = outSize(xs[2], win.kH(), win.sH(), win.pH(), win.dH(), outputPadding[0]);
        long ow = outSize(xs[3], win.kW(), win.sW(), win.pW(), win.dW(), outputPadding[1]);
        if (oh <= 0 || ow <= 0) {
            throw new ShapeException("convTranspose2d: input " + Shapes.str(xs) + " with weight " + Shapes.str(ws)
                    + " gives an empty output " + oh + "x" + ow);
        }
        long[] out4 = {n, cout, oh, ow};
        int p = Math.toIntExact(xs[2] * xs[3]), k = Math.toIntExact(cout * ws[2] * ws[3]);
        int cols = Math.multiplyExact(n, p), outP = Math.toIntExact(oh * ow);
        // x in the gemms' channel-major layout [Cin, N·H·W]; kept for the weight's gradient.
        INDArray xM = Engine.empty(t, cin, cols);
        ChannelLoops.toChannelMajor(xd, xM, null, n, cin, p);
        INDArray col = Engine.empty(t, k, cols);
        Blas.gemm(true, false, k, cols, cin, wd, xM, col);
        INDArray out = Unfold.col2im(col, out4, out4, win);
        BufferPool.get().give(col);
        INDArray bd = b == null ? null : Engine.contiguous(Engine.cast(b.data(), t));
        if (bd != null) ChannelLoops.addBias(out, bd, n, cout, outP);
        Tensor[] inputs = b == null ? new Tensor[] {x, w} : new Tensor[] {x, w, b};
        Tensor r = Tensor.record(out, "convTranspose2d", inputs, new Tensor[] {x, w}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray gd = Engine.contiguous(Engine.cast(g, t));
                INDArray dcol = Unfold.im2col(gd, out4, win);
                INDArray dw = Engine.empty(t, ws);
                Blas.gemm(false, true, cin, k, cols, xM, dcol, dw);
                INDArray dx = null;
                if (x.requiresGrad()) {
                    INDArray dxM = Engine.empty(t, cin, cols);
                    Blas.gemm(false, false, cin, cols, k, wd, dcol, dxM);
                    dx = Engine.empty(t, xs);
                    ChannelLoops.toBatchMajor(dxM, null, dx, n, cin, p);
                }
                BufferPool.get().give(dcol);
                if (b == null) return new INDArray[] {dx, dw};
                return new INDArray[] {dx, dw, biasGrad(gd, t, n, cout, outP)};
            }
        });
        if (r.node != null) r.node.ownScratch(xM);
        else BufferPool.get().give(xM);
        return r;
    }

    /** db[c] = the sum of g[n, c, p] over n and p, accumulated in double and rounded once (as ChannelLoops). */
    private static INDArray biasGrad(INDArray g, DataType t, int n, int c, int p) {
        int len = n * c * p;
        if (t == DataType.FLOAT && NativeLoops.enabled()) {
            // The same additions in the same order, in C: the float32 values widened one by one.
            INDArray db = Engine.empty(t, c);
            long ga = Memory.address(g, t, len), da = Memory.address(db, t, c);
            if (ga != 0 && da != 0) {
                Parallel.items(c, (long) n * p, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        NativeLoops.directBias(ga, da, from, to, n, c, p);
                    }
                });
                return db;
            }
        }
        double[] v = new double[len], acc = new double[c];
        Memory.get(Engine.cast(g, DataType.DOUBLE), v, 0, len);
        for (int ni = 0, i = 0; ni < n; ni++) {
            for (int ci = 0; ci < c; ci++) {
                for (int j = 0; j < p; j++) acc[ci] += v[i++];
            }
        }
        INDArray db = Engine.empty(DataType.DOUBLE, c);
        Memory.put(db, acc, 0, c);
        return t == DataType.DOUBLE ? db : Engine.cast(db, t);
    }
}
