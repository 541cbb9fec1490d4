package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A whole LSTM layer as one tape entry: ND4J's {@code lstmLayer} forward and {@code lstmLayer_bp} backward.
 *
 * <p>Composing the cell from primitives costs ~15 native calls per time step each way (10-30 µs each); the fused
 * pair runs the time loop in C++, two native calls per layer and batch. The gate order of ND4J (i, f, c', o) is
 * PyTorch's (i, f, g, o), so PyTorch's weights only need transposing ({@code [4H, in]} to {@code [in, 4H]}).
 */
final class RecurrentPrimitives {
    private RecurrentPrimitives() {}

    // lstmLayer integer arguments: data format, direction 0 (forward), sigmoid gates (2), tanh cell (0), tanh output (0).
    private static final long TNS = 0, NTS = 1;

    /**
     * One LSTM layer over a sequence x ([T, N, in], or [N, T, in] when batchFirst) from states h0, c0 [N, H];
     * biases may both be null. Returns {all hidden states (x's layout), last hidden [N, H], last cell [N, H]}.
     */
    static Tensor[] lstm(Tensor x, Tensor wih, Tensor whh, Tensor bih, Tensor bhh, Tensor h0, Tensor c0, boolean batchFirst) {
        DataType t = x.data.dataType();
        int time = batchFirst ? 1 : 0;
        long[] xs = x.shape();
        long steps = xs[time], n = xs[1 - time], hidden = whh.shape()[1];
        boolean hasB = bih != null;
        INDArray in = Engine.contiguous(x.data);
        INDArray wx = Engine.cast(wih.data, t).transpose().dup('c');
        INDArray wr = Engine.cast(whh.data, t).transpose().dup('c');
        INDArray b = hasB ? Engine.broadcastBinary("add", "lstm", Engine.cast(bih.data, t), Engine.cast(bhh.data, t)) : null;
        INDArray hI = Engine.contiguous(Engine.cast(h0.data, t)), cI = Engine.contiguous(Engine.cast(c0.data, t));
        long[] iArgs = {batchFirst ? NTS : TNS, 0, 2, 0, 0};
        double[] tArgs = {0.0}; // no cell clipping

        INDArray h = Engine.empty(t, batchFirst ? new long[] {n, steps, hidden} : new long[] {steps, n, hidden});
        INDArray cL = Engine.empty(t, n, hidden);
        INDArray[] fwdIn = hasB ? new INDArray[] {in, wx, wr, b, hI, cI} : new INDArray[] {in, wx, wr, hI, cI};
        // bArgs: hasBias, hasSeqLen, hasInitH, hasInitC, peephole, return full sequence, last h, last c.
        boolean[] bArgs = {hasB, false, true, true, false, true, false, true};
        Engine.exec("lstmLayer", fwdIn, new INDArray[] {h, cL}, iArgs, bArgs, tArgs);

        // One tape entry has one output: pack the sequence and the last cell state along the time axis, [T + 1].
        long[] cShape = batchFirst ? new long[] {n, 1, hidden} : new long[] {1, n, hidden};
        long[] packedShape = h.shape().clone();
        packedShape[time] = steps + 1;
        INDArray packed = Engine.empty(t, packedShape);
        Engine.exec("concat", new INDArray[] {h, cL.reshape('c', cShape)}, new INDArray[] {packed}, new long[] {time}, null, null);

        Tensor[] inputs = hasB ? new Tensor[] {x, wih, whh, bih, bhh, h0, c0} : new Tensor[] {x, wih, whh, h0, c0};
        Tensor out = Tensor.record(packed, "lstm", inputs, inputs, g -> {
            INDArray dh = along(g, time, 0, steps), dcL = along(g, time, steps, steps + 1).reshape('c', n, hidden);
            INDArray dx = Engine.empty(t, xs), dwx = Engine.empty(t, wx.shape()), dwr = Engine.empty(t, wr.shape());
            INDArray db = hasB ? Engine.empty(t, b.shape()) : null;
            INDArray dh0 = Engine.empty(t, n, hidden), dc0 = Engine.empty(t, n, hidden);
            INDArray[] bpIn = hasB ? new INDArray[] {in, wx, wr, b, hI, cI, dh, dcL} : new INDArray[] {in, wx, wr, hI, cI, dh, dcL};
            INDArray[] bpOut = hasB ? new INDArray[] {dx, dwx, dwr, db, dh0, dc0} : new INDArray[] {dx, dwx, dwr, dh0, dc0};
            Engine.exec("lstmLayer_bp", bpIn, bpOut, iArgs, bArgs, tArgs);
            INDArray dwih = dwx.transpose().dup('c'), dwhh = dwr.transpose().dup('c');
            return hasB ? new INDArray[] {dx, dwih, dwhh, db, db, dh0, dc0} : new INDArray[] {dx, dwih, dwhh, dh0, dc0};
        });
        Tensor seq = out.slice(time, 0, steps);
        return new Tensor[] {seq, out.select(time, steps - 1), out.select(time, steps)};
    }

    /** A contiguous copy of elements from..to-1 along one dimension of a rank-3 array. */
    private static INDArray along(INDArray a, int dim, long from, long to) {
        INDArrayIndex[] idx = {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all()};
        idx[dim] = NDArrayIndex.interval(from, to);
        return a.get(idx).dup('c');
    }
}
