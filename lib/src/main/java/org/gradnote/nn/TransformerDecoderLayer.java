package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * One Transformer decoder block, like {@code torch.nn.TransformerDecoderLayer}: masked self-attention over the
 * target, attention over the encoder's output ("memory"), then the feed-forward network; each with dropout, a
 * residual connection and layer norm, post-norm by default or pre-norm ({@code normFirst}). Children and state-dict
 * keys are PyTorch's: {@code self_attn}, {@code multihead_attn}, {@code linear1}, {@code dropout}, {@code linear2},
 * {@code norm1..3}, {@code dropout1..3}.
 */
public class TransformerDecoderLayer extends Module {
    private final TransformerEncoderLayer.Config config;
    private final MultiheadAttention selfAttn, multiheadAttn;
    private final TransformerEncoderLayer.FeedForward ff;
    private final LayerNorm norm1, norm2, norm3;
    private final Dropout dropout1, dropout2, dropout3;

    /** PyTorch's defaults: width 2048, dropout 0.1, ReLU, eps 1e-5, sequence-first, post-norm. */
    public TransformerDecoderLayer(long dModel, int nhead) {
        this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false);
    }

    /** PyTorch's full signature, as {@link TransformerEncoderLayer}'s. */
    public TransformerDecoderLayer(
            long dModel,
            int nhead,
            long dimFeedforward,
            double dropout,
            String activation,
            double layerNormEps,
            boolean batchFirst,
            boolean normFirst) {
        this(new TransformerEncoderLayer.Config(
                dModel, nhead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst));
    }

    private TransformerDecoderLayer(TransformerEncoderLayer.Config c) {
        this.config = c;
        this.selfAttn = register("self_attn", attention(c));
        this.multiheadAttn = register("multihead_attn", attention(c));
        this.ff = new TransformerEncoderLayer.FeedForward(this, c);
        this.norm1 = register("norm1", TransformerEncoderLayer.norm(c));
        this.norm2 = register("norm2", TransformerEncoderLayer.norm(c));
        this.norm3 = register("norm3", TransformerEncoderLayer.norm(c));
        this.dropout1 = register("dropout1", new Dropout(c.dropout()));
        this.dropout2 = register("dropout2", new Dropout(c.dropout()));
        this.dropout3 = register("dropout3", new Dropout(c.dropout()));
    }

    private static MultiheadAttention attention(TransformerEncoderLayer.Config c) {
        return new MultiheadAttention(c.dModel(), c.nhead(), c.dropout(), true, c.batchFirst());
    }

    /** A new layer with the same settings and a copy of this one's weights. */
    TransformerDecoderLayer copy() {
        TransformerDecoderLayer l = new TransformerDecoderLayer(config);
        l.to(parameters().get(0).dtype());
        l.loadStateDict(stateDict());
        l.train(isTraining());
        return l;
    }

    /** A decoder layer needs the encoder's output: use {@link #forward(Tensor, Tensor)}. */
    @Override
    public Tensor forward(Tensor tgt) {
        throw new UnsupportedOperationException(
                "TransformerDecoderLayer: needs the memory too, call forward(tgt, memory); for a decoder-only model"
                        + " use a TransformerEncoderLayer with a causal mask");
    }

    /** The layer without masks. */
    public Tensor forward(Tensor tgt, Tensor memory) {
        return forward(tgt, memory, null, null, null, null);
    }

    /**
     * {@code layer(tgt, memory, tgt_mask, memory_mask, tgt_key_padding_mask, memory_key_padding_mask)}: tgt [T, N, E]
     * and memory [S, N, E] (batch-first [N, T, E], [N, S, E]); tgtMask [T, T], memoryMask [T, S], padding masks bool
     * [N, T] and [N, S]; any mask may be null.
     */
    public Tensor forward(
            Tensor tgt,
            Tensor memory,
            Tensor tgtMask,
            Tensor memoryMask,
            Tensor tgtKeyPaddingMask,
            Tensor memoryKeyPaddingMask) {
        check("tgt", tgt);
        check("memory", memory);
        Tensor x = tgt;
        if (config.normFirst()) {
            x = x.add(selfBlock(norm1.forward(x), tgtMask, tgtKeyPaddingMask));
            x = x.add(crossBlock(norm2.forward(x), memory, memoryMask, memoryKeyPaddingMask));
            return x.add(dropout3.forward(ff.forward(norm3.forward(x))));
        }
        x = norm1.forward(x.add(selfBlock(x, tgtMask, tgtKeyPaddingMask)));
        x = norm2.forward(x.add(crossBlock(x, memory, memoryMask, memoryKeyPaddingMask)));
        return norm3.forward(x.add(dropout3.forward(ff.forward(x))));
    }

    private Tensor selfBlock(Tensor x, Tensor mask, Tensor padding) {
        return dropout1.forward(
                selfAttn.forward(x, x, x, padding, false, mask, true).output());
    }

    private Tensor crossBlock(Tensor x, Tensor memory, Tensor mask, Tensor padding) {
        return dropout2.forward(multiheadAttn
                .forward(x, memory, memory, padding, false, mask, true)
                .output());
    }

    /**
     * The attention weights over the memory this layer computes, per head: [N, nhead, T, S] (what PyTorch's layer
     * discards); call in {@link #eval()} mode to see them without dropout.
     */
    public Tensor crossAttentionWeights(
            Tensor tgt,
            Tensor memory,
            Tensor tgtMask,
            Tensor memoryMask,
            Tensor tgtKeyPaddingMask,
            Tensor memoryKeyPaddingMask) {
        check("tgt", tgt);
        check("memory", memory);
        Tensor x = tgt;
        if (config.normFirst()) {
            x = x.add(selfBlock(norm1.forward(x), tgtMask, tgtKeyPaddingMask));
            x = norm2.forward(x);
        } else {
            x = norm1.forward(x.add(selfBlock(x, tgtMask, tgtKeyPaddingMask)));
        }
        return multiheadAttn
                .forward(x, memory, memory, memoryKeyPaddingMask, true, memoryMask, false)
                .weights();
    }

    private void check(String what, Tensor t) {
        if (t.dim() != 3 || t.size(2) != config.dModel()) {
            throw new org.gradnote.tensor.ShapeException("TransformerDecoderLayer(d_model=" + config.dModel()
                    + ", nhead=" + config.nhead() + "): expected " + what + " "
                    + (config.batchFirst() ? "[N, len, " : "[len, N, ") + config.dModel() + "], got "
                    + java.util.Arrays.toString(t.shape()));
        }
    }

    /** The masked self-attention sub-layer. */
    public MultiheadAttention selfAttn() {
        return selfAttn;
    }

    /** The attention over the memory. */
    public MultiheadAttention multiheadAttn() {
        return multiheadAttn;
    }
}
