package org.gradnote.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share, like PyTorch's {@code RNNBase}: the parameter layout
 * ({@code weight_ih_l0} [gates·H, in], {@code weight_hh_l0} [gates·H, H], {@code bias_ih_l0}, {@code bias_hh_l0}
 * per layer, and the same with a {@code _reverse} suffix when bidirectional), PyTorch's init U(-1/√H, 1/√H), stacked
 * layers, bidirectional layers, batch-first layouts and the checks of input and initial states.
 */
public abstract class RNNBase extends Module {
    /**
     * What a recurrent layer returns: all outputs of the last layer ([N, T, D·H] when batch-first, else [T, N, D·H],
     * D = 2 when bidirectional, forward then reverse features), the last hidden state of every layer and direction
     * [D·numLayers, N, H] (layer 0 forward, layer 0 reverse, ...), and for an LSTM the last cell states (else null).
     */
    public record Output(Tensor output, Tensor hidden, Tensor cell) {}

    /** One layer's result: its hidden states per time step, and its last hidden and cell states [N, H]. */
    record Layer(List<Tensor> steps, Tensor sequence, Tensor lastHidden, Tensor lastCell) {}

    final long inputSize, hiddenSize;
    final int numLayers, gates, directions;
    final boolean bias, batchFirst;

    RNNBase(int gates, long inputSize, long hiddenSize, int numLayers, boolean bias, boolean batchFirst) {
        this(gates, inputSize, hiddenSize, numLayers, bias, batchFirst, false);
    }

