package org.gradnote.nn;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.tensor.Tensor;

/**
 * The Elman RNN, {@code torch.nn.RNN}: h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh) (or relu), composed
 * from tensor primitives so autograd does backpropagation through time.
 */
public class RNN extends RNNBase {
    private final boolean relu;

    /**
     * A one-layer Elman RNN with tanh and biases over sequence-first input [L, N, inputSize] ({@code nn.RNN(input_size,
     * hidden_size)}).
     */
    public RNN(long inputSize, long hiddenSize) {
        this(inputSize, hiddenSize, 1, "tanh", true, false);
    }

    /**
     * A stacked Elman RNN of {@code numLayers} tanh layers with biases, sequence-first ({@code nn.RNN(input_size,
     * hidden_size, num_layers)}).
     */
    public RNN(long inputSize, long hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, numLayers, "tanh", true, false);
    }

    /** PyTorch's full signature without dropout and bidirectional: nonlinearity is "tanh" or "relu". */
    public RNN(long inputSize, long hiddenSize, int numLayers, String nonlinearity, boolean bias, boolean batchFirst) {
        this(inputSize, hiddenSize, numLayers, nonlinearity, bias, batchFirst, false);
    }

    /** PyTorch's full signature without dropout; bidirectional adds the *_reverse layers and doubles the features. */
    public RNN(
            long inputSize,
            long hiddenSize,
            int numLayers,
            String nonlinearity,
            boolean bias,
            boolean batchFirst,
            boolean bidirectional) {
        super(1, inputSize, hiddenSize, numLayers, bias, batchFirst, bidirectional);
        if (!nonlinearity.equals("tanh") && !nonlinearity.equals("relu")) {
            throw new IllegalArgumentException("RNN: unknown nonlinearity '" + nonlinearity + "' (tanh or relu)");
        }
        this.relu = nonlinearity.equals("relu");
    }

    /** Runs from initial hidden states h0 [D·numLayers, N, H] (null for zeros; D = 2 when bidirectional). */
    public Output forward(Tensor x, Tensor h0) {
        return runLayers(x, h0, null);
    }

    @Override
    Layer layer(int l, String dir, Tensor x, boolean xBatchFirst, Tensor h, Tensor c) {
        Tensor xp = inputProjection(l, dir, x, xBatchFirst);
        Tensor whh = param("weight_hh_l", l, dir), bhh = param("bias_hh_l", l, dir);
        List<Tensor> steps = new ArrayList<>();
        for (long t = 0; t < xp.size(0); t++) {
            Tensor pre = xp.select(0, t).add(Tensor.linear(h, whh, bhh));
            h = relu ? pre.relu() : pre.tanh();
            steps.add(h);
        }
        return new Layer(steps, null, h, null);
    }

    // No extraRepr of its own: PyTorch's RNN does not print its nonlinearity (RNN(3, 4) for relu too).
}
