// GENERATED from lib/src/main/twins/org/gradnote/tensor/RecurrentPrimitives.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A whole LSTM or GRU layer as one tape entry, with its own backward: BLAS for the matrix products, the gate maths on
 * Java arrays.
 *
 * <p>Why not M2.1's lstmLayer/lstmLayer_bp pair: lstmLayer_bp alone took 8-10 ms per batch of the meteo lab
 * (64 x 30 x 32), more than PyTorch's whole step. Here the input projection of all steps is one gemm, each step
 * one gemm for h·W_hh^T, and the backward one gemm per step for the recurrence plus three for dW_ih, dW_hh and
 * dx over all steps at once; the element-wise gate maths runs in double on Java arrays, which costs less than
 * the ~10 native calls per step it would take (each 5-30 µs here). Gates are PyTorch's i, f, g, o.
 *
 * <p>The products' outputs and the next step's input stay in the model's precision (float[] for a float32 model):
 * the cells widen what they read and round what they write themselves, where separate widening and narrowing copies
 * of every array were 12% of an LSTM training step (docs/performance.md). Hence the float/double twins.
 */
final class RecurrentPrimitives {
    private RecurrentPrimitives() {}

    /**
     * One LSTM layer over a sequence x ([T, N, in], or [N, T, in] when batchFirst) from states h0, c0 [N, H];
     * biases may both be null. Returns {all hidden states (x's layout), last hidden [N, H], last cell [N, H]}.
     */
    static Tensor[] lstm(
            Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, Tensor c0, boolean batchFirst) {
        Signature.LSTM.check(x, wih, whh, bih, bhh, h0, c0);
        return x.data().dataType() == DataType.FLOAT
                ? lstmFloat(x, wih, whh, bih, bhh, h0, c0, batchFirst)
                : lstmDouble(x, wih, whh, bih, bhh, h0, c0, batchFirst);
    }

    /**
     * One GRU layer over a sequence x ([T, N, in], or [N, T, in] when batchFirst) from state h0 [N, H], PyTorch's
     * gates r, z, n; biases may both be null. Returns {all hidden states (x's layout), last hidden [N, H]}.
     *
     * <p>Same plan as {@link #lstm}: one gemm for the input projection of every step, one per step for
     * h·W_hh^T, gate maths on Java arrays; the backward one gemm per step for the recurrence and three over all
     * steps for dW_ih, dW_hh and dx. b_hn stays inside r ⊙ (h W_hn^T + b_hn), as in PyTorch.
     */
    static Tensor[] gru(Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, boolean batchFirst) {
        Signature.GRU.check(x, wih, whh, bih, bhh, h0);
        return x.data().dataType() == DataType.FLOAT
                ? gruFloat(x, wih, whh, bih, bhh, h0, batchFirst)
                : gruDouble(x, wih, whh, bih, bhh, h0, batchFirst);
    }

