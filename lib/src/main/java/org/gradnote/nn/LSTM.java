package org.gradnote.nn;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.tensor.Tensor;

/**
 * Long short-term memory, {@code torch.nn.LSTM} (gates i, f, g, o in that order): each layer is one fused
 * primitive with its own backward ({@link Tensor#lstmLayer}), measured several times faster than the same maths
 * composed per time step.
 *
 * <pre>
 * i = σ(x W_ii^T + b_ii + h W_hi^T + b_hi)   f = σ(...)   g = tanh(...)   o = σ(...)
 * c' = f ⊙ c + i ⊙ g     h' = o ⊙ tanh(c')
 * </pre>
 */
public class LSTM extends RNNBase {
    /** Package-private switch to the composed cell, kept to cross-check and to measure the fused primitive. */
    boolean composed;

    /**
     * A one-layer LSTM with biases over sequence-first input [L, N, inputSize], hidden size {@code hiddenSize} ({@code
     * nn.LSTM(input_size, hidden_size)}).
     */
    public LSTM(long inputSize, long hiddenSize) {
        this(inputSize, hiddenSize, 1, true, false);
    }

    /**
     * A stacked LSTM of {@code numLayers} layers with biases, sequence-first ({@code nn.LSTM(input_size, hidden_size,
     * num_layers)}).
     */
    public LSTM(long inputSize, long hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, numLayers, true, false);
    }

    /** PyTorch's full signature without dropout, bidirectional and proj_size. */
    public LSTM(long inputSize, long hiddenSize, int numLayers, boolean bias, boolean batchFirst) {
        this(inputSize, hiddenSize, numLayers, bias, batchFirst, false);
    }

    /** PyTorch's signature without dropout and proj_size; bidirectional adds the *_reverse layers. */
    public LSTM(
            long inputSize, long hiddenSize, int numLayers, boolean bias, boolean batchFirst, boolean bidirectional) {
        super(4, inputSize, hiddenSize, numLayers, bias, batchFirst, bidirectional);
    }

    /** Runs from initial states h0 and c0 [D·numLayers, N, H] (either null for zeros; D = 2 when bidirectional). */
    public Output forward(Tensor x, Tensor h0, Tensor c0) {
        return runLayers(x, h0, c0);
    }

    @Override
    Layer layer(int l, String dir, Tensor x, boolean xBatchFirst, Tensor h, Tensor c) {
        Tensor wih = param("weight_ih_l", l, dir),
                whh = param("weight_hh_l", l, dir),
                bih = param("bias_ih_l", l, dir),
                bhh = param("bias_hh_l", l, dir);
        if (!composed) {
            Tensor[] r = Tensor.lstmLayer(x, wih, whh, bih, bhh, h, c, xBatchFirst);
            return new Layer(null, r[0], r[1], r[2]);
        }
        long hs = hiddenSize;
        Tensor xp = inputProjection(l, dir, x, xBatchFirst);
        List<Tensor> steps = new ArrayList<>();
        for (long t = 0; t < xp.size(0); t++) {
            Tensor g = xp.select(0, t).add(Tensor.linear(h, whh, bhh));
            Tensor ifo = Tensor.cat(1, g.slice(1, 0, 2 * hs), g.slice(1, 3 * hs, 4 * hs))
                    .sigmoid();
            Tensor cand = g.slice(1, 2 * hs, 3 * hs).tanh();
            c = ifo.slice(1, hs, 2 * hs).mul(c).add(ifo.slice(1, 0, hs).mul(cand));
            h = ifo.slice(1, 2 * hs, 3 * hs).mul(c.tanh());
            steps.add(h);
        }
        return new Layer(steps, null, h, c);
    }
}
