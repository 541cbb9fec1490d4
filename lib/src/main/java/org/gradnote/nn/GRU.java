package org.gradnote.nn;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.tensor.Tensor;

/**
 * The gated recurrent unit, {@code torch.nn.GRU} (gates r, z, n in that order): each layer is one fused primitive
 * with its own backward ({@link Tensor#gruLayer}), as the LSTM. ND4J's own {@code gru_bp} gives wrong reset-gate
 * gradients in 1.0.0-M2.1, so gradnote does not use it.
 *
 * <pre>
 * r = σ(x W_ir^T + b_ir + h W_hr^T + b_hr)     z = σ(x W_iz^T + b_iz + h W_hz^T + b_hz)
 * n = tanh(x W_in^T + b_in + r ⊙ (h W_hn^T + b_hn))     h' = (1 - z) ⊙ n + z ⊙ h
 * </pre>
 */
public class GRU extends RNNBase {
    /** Package-private switch to the composed cell, kept to cross-check the fused primitive. */
    boolean composed;

    /**
     * A one-layer GRU with biases over sequence-first input [L, N, inputSize], hidden size {@code hiddenSize} ({@code
     * nn.GRU(input_size, hidden_size)}).
     */
    public GRU(long inputSize, long hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false);
    }

    /**
     * A stacked GRU of {@code numLayers} layers with biases, sequence-first ({@code nn.GRU(input_size, hidden_size,
     * num_layers)}).
     */
    public GRU(long inputSize, long hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, numLayers, true, false);
    }

    /** PyTorch's full signature without dropout and bidirectional. */
    public GRU(long inputSize, long hiddenSize, int numLayers, boolean bias, boolean batchFirst) {
        this(inputSize, hiddenSize, numLayers, bias, batchFirst, false);
    }

    /** PyTorch's signature without dropout; bidirectional adds the *_reverse layers and doubles the features. */
    public GRU(
            long inputSize, long hiddenSize, int numLayers, boolean bias, boolean batchFirst, boolean bidirectional) {
        super(3, inputSize, hiddenSize, numLayers, bias, batchFirst, bidirectional);
    }

    /** Runs from initial hidden states h0 [D·numLayers, N, H] (null for zeros; D = 2 when bidirectional). */
    public Output forward(Tensor x, Tensor h0) {
        return runLayers(x, h0, null);
    }

    @Override
    Layer layer(int l, String dir, Tensor x, boolean xBatchFirst, Tensor h, Tensor c) {
        if (!composed) {
            Tensor[] r = Tensor.gruLayer(
                    x,
                    param("weight_ih_l", l, dir),
                    param("weight_hh_l", l, dir),
                    param("bias_ih_l", l, dir),
                    param("bias_hh_l", l, dir),
                    h,
                    xBatchFirst);
            return new Layer(null, r[0], r[1], null);
        }
        long hs = hiddenSize;
        Tensor xp = inputProjection(l, dir, x, xBatchFirst);
        Tensor whh = param("weight_hh_l", l, dir), bhh = param("bias_hh_l", l, dir);
        List<Tensor> steps = new ArrayList<>();
        for (long t = 0; t < xp.size(0); t++) {
            Tensor xt = xp.select(0, t), ht = Tensor.linear(h, whh, bhh);
            // r and z share one add and one sigmoid over their 2H columns.
            Tensor rz = xt.slice(1, 0, 2 * hs).add(ht.slice(1, 0, 2 * hs)).sigmoid();
            Tensor r = rz.slice(1, 0, hs), z = rz.slice(1, hs, 2 * hs);
            Tensor n = xt.slice(1, 2 * hs, 3 * hs)
                    .add(r.mul(ht.slice(1, 2 * hs, 3 * hs)))
                    .tanh();
            h = n.add(z.mul(h.sub(n))); // (1 - z) n + z h, one op fewer
            steps.add(h);
        }
        return new Layer(steps, null, h, null);
    }
}
