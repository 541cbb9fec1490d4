package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * One step of a GRU, {@code torch.nn.GRUCell}, for loops that feed each output back in (a decoder); the step runs as
 * a one-step sequence through the fused {@link Tensor#gruLayer}, so it shares {@link GRU}'s tested backward.
 */
public class GRUCell extends RNNCellBase {
    /** A cell with biases ({@code nn.GRUCell(input_size, hidden_size)}). */
    public GRUCell(long inputSize, long hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    /** A cell with or without biases ({@code nn.GRUCell(input_size, hidden_size, bias)}). */
    public GRUCell(long inputSize, long hiddenSize, boolean bias) {
        super(3, inputSize, hiddenSize, bias);
    }

    /** The next hidden state [N, H] from input x [N, in] and state h [N, H] (null for zeros). */
    public Tensor forward(Tensor x, Tensor h) {
        Tensor seq = oneStep(x);
        Tensor h0 = state("hidden state", h, x);
        return Tensor.gruLayer(
                seq, param("weight_ih"), param("weight_hh"), param("bias_ih"), param("bias_hh"), h0, false)[1];
    }

    /** The next hidden state from a zero state. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, null);
    }
}
