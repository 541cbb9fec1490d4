package org.gradnote.nn;

import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * The encoder-decoder Transformer of "Attention is all you need", like {@code torch.nn.Transformer}: an encoder stack
 * and a decoder stack, each ending in a layer norm (keys {@code encoder.*}, {@code decoder.*}); every weight matrix
 * starts Xavier-uniform, as PyTorch's {@code _reset_parameters}. Embeddings, positions and the output projection
 * are the user's, as there.
 */
public class Transformer extends Module {
    private final TransformerEncoder encoder;
    private final TransformerDecoder decoder;

    /**
     * PyTorch's full signature without custom encoder/decoder: dModel, nhead, layer counts, feed-forward width,
     * dropout, "relu"/"gelu", eps, batch-first, pre-norm.
     */
    public Transformer(
            long dModel,
            int nhead,
            int numEncoderLayers,
            int numDecoderLayers,
            long dimFeedforward,
            double dropout,
            String activation,
            double layerNormEps,
            boolean batchFirst,
            boolean normFirst) {
        this.encoder = register(
                "encoder",
                new TransformerEncoder(
                        new TransformerEncoderLayer(
                                dModel,
                                nhead,
                                dimFeedforward,
                                dropout,
                                activation,
                                layerNormEps,
                                batchFirst,
                                normFirst),
                        numEncoderLayers,
                        new LayerNorm(new long[] {dModel}, layerNormEps, true)));
        this.decoder = register(
                "decoder",
                new TransformerDecoder(
                        new TransformerDecoderLayer(
                                dModel,
                                nhead,
                                dimFeedforward,
                                dropout,
                                activation,
                                layerNormEps,
                                batchFirst,
                                normFirst),
                        numDecoderLayers,
                        new LayerNorm(new long[] {dModel}, layerNormEps, true)));
        for (Tensor p : parameters()) if (p.dim() > 1) Init.xavierUniform(p, 1.0);
    }

    /** PyTorch's defaults: 6 + 6 layers, width 2048, dropout 0.1, ReLU, sequence-first, post-norm. */
    public Transformer(long dModel, int nhead) {
        this(dModel, nhead, 6, 6, 2048, 0.1, "relu", 1e-5, false, false);
    }

    /** A Transformer maps a source and a target: use {@link #forward(Tensor, Tensor)}. */
    @Override
    public Tensor forward(Tensor src) {
        throw new UnsupportedOperationException("Transformer: call forward(src, tgt) or the full form with masks");
    }

    /** The model without masks. */
    public Tensor forward(Tensor src, Tensor tgt) {
        return forward(src, tgt, null, null, null, null, null, null);
    }

    /**
     * {@code transformer(src, tgt, src_mask, tgt_mask, memory_mask, src_key_padding_mask, tgt_key_padding_mask,
     * memory_key_padding_mask)}: the encoder reads src, the decoder reads tgt and the encoder's output.
     */
    public Tensor forward(
            Tensor src,
            Tensor tgt,
            Tensor srcMask,
            Tensor tgtMask,
            Tensor memoryMask,
            Tensor srcKeyPaddingMask,
            Tensor tgtKeyPaddingMask,
            Tensor memoryKeyPaddingMask) {
        Tensor memory = encoder.forward(src, srcMask, srcKeyPaddingMask);
        return decoder.forward(tgt, memory, tgtMask, memoryMask, tgtKeyPaddingMask, memoryKeyPaddingMask);
    }

    /** The encoder stack. */
    public TransformerEncoder encoder() {
        return encoder;
    }

    /** The decoder stack. */
    public TransformerDecoder decoder() {
        return decoder;
    }

    /**
     * The causal mask [n, n]: 0 on and below the diagonal, -inf above, so position i attends to positions ≤ i
     * only ({@code nn.Transformer.generate_square_subsequent_mask(n)}), in the default float type.
     */
    public static Tensor generateSquareSubsequentMask(int n) {
        return generateSquareSubsequentMask(n, Tensor.defaultDType());
    }

    /** The causal mask in the given floating-point type. */
    public static Tensor generateSquareSubsequentMask(int n, DType type) {
        if (n <= 0) throw new IllegalArgumentException("generateSquareSubsequentMask: size must be positive, got " + n);
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) v[i * n + j] = Double.NEGATIVE_INFINITY;
        return Tensor.fromArray(type, v, n, n);
    }
}