    /** {@link #lstm} of a float32 model. */
    private static Tensor[] lstmFloat(
            Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, Tensor c0, boolean batchFirst) {
        DataType t = DataType.FLOAT;
        int time = batchFirst ? 1 : 0;
        long[] xs = x.shape();
        int steps = (int) xs[time], n = (int) xs[1 - time], in = (int) xs[2], hid = (int) whh.shape()[1], g4 = 4 * hid;
        boolean hasB = bih != null;
        // Time-major input, so that step t is the contiguous block [t·N, (t+1)·N) of rows.
        INDArray xt = Engine.contiguous(batchFirst ? x.data().permute(1, 0, 2) : x.data())
                .reshape('c', (long) steps * n, in);
        INDArray wx = Engine.contiguous(Engine.cast(wih.data(), t)), wr = Engine.contiguous(Engine.cast(whh.data(), t));
        double[] bias = new double[g4];
        if (hasB) {
            double[] b1 = Engine.toDoubles(bih.data()), b2 = Engine.toDoubles(bhh.data());
            for (int j = 0; j < g4; j++) bias[j] = b1[j] + b2[j];
        }
        INDArray proj = Engine.empty(t, (long) steps * n, g4);
        Engine.gemmInto(xt, wx, proj, false, true);
        int nh = n * hid, ng = n * g4;
        // Every array below is fully written before it is read (the states from index 1, index 0 from h0 and c0).
        HeapArrays heap = HeapArrays.get();
        // Dense first: a strided copy takes scratch slots 0 and 1, which must not be the step buffers' below.
        INDArray h0d = Engine.contiguous(Engine.cast(h0.data(), t)), c0d = Engine.contiguous(Engine.cast(c0.data(), t));
        double[] hs = heap.take((steps + 1) * nh), cs = heap.take((steps + 1) * nh); // index 0: h0, c0
        double[] gates = heap.take(steps * ng), tanhC = heap.take(steps * nh);
        Engine.readDoubles(h0d, hs, nh);
        Engine.readDoubles(c0d, cs, nh);
        Unfold.Scratch scratch = Unfold.scratch();
        // In the model's precision: the projections, this step's product and the next step's input h (from h0).
        float[] pre = scratch.floats(1, steps * ng), r = scratch.floats(2, ng), h = scratch.floats(3, nh);
        Memory.get(proj, pre, 0, steps * ng);
        Memory.get(h0d, h, 0, nh);
        INDArray hNd = Engine.empty(t, n, hid), rec = Engine.empty(t, n, g4);
        for (int s = 0; s < steps; s++) {
            Memory.put(hNd, h, 0, nh);
            Engine.gemmInto(hNd, wr, rec, false, true, Blas.Split.STEP);
            Memory.get(rec, r, 0, ng);
            cellForwardFloat(pre, r, bias, gates, s * ng, cs, hs, tanhC, s * nh, n, hid, h);
        }

        // One tape entry has one output: the sequence and the last cell state packed along the time axis, [T + 1].
        double[] packed = heap.take((steps + 1) * nh);
        for (int s = 0; s <= steps; s++) {
            double[] src = s < steps ? hs : cs;
            int from = s < steps ? (s + 1) * nh : steps * nh;
            for (int b = 0; b < n; b++) {
                int to = batchFirst ? (b * (steps + 1) + s) * hid : (s * n + b) * hid;
                System.arraycopy(src, from + b * hid, packed, to, hid);
            }
        }
        INDArray out = Engine.empty(t, batchFirst ? new long[] {n, steps + 1, hid} : new long[] {steps + 1, n, hid});
        Engine.putDoubles(out, packed, 0, packed.length);
        heap.give(packed);

        Tensor[] inputs = hasB ? new Tensor[] {x, wih, whh, bih, bhh, h0, c0} : new Tensor[] {x, wih, whh, h0, c0};
        Tensor result = Tensor.record(out, "lstm", inputs, inputs, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray grad) {
                HeapArrays heap = HeapArrays.get();
                double[] gp = heap.take((steps + 1) * nh);
                Engine.readDoubles(grad, gp, gp.length);
                // dz is written step by step before it is read; dh is set from gp and dhRec; dc is set below.
                double[] dz = heap.take(steps * ng), dh = heap.take(nh), dc = heap.take(nh);
                // dz as the products read it, and the recurrence's product dz W_hh (zero after the last step).
                Unfold.Scratch scratch = Unfold.scratch();
                float[] dzIo = scratch.floats(1, steps * ng), dhRec = scratch.floats(2, nh);
                java.util.Arrays.fill(dhRec, 0, nh, 0);
                for (int b = 0; b < n; b++) { // gradient of the last cell state
                    System.arraycopy(
                            gp, batchFirst ? (b * (steps + 1) + steps) * hid : (steps * n + b) * hid, dc, b * hid, hid);
                }
                INDArray dzNd = Engine.empty(t, n, g4), dhNd = Engine.empty(t, n, hid);
                for (int s = steps - 1; s >= 0; s--) {
                    for (int b = 0; b < n; b++) {
                        int from = batchFirst ? (b * (steps + 1) + s) * hid : (s * n + b) * hid;
                        for (int j = 0, k = b * hid; j < hid; j++, k++) {
                            double d = dhRec[k];
                            dh[k] = d + gp[from + j];
                        }
                    }
                    cellBackwardFloat(dh, dc, gates, s * ng, cs, s * nh, tanhC, dz, dzIo, n, hid);
                    if (s == 0 && !h0.requiresGrad() && !c0.requiresGrad()) break;
                    Memory.put(dzNd, dzIo, s * ng, ng);
                    Engine.gemmInto(dzNd, wr, dhNd, false, false, Blas.Split.STEP);
                    Memory.get(dhNd, dhRec, 0, nh);
                }
                INDArray dzAll = Engine.empty(t, (long) steps * n, g4);
                Memory.put(dzAll, dzIo, 0, steps * ng);
                INDArray hPrev = Engine.empty(t, (long) steps * n, hid);
                Engine.putDoubles(hPrev, hs, 0, steps * nh);
                INDArray dwx = Engine.empty(t, g4, in), dwr = Engine.empty(t, g4, hid);
                Engine.gemmInto(dzAll, xt, dwx, true, false);
                Engine.gemmInto(dzAll, hPrev, dwr, true, false);
                INDArray dx = null;
                if (x.requiresGrad()) {
                    INDArray dxt = Engine.empty(t, (long) steps * n, in);
                    Engine.gemmInto(dzAll, wx, dxt, false, false);
                    dx = dxt.reshape('c', steps, n, in);
                    if (batchFirst) dx = dx.permute(1, 0, 2).dup('c');
                }
                INDArray dh0 = null;
                if (h0.requiresGrad()) {
                    dh0 = Engine.empty(t, n, hid);
                    Memory.put(dh0, dhRec, 0, nh);
                }
                INDArray dc0 = c0.requiresGrad() ? fromDoubles(t, dc, n, hid) : null;
                INDArray dbNd = null;
                if (hasB) {
                    double[] db = new double[g4];
                    for (int row = 0; row < steps * n; row++) for (int j = 0; j < g4; j++) db[j] += dz[row * g4 + j];
                    dbNd = fromDoubles(t, db, g4);
                }
                heap.give(gp, dz, dh, dc);
                if (!hasB) return new INDArray[] {dx, dwx, dwr, dh0, dc0};
                return new INDArray[] {dx, dwx, dwr, dbNd, dbNd, dh0, dc0};
            }
        });
        // The saved states are the entry's alone: reused once it is released after backward (or at once without one).
        if (result.node != null) result.node.ownHeapScratch(hs, cs, gates, tanhC);
        else heap.give(hs, cs, gates, tanhC);
        Tensor seq = result.slice(time, 0, steps);
        return new Tensor[] {seq, result.select(time, steps - 1), result.select(time, steps)};
    }

    /** {@link #gru} of a float32 model. */
    private static Tensor[] gruFloat(
            Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, boolean batchFirst) {
        DataType t = DataType.FLOAT;
        int time = batchFirst ? 1 : 0;
        long[] xs = x.shape();
        int steps = (int) xs[time], n = (int) xs[1 - time], in = (int) xs[2], hid = (int) whh.shape()[1], g3 = 3 * hid;
        boolean hasB = bih != null;
        INDArray xt = Engine.contiguous(batchFirst ? x.data().permute(1, 0, 2) : x.data())
                .reshape('c', (long) steps * n, in);
        INDArray wx = Engine.contiguous(Engine.cast(wih.data(), t)), wr = Engine.contiguous(Engine.cast(whh.data(), t));
        double[] bi = hasB ? Engine.toDoubles(bih.data()) : new double[g3],
                bh = hasB ? Engine.toDoubles(bhh.data()) : new double[g3];
        INDArray proj = Engine.empty(t, (long) steps * n, g3);
        Engine.gemmInto(xt, wx, proj, false, true);
        int nh = n * hid, ng = n * g3;
        // As in lstm: every array below is fully written before it is read.
        HeapArrays heap = HeapArrays.get();
        INDArray h0d = Engine.contiguous(Engine.cast(h0.data(), t)); // dense first, as in lstm
        double[] hs = heap.take((steps + 1) * nh); // index 0: h0
        // Per step and row: r, z, n and hn = h W_hn^T + b_hn, the values the backward needs.
        double[] gates = heap.take(steps * ng + steps * nh);
        int hnAt = steps * ng;
        Engine.readDoubles(h0d, hs, nh);
        Unfold.Scratch scratch = Unfold.scratch();
        // As in lstm: the projections, this step's product and the next step's input h, in the model's precision.
        float[] pre = scratch.floats(1, steps * ng), r = scratch.floats(2, ng), h = scratch.floats(3, nh);
        Memory.get(proj, pre, 0, steps * ng);
        Memory.get(h0d, h, 0, nh);
        INDArray hNd = Engine.empty(t, n, hid), rec = Engine.empty(t, n, g3);
        for (int s = 0; s < steps; s++) {
            Memory.put(hNd, h, 0, nh);
            Engine.gemmInto(hNd, wr, rec, false, true, Blas.Split.STEP);
            Memory.get(rec, r, 0, ng);
            gruForwardFloat(pre, r, bi, bh, gates, s * ng, hnAt + s * nh, hs, s * nh, n, hid, h);
        }
        INDArray out = Engine.empty(t, batchFirst ? new long[] {n, steps, hid} : new long[] {steps, n, hid});
        if (batchFirst) {
            double[] bf = heap.take(steps * nh);
            for (int s = 0; s < steps; s++) {
                for (int b = 0; b < n; b++)
                    System.arraycopy(hs, (s + 1) * nh + b * hid, bf, (b * steps + s) * hid, hid);
            }
            Engine.putDoubles(out, bf, 0, bf.length);
            heap.give(bf);
        } else {
            Engine.putDoubles(out, hs, nh, steps * nh);
        }

        Tensor[] inputs = hasB ? new Tensor[] {x, wih, whh, bih, bhh, h0} : new Tensor[] {x, wih, whh, h0};
        Tensor result = Tensor.record(out, "gru", inputs, inputs, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray grad) {
                HeapArrays heap = HeapArrays.get();
                double[] gp = heap.take(steps * nh);
                Engine.readDoubles(grad, gp, gp.length);
                // dzx and dzh are written step by step before they are read; dh accumulates from zero.
                double[] dzx = heap.take(steps * ng), dzh = heap.take(steps * ng), dh = heap.zeros(nh);
                INDArray dzNd = Engine.empty(t, n, g3), dhNd = Engine.empty(t, n, hid);
                // dzx and dzh as the products read them, and the recurrence's product dzh W_hh.
                Unfold.Scratch scratch = Unfold.scratch();
                float[] dzxIo = scratch.floats(1, steps * ng), dzhIo = scratch.floats(2, steps * ng);
                float[] dhRec = scratch.floats(3, nh);
                for (int s = steps - 1; s >= 0; s--) {
                    for (int b = 0; b < n; b++) {
                        int from = batchFirst ? (b * steps + s) * hid : (s * n + b) * hid;
                        for (int j = 0; j < hid; j++) dh[b * hid + j] += gp[from + j];
                    }
                    gruBackwardFloat(dh, gates, s * ng, hnAt + s * nh, hs, s * nh, dzx, dzh, dzxIo, dzhIo, n, hid);
                    if (s == 0 && !h0.requiresGrad()) break;
                    Memory.put(dzNd, dzhIo, s * ng, ng);
                    Engine.gemmInto(dzNd, wr, dhNd, false, false, Blas.Split.STEP);
                    Memory.get(dhNd, dhRec, 0, nh);
                    for (int k = 0; k < nh; k++) dh[k] += dhRec[k];
                }
                INDArray dzxAll = Engine.empty(t, (long) steps * n, g3), dzhAll = Engine.empty(t, (long) steps * n, g3);
                Memory.put(dzxAll, dzxIo, 0, steps * ng);
                Memory.put(dzhAll, dzhIo, 0, steps * ng);
                INDArray hPrev = Engine.empty(t, (long) steps * n, hid);
                Engine.putDoubles(hPrev, hs, 0, steps * nh);
                INDArray dwx = Engine.empty(t, g3, in), dwr = Engine.empty(t, g3, hid);
                Engine.gemmInto(dzxAll, xt, dwx, true, false);
                Engine.gemmInto(dzhAll, hPrev, dwr, true, false);
                INDArray dx = null;
                if (x.requiresGrad()) {
                    INDArray dxt = Engine.empty(t, (long) steps * n, in);
                    Engine.gemmInto(dzxAll, wx, dxt, false, false);
                    dx = dxt.reshape('c', steps, n, in);
                    if (batchFirst) dx = dx.permute(1, 0, 2).dup('c');
                }
                INDArray dh0 = h0.requiresGrad() ? fromDoubles(t, dh, n, hid) : null;
                INDArray[] grads;
                if (!hasB) grads = new INDArray[] {dx, dwx, dwr, dh0};
                else {
                    double[] dbi = new double[g3], dbh = new double[g3];
                    for (int row = 0; row < steps * n; row++) {
                        for (int j = 0; j < g3; j++) {
                            dbi[j] += dzx[row * g3 + j];
                            dbh[j] += dzh[row * g3 + j];
                        }
                    }
                    grads = new INDArray[] {dx, dwx, dwr, fromDoubles(t, dbi, g3), fromDoubles(t, dbh, g3), dh0};
                }
                heap.give(gp, dzx, dzh, dh);
                return grads;
            }
        });
        if (result.node != null) result.node.ownHeapScratch(hs, gates);
        else heap.give(hs, gates);
        return new Tensor[] {result, result.select(time, steps - 1)};
    }

    /** One GRU step forward: r, z = σ(x-part + h-part), n = tanh(x_n + r ⊙ hn), h' = (1 - z) n + z h. */
    private static void gruForwardFloat(
            float[] pre,
            float[] rec,
            double[] bi,
            double[] bh,
            double[] gates,
            int go,
            int ho,
            double[] hs,
            int so,
            int n,
            int hid,
            float[] h) {
        int g3 = 3 * hid;
        if (NativeLoops.enabled()) {
            NativeLoops.gruCell(pre, rec, bi, bh, gates, go, ho, hs, so, n, hid, h, rowsMin(3, hid));
            return;
        }
        // Rows are independent, as in cellForward.
        Parallel.range(n, rowsMin(3, hid), rowsMin(3, hid) / 2 + 1, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                for (int b = from; b < to; b++) {
                    int row = go + b * g3, rrow = b * g3, cell = so + b * hid;
                    for (int j = 0; j < hid; j++) {
                        double r = sigmoid(pre[row + j] + bi[j] + rec[rrow + j] + bh[j]);
                        double z = sigmoid(pre[row + hid + j] + bi[hid + j] + rec[rrow + hid + j] + bh[hid + j]);
                        double hn = rec[rrow + 2 * hid + j] + bh[2 * hid + j];
                        // cellTanh written out (C1 does not inline it): the same operations, the same bits.
                        double nz = pre[row + 2 * hid + j] + bi[2 * hid + j] + r * hn, na = Math.abs(nz), nn;
                        if (na < 0.0625) {
                            double z2 = nz * nz;
                            nn = nz * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
                        } else {
                            double e = exp(-2 * na);
                            nn = (1 - e) / (1 + e);
                            if (nz < 0) nn = -nn;
                        }
                        gates[row + j] = r;
                        gates[row + hid + j] = z;
                        gates[row + 2 * hid + j] = nn;
                        gates[ho + b * hid + j] = hn;
                        double hNew = (1 - z) * nn + z * hs[cell + j];
                        hs[cell + n * hid + j] = hNew;
                        h[b * hid + j] = (float) hNew;
                    }
                }
            }
        });
    }

    /**
     * One GRU step backward: from dh (gradient of this step's h) to the pre-activation gradients of the input side
     * (dzx: r, z, n) and of the recurrent side (dzh: r, z, hn); dh becomes the direct part z ⊙ dh of the previous
     * state's gradient, to which the caller adds dzh · W_hh.
     */
    private static void gruBackwardFloat(
            double[] dh,
            double[] gates,
            int go,
            int ho,
            double[] hs,
            int so,
            double[] dzx,
            double[] dzh,
            float[] dzxIo,
            float[] dzhIo,
            int n,
            int hid) {
        int g3 = 3 * hid;
        for (int b = 0; b < n; b++) {
            int row = go + b * g3, cell = so + b * hid;
            for (int j = 0; j < hid; j++) {
                int k = b * hid + j;
                double r = gates[row + j], z = gates[row + hid + j], nn = gates[row + 2 * hid + j], hn = gates[ho + k];
                double d = dh[k], hPrev = hs[cell + j];
                double dA = d * (1 - z) * (1 - nn * nn); // through n's tanh
                double dR = dA * hn * r * (1 - r);
                double dZ = d * (hPrev - nn) * z * (1 - z);
                double dAr = dA * r;
                dzx[row + j] = dR;
                dzx[row + hid + j] = dZ;
                dzx[row + 2 * hid + j] = dA;
                dzh[row + j] = dR;
                dzh[row + hid + j] = dZ;
                dzh[row + 2 * hid + j] = dAr;
                dzxIo[row + j] = (float) dR;
                dzxIo[row + hid + j] = (float) dZ;
                dzxIo[row + 2 * hid + j] = (float) dA;
                dzhIo[row + j] = (float) dR;
                dzhIo[row + hid + j] = (float) dZ;
                dzhIo[row + 2 * hid + j] = (float) dAr;
                dh[k] = d * z;
            }
        }
    }

    /**
     * One step forward: z = pre-activation (input projection + recurrence + bias), then i, f, o = σ, g = tanh,
     * c' = f c + i g, h' = o tanh(c'). Activated gates and tanh(c') are kept for the backward.
     */
    private static void cellForwardFloat(
            float[] pre,
            float[] rec,
            double[] bias,
            double[] gates,
            int go,
            double[] cs,
            double[] hs,
            double[] tanhC,
            int so,
            int n,
            int hid,
            float[] h) {
        int g4 = 4 * hid;
        if (NativeLoops.enabled()) {
            NativeLoops.lstmCell(pre, rec, bias, gates, go, cs, hs, tanhC, so, n, hid, h, rowsMin(5, hid));
            return;
        }
        // Rows are independent (no sum crosses them), so splitting them over threads changes no bit.
        Parallel.range(n, rowsMin(5, hid), rowsMin(5, hid) / 2 + 1, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                for (int b = from; b < to; b++) {
                    int row = go + b * g4, rrow = b * g4, cell = so + b * hid;
                    for (int j = 0; j < hid; j++) {
                        // Widened first (a double on the left), so that pre + rec is a double sum, as before the twins.
                        double zi = pre[row + j], zf = pre[row + hid + j], gz = pre[row + 2 * hid + j];
                        double zo = pre[row + 3 * hid + j];
                        double i = sigmoid(zi + rec[rrow + j] + bias[j]);
                        double f = sigmoid(zf + rec[rrow + hid + j] + bias[hid + j]);
                        // cellTanh written out twice (C1 does not inline it): the same operations, the same bits.
                        gz = gz + rec[rrow + 2 * hid + j] + bias[2 * hid + j];
                        double ga = Math.abs(gz), g;
                        if (ga < 0.0625) {
                            double z2 = gz * gz;
                            g = gz * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
                        } else {
                            double e = exp(-2 * ga);
                            g = (1 - e) / (1 + e);
                            if (gz < 0) g = -g;
                        }
                        double o = sigmoid(zo + rec[rrow + 3 * hid + j] + bias[3 * hid + j]);
                        gates[row + j] = i;
                        gates[row + hid + j] = f;
                        gates[row + 2 * hid + j] = g;
                        gates[row + 3 * hid + j] = o;
                        double c = f * cs[cell + j] + i * g, ca = Math.abs(c), tc;
                        if (ca < 0.0625) {
                            double c2 = c * c;
                            tc = c * (1 + c2 * (-1.0 / 3 + c2 * (2.0 / 15 + c2 * (-17.0 / 315 + c2 * (62.0 / 2835)))));
                        } else {
                            double e = exp(-2 * ca);
                            tc = (1 - e) / (1 + e);
                            if (c < 0) tc = -tc;
                        }
                        cs[cell + (n * hid) + j] = c;
                        tanhC[cell + j] = tc;
                        double hNew = o * tc;
                        hs[cell + (n * hid) + j] = hNew;
                        h[b * hid + j] = (float) hNew;
                    }
                }
            }
        });
    }

    /**
     * One step backward: from dh, dc (gradients of this step's h and c) to the pre-activation gradients dz of the
     * step; dc becomes the gradient of the previous cell state, dh is cleared for the recurrence to fill.
     */
    private static void cellBackwardFloat(
            double[] dh,
            double[] dc,
            double[] gates,
            int go,
            double[] cs,
            int so,
            double[] tanhC,
            double[] dz,
            float[] dzIo,
            int n,
            int hid) {
        int g4 = 4 * hid;
        for (int b = 0; b < n; b++) {
            int row = go + b * g4, cell = so + b * hid;
            for (int j = 0; j < hid; j++) {
                int k = b * hid + j;
                double i = gates[row + j],
                        f = gates[row + hid + j],
                        g = gates[row + 2 * hid + j],
                        o = gates[row + 3 * hid + j];
                double tc = tanhC[cell + j];
                double dcT = dc[k] + dh[k] * o * (1 - tc * tc);
                double di = dcT * g * i * (1 - i), df = dcT * cs[cell + j] * f * (1 - f);
                double dg = dcT * i * (1 - g * g), dO = dh[k] * tc * o * (1 - o);
                dz[row + j] = di;
                dz[row + hid + j] = df;
                dz[row + 2 * hid + j] = dg;
                dz[row + 3 * hid + j] = dO;
                dzIo[row + j] = (float) di;
                dzIo[row + hid + j] = (float) df;
                dzIo[row + 2 * hid + j] = (float) dg;
                dzIo[row + 3 * hid + j] = (float) dO;
                dc[k] = dcT * f;
                dh[k] = 0;
            }
        }
    }

    /** {@link #lstm} of a float64 model. */
    private static Tensor[] lstmDouble(
            Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, Tensor c0, boolean batchFirst) {
        DataType t = DataType.DOUBLE;
        int time = batchFirst ? 1 : 0;
        long[] xs = x.shape();
        int steps = (int) xs[time], n = (int) xs[1 - time], in = (int) xs[2], hid = (int) whh.shape()[1], g4 = 4 * hid;
        boolean hasB = bih != null;
        // Time-major input, so that step t is the contiguous block [t·N, (t+1)·N) of rows.
        INDArray xt = Engine.contiguous(batchFirst ? x.data().permute(1, 0, 2) : x.data())
                .reshape('c', (long) steps * n, in);
        INDArray wx = Engine.contiguous(Engine.cast(wih.data(), t)), wr = Engine.contiguous(Engine.cast(whh.data(), t));
        double[] bias = new double[g4];
        if (hasB) {
            double[] b1 = Engine.toDoubles(bih.data()), b2 = Engine.toDoubles(bhh.data());
            for (int j = 0; j < g4; j++) bias[j] = b1[j] + b2[j];
        }
        INDArray proj = Engine.empty(t, (long) steps * n, g4);
        Engine.gemmInto(xt, wx, proj, false, true);
        int nh = n * hid, ng = n * g4;
        // Every array below is fully written before it is read (the states from index 1, index 0 from h0 and c0).
        HeapArrays heap = HeapArrays.get();
        // Dense first: a strided copy takes scratch slots 0 and 1, which must not be the step buffers' below.
        INDArray h0d = Engine.contiguous(Engine.cast(h0.data(), t)), c0d = Engine.contiguous(Engine.cast(c0.data(), t));
        double[] hs = heap.take((steps + 1) * nh), cs = heap.take((steps + 1) * nh); // index 0: h0, c0
        double[] gates = heap.take(steps * ng), tanhC = heap.take(steps * nh);
        Engine.readDoubles(h0d, hs, nh);
        Engine.readDoubles(c0d, cs, nh);
        Unfold.Scratch scratch = Unfold.scratch();
        // In the model's precision: the projections, this step's product and the next step's input h (from h0).
        double[] pre = scratch.doubles(1, steps * ng), r = scratch.doubles(2, ng), h = scratch.doubles(3, nh);
        Memory.get(proj, pre, 0, steps * ng);
        Memory.get(h0d, h, 0, nh);
        INDArray hNd = Engine.empty(t, n, hid), rec = Engine.empty(t, n, g4);
        for (int s = 0; s < steps; s++) {
            Memory.put(hNd, h, 0, nh);
            Engine.gemmInto(hNd, wr, rec, false, true, Blas.Split.STEP);
            Memory.get(rec, r, 0, ng);
            cellForwardDouble(pre, r, bias, gates, s * ng, cs, hs, tanhC, s * nh, n, hid, h);
        }

        // One tape entry has one output: the sequence and the last cell state packed along the time axis, [T + 1].
        double[] packed = heap.take((steps + 1) * nh);
        for (int s = 0; s <= steps; s++) {
            double[] src = s < steps ? hs : cs;
            int from = s < steps ? (s + 1) * nh : steps * nh;
            for (int b = 0; b < n; b++) {
                int to = batchFirst ? (b * (steps + 1) + s) * hid : (s * n + b) * hid;
                System.arraycopy(src, from + b * hid, packed, to, hid);
            }
        }
        INDArray out = Engine.empty(t, batchFirst ? new long[] {n, steps + 1, hid} : new long[] {steps + 1, n, hid});
        Engine.putDoubles(out, packed, 0, packed.length);
        heap.give(packed);

        Tensor[] inputs = hasB ? new Tensor[] {x, wih, whh, bih, bhh, h0, c0} : new Tensor[] {x, wih, whh, h0, c0};
        Tensor result = Tensor.record(out, "lstm", inputs, inputs, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray grad) {
                HeapArrays heap = HeapArrays.get();
                double[] gp = heap.take((steps + 1) * nh);
                Engine.readDoubles(grad, gp, gp.length);
                // dz is written step by step before it is read; dh is set from gp and dhRec; dc is set below.
                double[] dz = heap.take(steps * ng), dh = heap.take(nh), dc = heap.take(nh);
                // dz as the products read it, and the recurrence's product dz W_hh (zero after the last step).
                Unfold.Scratch scratch = Unfold.scratch();
                double[] dzIo = scratch.doubles(1, steps * ng), dhRec = scratch.doubles(2, nh);
                java.util.Arrays.fill(dhRec, 0, nh, 0);
                for (int b = 0; b < n; b++) { // gradient of the last cell state
                    System.arraycopy(
                            gp, batchFirst ? (b * (steps + 1) + steps) * hid : (steps * n + b) * hid, dc, b * hid, hid);
                }
                INDArray dzNd = Engine.empty(t, n, g4), dhNd = Engine.empty(t, n, hid);
                for (int s = steps - 1; s >= 0; s--) {
                    for (int b = 0; b < n; b++) {
                        int from = batchFirst ? (b * (steps + 1) + s) * hid : (s * n + b) * hid;
                        for (int j = 0, k = b * hid; j < hid; j++, k++) {
                            double d = dhRec[k];
                            dh[k] = d + gp[from + j];
                        }
                    }
                    cellBackwardDouble(dh, dc, gates, s * ng, cs, s * nh, tanhC, dz, dzIo, n, hid);
                    if (s == 0 && !h0.requiresGrad() && !c0.requiresGrad()) break;
                    Memory.put(dzNd, dzIo, s * ng, ng);
                    Engine.gemmInto(dzNd, wr, dhNd, false, false, Blas.Split.STEP);
                    Memory.get(dhNd, dhRec, 0, nh);
                }
                INDArray dzAll = Engine.empty(t, (long) steps * n, g4);
                Memory.put(dzAll, dzIo, 0, steps * ng);
                INDArray hPrev = Engine.empty(t, (long) steps * n, hid);
                Engine.putDoubles(hPrev, hs, 0, steps * nh);
                INDArray dwx = Engine.empty(t, g4, in), dwr = Engine.empty(t, g4, hid);
                Engine.gemmInto(dzAll, xt, dwx, true, false);
                Engine.gemmInto(dzAll, hPrev, dwr, true, false);
                INDArray dx = null;
                if (x.requiresGrad()) {
                    INDArray dxt = Engine.empty(t, (long) steps * n, in);
                    Engine.gemmInto(dzAll, wx, dxt, false, false);
                    dx = dxt.reshape('c', steps, n, in);
                    if (batchFirst) dx = dx.permute(1, 0, 2).dup('c');
                }
                INDArray dh0 = null;
                if (h0.requiresGrad()) {
                    dh0 = Engine.empty(t, n, hid);
                    Memory.put(dh0, dhRec, 0, nh);
                }
                INDArray dc0 = c0.requiresGrad() ? fromDoubles(t, dc, n, hid) : null;
                INDArray dbNd = null;
                if (hasB) {
                    double[] db = new double[g4];
                    for (int row = 0; row < steps * n; row++) for (int j = 0; j < g4; j++) db[j] += dz[row * g4 + j];
                    dbNd = fromDoubles(t, db, g4);
                }
                heap.give(gp, dz, dh, dc);
                if (!hasB) return new INDArray[] {dx, dwx, dwr, dh0, dc0};
                return new INDArray[] {dx, dwx, dwr, dbNd, dbNd, dh0, dc0};
            }
        });
        // The saved states are the entry's alone: reused once it is released after backward (or at once without one).
        if (result.node != null) result.node.ownHeapScratch(hs, cs, gates, tanhC);
        else heap.give(hs, cs, gates, tanhC);
        Tensor seq = result.slice(time, 0, steps);
        return new Tensor[] {seq, result.select(time, steps - 1), result.select(time, steps)};
    }

    /** {@link #gru} of a float64 model. */
    private static Tensor[] gruDouble(
            Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, boolean batchFirst) {
        DataType t = DataType.DOUBLE;
        int time = batchFirst ? 1 : 0;
        long[] xs = x.shape();
        int steps = (int) xs[time], n = (int) xs[1 - time], in = (int) xs[2], hid = (int) whh.shape()[1], g3 = 3 * hid;
        boolean hasB = bih != null;
        INDArray xt = Engine.contiguous(batchFirst ? x.data().permute(1, 0, 2) : x.data())
                .reshape('c', (long) steps * n, in);
        INDArray wx = Engine.contiguous(Engine.cast(wih.data(), t)), wr = Engine.contiguous(Engine.cast(whh.data(), t));
        double[] bi = hasB ? Engine.toDoubles(bih.data()) : new double[g3],
                bh = hasB ? Engine.toDoubles(bhh.data()) : new double[g3];
        INDArray proj = Engine.empty(t, (long) steps * n, g3);
        Engine.gemmInto(xt, wx, proj, false, true);
        int nh = n * hid, ng = n * g3;
        // As in lstm: every array below is fully written before it is read.
        HeapArrays heap = HeapArrays.get();
        INDArray h0d = Engine.contiguous(Engine.cast(h0.data(), t)); // dense first, as in lstm
        double[] hs = heap.take((steps + 1) * nh); // index 0: h0
        // Per step and row: r, z, n and hn = h W_hn^T + b_hn, the values the backward needs.
        double[] gates = heap.take(steps * ng + steps * nh);
        int hnAt = steps * ng;
        Engine.readDoubles(h0d, hs, nh);
        Unfold.Scratch scratch = Unfold.scratch();
        // As in lstm: the projections, this step's product and the next step's input h, in the model's precision.
        double[] pre = scratch.doubles(1, steps * ng), r = scratch.doubles(2, ng), h = scratch.doubles(3, nh);
        Memory.get(proj, pre, 0, steps * ng);
        Memory.get(h0d, h, 0, nh);
        INDArray hNd = Engine.empty(t, n, hid), rec = Engine.empty(t, n, g3);
        for (int s = 0; s < steps; s++) {
            Memory.put(hNd, h, 0, nh);
            Engine.gemmInto(hNd, wr, rec, false, true, Blas.Split.STEP);
            Memory.get(rec, r, 0, ng);
            gruForwardDouble(pre, r, bi, bh, gates, s * ng, hnAt + s * nh, hs, s * nh, n, hid, h);
        }
        INDArray out = Engine.empty(t, batchFirst ? new long[] {n, steps, hid} : new long[] {steps, n, hid});
        if (batchFirst) {
            double[] bf = heap.take(steps * nh);
            for (int s = 0; s < steps; s++) {
                for (int b = 0; b < n; b++)
                    System.arraycopy(hs, (s + 1) * nh + b * hid, bf, (b * steps + s) * hid, hid);
            }
            Engine.putDoubles(out, bf, 0, bf.length);
            heap.give(bf);
        } else {
            Engine.putDoubles(out, hs, nh, steps * nh);
        }

        Tensor[] inputs = hasB ? new Tensor[] {x, wih, whh, bih, bhh, h0} : new Tensor[] {x, wih, whh, h0};
        Tensor result = Tensor.record(out, "gru", inputs, inputs, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray grad) {
                HeapArrays heap = HeapArrays.get();
                double[] gp = heap.take(steps * nh);
                Engine.readDoubles(grad, gp, gp.length);
                // dzx and dzh are written step by step before they are read; dh accumulates from zero.
                double[] dzx = heap.take(steps * ng), dzh = heap.take(steps * ng), dh = heap.zeros(nh);
                INDArray dzNd = Engine.empty(t, n, g3), dhNd = Engine.empty(t, n, hid);
                // dzx and dzh as the products read them, and the recurrence's product dzh W_hh.
                Unfold.Scratch scratch = Unfold.scratch();
                double[] dzxIo = scratch.doubles(1, steps * ng), dzhIo = scratch.doubles(2, steps * ng);
                double[] dhRec = scratch.doubles(3, nh);
                for (int s = steps - 1; s >= 0; s--) {
                    for (int b = 0; b < n; b++) {
                        int from = batchFirst ? (b * steps + s) * hid : (s * n + b) * hid;
                        for (int j = 0; j < hid; j++) dh[b * hid + j] += gp[from + j];
                    }
                    gruBackwardDouble(dh, gates, s * ng, hnAt + s * nh, hs, s * nh, dzx, dzh, dzxIo, dzhIo, n, hid);
                    if (s == 0 && !h0.requiresGrad()) break;
                    Memory.put(dzNd, dzhIo, s * ng, ng);
                    Engine.gemmInto(dzNd, wr, dhNd, false, false, Blas.Split.STEP);
                    Memory.get(dhNd, dhRec, 0, nh);
                    for (int k = 0; k < nh; k++) dh[k] += dhRec[k];
                }
                INDArray dzxAll = Engine.empty(t, (long) steps * n, g3), dzhAll = Engine.empty(t, (long) steps * n, g3);
                Memory.put(dzxAll, dzxIo, 0, steps * ng);
                Memory.put(dzhAll, dzhIo, 0, steps * ng);
                INDArray hPrev = Engine.empty(t, (long) steps * n, hid);
                Engine.putDoubles(hPrev, hs, 0, steps * nh);
                INDArray dwx = Engine.empty(t, g3, in), dwr = Engine.empty(t, g3, hid);
                Engine.gemmInto(dzxAll, xt, dwx, true, false);
                Engine.gemmInto(dzhAll, hPrev, dwr, true, false);
                INDArray dx = null;
                if (x.requiresGrad()) {
                    INDArray dxt = Engine.empty(t, (long) steps * n, in);
                    Engine.gemmInto(dzxAll, wx, dxt, false, false);
                    dx = dxt.reshape('c', steps, n, in);
                    if (batchFirst) dx = dx.permute(1, 0, 2).dup('c');
                }
                INDArray dh0 = h0.requiresGrad() ? fromDoubles(t, dh, n, hid) : null;
                INDArray[] grads;
                if (!hasB) grads = new INDArray[] {dx, dwx, dwr, dh0};
                else {
                    double[] dbi = new double[g3], dbh = new double[g3];
                    for (int row = 0; row < steps * n; row++) {
                        for (int j = 0; j < g3; j++) {
                            dbi[j] += dzx[row * g3 + j];
                            dbh[j] += dzh[row * g3 + j];
                        }
                    }
                    grads = new INDArray[] {dx, dwx, dwr, fromDoubles(t, dbi, g3), fromDoubles(t, dbh, g3), dh0};
                }
                heap.give(gp, dzx, dzh, dh);
                return grads;
            }
        });
        if (result.node != null) result.node.ownHeapScratch(hs, gates);
        else heap.give(hs, gates);
        return new Tensor[] {result, result.select(time, steps - 1)};
    }

    /** One GRU step forward: r, z = σ(x-part + h-part), n = tanh(x_n + r ⊙ hn), h' = (1 - z) n + z h. */
    private static void gruForwardDouble(
            double[] pre,
            double[] rec,
            double[] bi,
            double[] bh,
            double[] gates,
            int go,
            int ho,
            double[] hs,
            int so,
            int n,
            int hid,
            double[] h) {
        int g3 = 3 * hid;
        // Rows are independent, as in cellForward.
        Parallel.range(n, rowsMin(3, hid), rowsMin(3, hid) / 2 + 1, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                for (int b = from; b < to; b++) {
                    int row = go + b * g3, rrow = b * g3, cell = so + b * hid;
                    for (int j = 0; j < hid; j++) {
                        double r = sigmoid(pre[row + j] + bi[j] + rec[rrow + j] + bh[j]);
                        double z = sigmoid(pre[row + hid + j] + bi[hid + j] + rec[rrow + hid + j] + bh[hid + j]);
                        double hn = rec[rrow + 2 * hid + j] + bh[2 * hid + j];
                        // cellTanh written out (C1 does not inline it): the same operations, the same bits.
                        double nz = pre[row + 2 * hid + j] + bi[2 * hid + j] + r * hn, na = Math.abs(nz), nn;
                        if (na < 0.0625) {
                            double z2 = nz * nz;
                            nn = nz * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
                        } else {
                            double e = exp(-2 * na);
                            nn = (1 - e) / (1 + e);
                            if (nz < 0) nn = -nn;
                        }
                        gates[row + j] = r;
                        gates[row + hid + j] = z;
                        gates[row + 2 * hid + j] = nn;
                        gates[ho + b * hid + j] = hn;
                        double hNew = (1 - z) * nn + z * hs[cell + j];
                        hs[cell + n * hid + j] = hNew;
                        h[b * hid + j] = hNew;
                    }
                }
            }
        });
    }

    /**
     * One GRU step backward: from dh (gradient of this step's h) to the pre-activation gradients of the input side
     * (dzx: r, z, n) and of the recurrent side (dzh: r, z, hn); dh becomes the direct part z ⊙ dh of the previous
     * state's gradient, to which the caller adds dzh · W_hh.
     */
    private static void gruBackwardDouble(
            double[] dh,
            double[] gates,
            int go,
            int ho,
            double[] hs,
            int so,
            double[] dzx,
            double[] dzh,
            double[] dzxIo,
            double[] dzhIo,
            int n,
            int hid) {
        int g3 = 3 * hid;
        for (int b = 0; b < n; b++) {
            int row = go + b * g3, cell = so + b * hid;
            for (int j = 0; j < hid; j++) {
                int k = b * hid + j;
                double r = gates[row + j], z = gates[row + hid + j], nn = gates[row + 2 * hid + j], hn = gates[ho + k];
                double d = dh[k], hPrev = hs[cell + j];
                double dA = d * (1 - z) * (1 - nn * nn); // through n's tanh
                double dR = dA * hn * r * (1 - r);
                double dZ = d * (hPrev - nn) * z * (1 - z);
                double dAr = dA * r;
                dzx[row + j] = dR;
                dzx[row + hid + j] = dZ;
                dzx[row + 2 * hid + j] = dA;
                dzh[row + j] = dR;
                dzh[row + hid + j] = dZ;
                dzh[row + 2 * hid + j] = dAr;
                dzxIo[row + j] = dR;
                dzxIo[row + hid + j] = dZ;
                dzxIo[row + 2 * hid + j] = dA;
                dzhIo[row + j] = dR;
                dzhIo[row + hid + j] = dZ;
                dzhIo[row + 2 * hid + j] = dAr;
                dh[k] = d * z;
            }
        }
    }

    /**
     * One step forward: z = pre-activation (input projection + recurrence + bias), then i, f, o = σ, g = tanh,
     * c' = f c + i g, h' = o tanh(c'). Activated gates and tanh(c') are kept for the backward.
     */
    private static void cellForwardDouble(
            double[] pre,
            double[] rec,
            double[] bias,
            double[] gates,
            int go,
            double[] cs,
            double[] hs,
            double[] tanhC,
            int so,
            int n,
            int hid,
            double[] h) {
        int g4 = 4 * hid;
        // Rows are independent (no sum crosses them), so splitting them over threads changes no bit.
        Parallel.range(n, rowsMin(5, hid), rowsMin(5, hid) / 2 + 1, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                for (int b = from; b < to; b++) {
                    int row = go + b * g4, rrow = b * g4, cell = so + b * hid;
                    for (int j = 0; j < hid; j++) {
                        // Widened first (a double on the left), so that pre + rec is a double sum, as before the twins.
                        double zi = pre[row + j], zf = pre[row + hid + j], gz = pre[row + 2 * hid + j];
                        double zo = pre[row + 3 * hid + j];
                        double i = sigmoid(zi + rec[rrow + j] + bias[j]);
                        double f = sigmoid(zf + rec[rrow + hid + j] + bias[hid + j]);
                        // cellTanh written out twice (C1 does not inline it): the same operations, the same bits.
                        gz = gz + rec[rrow + 2 * hid + j] + bias[2 * hid + j];
                        double ga = Math.abs(gz), g;
                        if (ga < 0.0625) {
                            double z2 = gz * gz;
                            g = gz * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
                        } else {
                            double e = exp(-2 * ga);
                            g = (1 - e) / (1 + e);
                            if (gz < 0) g = -g;
                        }
                        double o = sigmoid(zo + rec[rrow + 3 * hid + j] + bias[3 * hid + j]);
                        gates[row + j] = i;
                        gates[row + hid + j] = f;
                        gates[row + 2 * hid + j] = g;
                        gates[row + 3 * hid + j] = o;
                        double c = f * cs[cell + j] + i * g, ca = Math.abs(c), tc;
                        if (ca < 0.0625) {
                            double c2 = c * c;
                            tc = c * (1 + c2 * (-1.0 / 3 + c2 * (2.0 / 15 + c2 * (-17.0 / 315 + c2 * (62.0 / 2835)))));
                        } else {
                            double e = exp(-2 * ca);
                            tc = (1 - e) / (1 + e);
                            if (c < 0) tc = -tc;
                        }
                        cs[cell + (n * hid) + j] = c;
                        tanhC[cell + j] = tc;
                        double hNew = o * tc;
                        hs[cell + (n * hid) + j] = hNew;
                        h[b * hid + j] = hNew;
                    }
                }
            }
        });
    }

    /**
     * One step backward: from dh, dc (gradients of this step's h and c) to the pre-activation gradients dz of the
     * step; dc becomes the gradient of the previous cell state, dh is cleared for the recurrence to fill.
     */
    private static void cellBackwardDouble(
            double[] dh,
            double[] dc,
            double[] gates,
            int go,
            double[] cs,
            int so,
            double[] tanhC,
            double[] dz,
            double[] dzIo,
            int n,
            int hid) {
        int g4 = 4 * hid;
        for (int b = 0; b < n; b++) {
            int row = go + b * g4, cell = so + b * hid;
            for (int j = 0; j < hid; j++) {
                int k = b * hid + j;
                double i = gates[row + j],
                        f = gates[row + hid + j],
                        g = gates[row + 2 * hid + j],
                        o = gates[row + 3 * hid + j];
                double tc = tanhC[cell + j];
                double dcT = dc[k] + dh[k] * o * (1 - tc * tc);
                double di = dcT * g * i * (1 - i), df = dcT * cs[cell + j] * f * (1 - f);
                double dg = dcT * i * (1 - g * g), dO = dh[k] * tc * o * (1 - o);
                dz[row + j] = di;
                dz[row + hid + j] = df;
                dz[row + 2 * hid + j] = dg;
                dz[row + 3 * hid + j] = dO;
                dzIo[row + j] = di;
                dzIo[row + hid + j] = df;
                dzIo[row + 2 * hid + j] = dg;
                dzIo[row + 3 * hid + j] = dO;
                dc[k] = dcT * f;
                dh[k] = 0;
            }
        }
    }

    /**
     * The rows of a recurrent step from which its forward splits over threads: {@link Dispatch#PARALLEL_MIN_EXP}
     * elements of exp-bound work, a row being {@code exps} exponentials for each of its {@code hid} units.
     */
    private static int rowsMin(int exps, int hid) {
        return Math.max(2, Dispatch.PARALLEL_MIN_EXP / (exps * hid));
    }

    /**
     * tanh from one exp (an intrinsic, ~4 ns) with a Taylor polynomial near 0 where (1 - e)/(1 + e) would cancel:
     * relative error below 1e-14 everywhere. Math.tanh is no intrinsic on JDK 17 (20-50 ns a call) and the
     * forward makes 2·N·H calls per step. The reference the loops write out (cellForward, gruForward, TanhLoops),
     * as C1 does not inline it: RecurrentCellsTest and TanhLoopsTest hold them to its bits.
     */
    static double tanh(double z) {
        double a = Math.abs(z);
        if (a < 0.0625) {
            double z2 = z * z;
            return z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
        }
        double e = Math.exp(-2 * a), t = (1 - e) / (1 + e);
        return z < 0 ? -t : t;
    }

    /** σ(z) = 1 / (1 + e^-z) with the cells' {@link #exp}. */
    static double sigmoid(double z) {
        return 1 / (1 + exp(-z));
    }

    /** {@link #tanh}'s formula with the cells' {@link #exp}: the tanh the LSTM and GRU cells write out inline. */
    static double cellTanh(double z) {
        double a = Math.abs(z);
        if (a < 0.0625) {
            double z2 = z * z;
            return z * (1 + z2 * (-1.0 / 3 + z2 * (2.0 / 15 + z2 * (-17.0 / 315 + z2 * (62.0 / 2835)))));
        }
        double e = exp(-2 * a), t = (1 - e) / (1 + e);
        return z < 0 ? -t : t;
    }

    private static final double SHIFT = 0x1.8p52, INV_LN2 = 0x1.71547652b82fep0;
    private static final double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;

    /**
     * The recurrent cells' e^x, within ~2 double ulps: the operations of gradnote_loops.c's gn_exp one for one, so
     * the cells give the same bits in Java and in C (Math.exp is HotSpot's own, which C cannot reproduce). x = k ln2
     * + r with |r| <= ln2/2 (fdlibm's split of ln2), e^r by its Taylor series to r^13, times 2^k as two powers of 2
     * so that every k of the range is two normal doubles; below -746 it is 0, above 710 infinity, NaN passes.
     */
    static double exp(double x) {
        if (!(x > -746)) return Double.isNaN(x) ? x : 0;
        if (x > 710) return Double.POSITIVE_INFINITY;
        double kd = x * INV_LN2 + SHIFT;
        long k = Double.doubleToRawLongBits(kd) - Double.doubleToRawLongBits(SHIFT);
        kd -= SHIFT;
        double r = (x - kd * LN2_HI) - kd * LN2_LO;
        double p = 1.0 / 6227020800.0;
        p = 1.0 / 479001600.0 + r * p;
        p = 1.0 / 39916800.0 + r * p;
        p = 1.0 / 3628800.0 + r * p;
        p = 1.0 / 362880.0 + r * p;
        p = 1.0 / 40320.0 + r * p;
        p = 1.0 / 5040.0 + r * p;
        p = 1.0 / 720.0 + r * p;
        p = 1.0 / 120.0 + r * p;
        p = 1.0 / 24.0 + r * p;
        p = 1.0 / 6.0 + r * p;
        p = 0.5 + r * p;
        p = 1.0 + r * p;
        p = 1.0 + r * p;
        long k1 = k >> 1, k2 = k - k1;
        return p * Double.longBitsToDouble((k1 + 1023) << 52) * Double.longBitsToDouble((k2 + 1023) << 52);
    }

    private static INDArray fromDoubles(DataType t, double[] v, long... shape) {
        INDArray a = Engine.empty(t, shape);
        Engine.putDoubles(a, v, 0, v.length);
        return a;
    }
}
