package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * A stack of decoder layers, like {@code torch.nn.TransformerDecoder(decoder_layer, num_layers, norm)}: copies of
 * the given layer (same initial weights, as PyTorch's deepcopy) under {@code layers.0...}, then an optional norm.
 */
public class TransformerDecoder extends Module {
    private final Sequential layers;
    private final LayerNorm norm;

    /** {@code numLayers} copies of {@code decoderLayer}, then {@code norm} (null for none). */
    public TransformerDecoder(TransformerDecoderLayer decoderLayer, int numLayers, LayerNorm norm) {
        if (numLayers <= 0)
            throw new IllegalArgumentException("TransformerDecoder: num_layers must be positive, got " + numLayers);
        this.layers = register("layers", new Sequential());
        for (int i = 0; i < numLayers; i++) layers.add(decoderLayer.copy());
        this.norm = norm == null ? null : register("norm", norm);
    }

    /** A decoder needs the encoder's output: use {@link #forward(Tensor, Tensor, Tensor, Tensor, Tensor, Tensor)}. */
    @Override
    public Tensor forward(Tensor tgt) {
        throw new UnsupportedOperationException("TransformerDecoder: needs the memory too, call forward(tgt, memory,"
                + " tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask)");
    }

    /** {@code decoder(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}. */
    public Tensor forward(
            Tensor tgt,
            Tensor memory,
            Tensor tgtMask,
            Tensor memoryMask,
            Tensor tgtKeyPaddingMask,
            Tensor memoryKeyPaddingMask) {
        Tensor x = tgt;
        for (int i = 0; i < layers.size(); i++)
            x = layer(i).forward(x, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
        return norm == null ? x : norm.forward(x);
    }

    /** The i-th layer. */
    public TransformerDecoderLayer layer(int i) {
        return (TransformerDecoderLayer) layers.get(i);
    }

    /** The number of layers. */
    public int numLayers() {
        return layers.size();
    }
}
