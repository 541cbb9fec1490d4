package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * A stack of encoder layers, like {@code torch.nn.TransformerEncoder(encoder_layer, num_layers, norm)}: the layers
 * are copies of the given one (same settings and, as PyTorch's deepcopy, the same initial weights), under keys
 * {@code layers.0...}, followed by an optional final layer norm ({@code norm}).
 */
public class TransformerEncoder extends Module {
    private final Sequential layers;
    private final LayerNorm norm;

    /** {@code numLayers} copies of {@code encoderLayer}, then {@code norm} (null for none). */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers, LayerNorm norm) {
        if (numLayers <= 0)
            throw new IllegalArgumentException("TransformerEncoder: num_layers must be positive, got " + numLayers);
        this.layers = register("layers", new Sequential());
        for (int i = 0; i < numLayers; i++) layers.add(encoderLayer.copy());
        this.norm = norm == null ? null : register("norm", norm);
    }

    /** {@code numLayers} copies of {@code encoderLayer} without a final norm. */
    public TransformerEncoder(TransformerEncoderLayer encoderLayer, int numLayers) {
        this(encoderLayer, numLayers, null);
    }

    /** The stack without masks. */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /** {@code encoder(src, mask, src_key_padding_mask)}: every layer gets the same masks (either may be null). */
    public Tensor forward(Tensor src, Tensor mask, Tensor srcKeyPaddingMask) {
        Tensor x = src;
        for (int i = 0; i < layers.size(); i++) x = layer(i).forward(x, mask, srcKeyPaddingMask);
        return norm == null ? x : norm.forward(x);
    }

    /** The i-th layer. */
    public TransformerEncoderLayer layer(int i) {
        return (TransformerEncoderLayer) layers.get(i);
    }

    /** The number of layers. */
    public int numLayers() {
        return layers.size();
    }
}