    RNNBase(
            int gates,
            long inputSize,
            long hiddenSize,
            int numLayers,
            boolean bias,
            boolean batchFirst,
            boolean bidirectional) {
        if (inputSize <= 0 || hiddenSize <= 0 || numLayers <= 0) {
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + ": input size, hidden size and number of layers must be"
                            + " positive, got " + inputSize + ", " + hiddenSize + ", " + numLayers);
        }
        this.gates = gates;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = numLayers;
        this.bias = bias;
        this.batchFirst = batchFirst;
        this.directions = bidirectional ? 2 : 1;
        // PyTorch's reset_parameters: every weight and bias from U(-1/sqrt(H), 1/sqrt(H)), in registration order
        // (per layer: forward weights, then the reverse direction's).
        double k = 1 / Math.sqrt(hiddenSize);
        for (int l = 0; l < numLayers; l++) {
            long in = l == 0 ? inputSize : hiddenSize * directions;
            for (int d = 0; d < directions; d++) {
                String sfx = l + (d == 0 ? "" : "_reverse");
                registerParameter("weight_ih_l" + sfx, Init.uniform(Tensor.zeros(gates * hiddenSize, in), -k, k));
                registerParameter(
                        "weight_hh_l" + sfx, Init.uniform(Tensor.zeros(gates * hiddenSize, hiddenSize), -k, k));
                if (bias) {
                    registerParameter("bias_ih_l" + sfx, Init.uniform(Tensor.zeros(gates * hiddenSize), -k, k));
                    registerParameter("bias_hh_l" + sfx, Init.uniform(Tensor.zeros(gates * hiddenSize), -k, k));
                }
            }
        }
    }

    /** The number of features of each time step's input. */
    public long inputSize() {
        return inputSize;
    }
    /** The size of the hidden state (and of each output step). */
    public long hiddenSize() {
        return hiddenSize;
    }
    /** The number of stacked recurrent layers. */
    public int numLayers() {
        return numLayers;
    }
    /** Whether inputs and outputs are [N, L, features] (batch first) rather than [L, N, features]. */
    public boolean batchFirst() {
        return batchFirst;
    }
    /** Whether a second set of layers reads the sequence backwards (torch's bidirectional=True). */
    public boolean bidirectional() {
        return directions == 2;
    }

    /** The output sequence only (use {@link #run} for the last states too), so the layer fits in a {@link Sequential}. */
    @Override
    public Tensor forward(Tensor x) {
        return run(x).output();
    }

    /** Runs from zero initial states and returns outputs and last states. */
    public Output run(Tensor x) {
        return runLayers(x, null, null);
    }

    /** Runs every layer; h0 and c0 are [D·numLayers, N, H] or null for zeros. */
    final Output runLayers(Tensor x, Tensor h0, Tensor c0) {
        checkInput(x);
        long n = x.size(batchFirst ? 0 : 1);
        checkState("h0", h0, n);
        checkState("c0", c0, n);
        if (directions == 2) return runBidirectional(x, h0, c0, n);
        Tensor in = x;
        boolean inBatchFirst = batchFirst;
        List<Tensor> hs = new ArrayList<>(), cs = new ArrayList<>();
        Layer last = null;
        for (int l = 0; l < numLayers; l++) {
            Tensor h = h0 == null ? Tensor.zeros(x.dtype(), n, hiddenSize) : h0.select(0, l);
            Tensor c = c0 == null ? Tensor.zeros(x.dtype(), n, hiddenSize) : c0.select(0, l);
            last = layer(l, "", in, inBatchFirst, h, c);
            hs.add(last.lastHidden());
            if (last.lastCell() != null) cs.add(last.lastCell());
            if (last.sequence() != null) in = last.sequence();
            else {
                // Composed layers return their steps: stacked time-major between layers, in the user's layout at the
                // end.
                boolean end = l == numLayers - 1;
                in = Tensor.stack(last.steps(), end && batchFirst ? 1 : 0);
                inBatchFirst = end && batchFirst;
            }
        }
        return new Output(in, Tensor.stack(hs, 0), cs.isEmpty() ? null : Tensor.stack(cs, 0));
    }

    /**
     * Both directions of every layer, time-major between layers: the reverse direction runs its own weights over
     * the time-flipped input and its outputs are flipped back, then both are joined along features, as in PyTorch.
     */
    private Output runBidirectional(Tensor x, Tensor h0, Tensor c0, long n) {
        Tensor in = batchFirst ? x.transpose(0, 1) : x;
        List<Tensor> hs = new ArrayList<>(), cs = new ArrayList<>();
        for (int l = 0; l < numLayers; l++) {
            Tensor[] outs = new Tensor[2];
            for (int d = 0; d < 2; d++) {
                int k = l * 2 + d;
                Tensor h = h0 == null ? Tensor.zeros(x.dtype(), n, hiddenSize) : h0.select(0, k);
                Tensor c = c0 == null ? Tensor.zeros(x.dtype(), n, hiddenSize) : c0.select(0, k);
                Layer r = layer(l, d == 0 ? "" : "_reverse", d == 0 ? in : in.flip(0), false, h, c);
                Tensor seq = r.sequence() != null ? r.sequence() : Tensor.stack(r.steps(), 0);
                outs[d] = d == 0 ? seq : seq.flip(0);
                hs.add(r.lastHidden());
                if (r.lastCell() != null) cs.add(r.lastCell());
            }
            in = Tensor.cat(2, outs);
        }
        return new Output(
                batchFirst ? in.transpose(0, 1) : in, Tensor.stack(hs, 0), cs.isEmpty() ? null : Tensor.stack(cs, 0));
    }

    /**
     * One layer l over input x (batch-first or time-major as flagged) from states h, c [N, H]. Composed layers
     * return the time-major list of steps; fused ones the sequence in the user's layout (then x is too).
     */
    abstract Layer layer(int l, String dir, Tensor x, boolean xBatchFirst, Tensor h, Tensor c);

    /** x W_ih^T + b_ih for all time steps in one gemm, time-major [T, N, gates·H] (a batch-first x is transposed). */
    final Tensor inputProjection(int l, String dir, Tensor x, boolean xBatchFirst) {
        Tensor tm = xBatchFirst ? x.transpose(0, 1) : x;
        return Tensor.linear(tm, param("weight_ih_l", l, dir), param("bias_ih_l", l, dir));
    }

    /** The named parameter of layer l in direction dir ("" or "_reverse"), or null for an absent bias. */
    final Tensor param(String prefix, int l, String dir) {
        return local(prefix + l + dir);
    }

    String name() {
        return getClass().getSimpleName() + "(" + inputSize + ", " + hiddenSize + ")";
    }

    private void checkInput(Tensor x) {
        if (x.dim() != 3 || x.size(2) != inputSize) {
            throw new ShapeException(name() + ": expected input "
                    + (batchFirst ? "[N, T, " + inputSize + "] (batchFirst)" : "[T, N, " + inputSize + "]") + ", got "
                    + Arrays.toString(x.shape()));
        }
        if (x.size(0) == 0 || x.size(1) == 0)
            throw new ShapeException(name() + ": empty input " + Arrays.toString(x.shape()));
    }

    private void checkState(String what, Tensor s, long n) {
        if (s == null) return;
        long[] expected = {(long) numLayers * directions, n, hiddenSize};
        if (!Arrays.equals(s.shape(), expected)) {
            throw new ShapeException(name() + ": expected " + what
                    + (directions == 2 ? " [2·numLayers, N, H] = " : " [numLayers, N, H] = ")
                    + Arrays.toString(expected)
                    + ", got " + Arrays.toString(s.shape()));
        }
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (numLayers != 1 ? ", num_layers=" + numLayers : "")
                + (bias ? "" : ", bias=False") + (batchFirst ? ", batch_first=True" : "")
                + (directions == 2 ? ", bidirectional=True" : "");
    }
}
