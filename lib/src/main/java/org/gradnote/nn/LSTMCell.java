package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * One step of an LSTM, {@code torch.nn.LSTMCell}; the step runs as a one-step sequence through the fused {@link
 * Tensor#lstmLayer}, so it shares {@link LSTM}'s tested backward.
 */
public class LSTMCell extends RNNCellBase {
    /** The hidden and cell states after a step, each [N, H]. */
    public record State(Tensor h, Tensor c) {}

    /** A cell with biases ({@code nn.LSTMCell(input_size, hidden_size)}). */
    public LSTMCell(long inputSize, long hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    /** A cell with or without biases ({@code nn.LSTMCell(input_size, hidden_size, bias)}). */
    public LSTMCell(long inputSize, long hiddenSize, boolean bias) {
        super(4, inputSize, hiddenSize, bias);
    }

    /** The next states from input x [N, in] and the previous states (null, or either part null, for zeros). */
    public State forward(Tensor x, State previous) {
        Tensor seq = oneStep(x);
        Tensor h0 = state("hidden state", previous == null ? null : previous.h(), x);
        Tensor c0 = state("cell state", previous == null ? null : previous.c(), x);
        Tensor[] r = Tensor.lstmLayer(
                seq, param("weight_ih"), param("weight_hh"), param("bias_ih"), param("bias_hh"), h0, c0, false);
        return new State(r[1], r[2]);
    }

    /** The next hidden state from zero states. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null).h();
    }
}
