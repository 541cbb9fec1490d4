package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * One Transformer encoder block, like {@code torch.nn.TransformerEncoderLayer}: self-attention then a two-layer
 * feed-forward network, each wrapped in dropout, a residual connection and layer norm. Post-norm (the 2017 paper,
 * PyTorch's default) computes x = norm(x + f(x)); pre-norm ({@code normFirst}) computes x = x + f(norm(x)), which
 * trains more easily when deep. Children and state-dict keys are PyTorch's: {@code self_attn}, {@code linear1},
 * {@code dropout}, {@code linear2}, {@code norm1}, {@code norm2}, {@code dropout1}, {@code dropout2}.
 */
public class TransformerEncoderLayer extends Module {
    private final Config config;
    private final MultiheadAttention selfAttn;
    private final FeedForward ff;
    private final LayerNorm norm1, norm2;
    private final Dropout dropout1, dropout2;

    /** The settings shared with {@link TransformerDecoderLayer}, PyTorch's keyword arguments. */
    record Config(
            long dModel,
            int nhead,
            long dimFeedforward,
            double dropout,
            String activation,
            double layerNormEps,
            boolean batchFirst,
            boolean normFirst) {
        Config {
            if (!"relu".equals(activation) && !"gelu".equals(activation)) {
                throw new IllegalArgumentException(
                        "Transformer layer: activation should be relu/gelu, not " + activation);
            }
            if (dimFeedforward <= 0)
                throw new IllegalArgumentException(
                        "Transformer layer: dim_feedforward must be positive, got " + dimFeedforward);
        }
    }

    /**
     * PyTorch's defaults: feed-forward width 2048, dropout 0.1, ReLU, eps 1e-5, sequence-first, post-norm ({@code
     * nn.TransformerEncoderLayer(d_model, nhead)}).
     */
    public TransformerEncoderLayer(long dModel, int nhead) {
        this(dModel, nhead, 2048, 0.1, "relu", 1e-5, false, false);
    }

    /**
     * PyTorch's full signature: activation "relu" or "gelu"; tensors [N, L, E] when {@code batchFirst}; pre-norm
     * when {@code normFirst}.
     */
    public TransformerEncoderLayer(
            long dModel,
            int nhead,
            long dimFeedforward,
            double dropout,
            String activation,
            double layerNormEps,
            boolean batchFirst,
            boolean normFirst) {
        this(new Config(dModel, nhead, dimFeedforward, dropout, activation, layerNormEps, batchFirst, normFirst));
    }

    private TransformerEncoderLayer(Config c) {
        this.config = c;
        this.selfAttn =
                register("self_attn", new MultiheadAttention(c.dModel(), c.nhead(), c.dropout(), true, c.batchFirst()));
        this.ff = new FeedForward(this, c);
        this.norm1 = register("norm1", norm(c));
        this.norm2 = register("norm2", norm(c));
        this.dropout1 = register("dropout1", new Dropout(c.dropout()));
        this.dropout2 = register("dropout2", new Dropout(c.dropout()));
    }

    static LayerNorm norm(Config c) {
        return new LayerNorm(new long[] {c.dModel()}, c.layerNormEps(), true);
    }

    /** A new layer with the same settings and a copy of this one's weights (what PyTorch's deepcopy gives). */
    TransformerEncoderLayer copy() {
        TransformerEncoderLayer l = new TransformerEncoderLayer(config);
        l.to(parameters().get(0).dtype());
        l.loadStateDict(stateDict());
        l.train(isTraining());
        return l;
    }

    /** The layer without masks. */
    @Override
    public Tensor forward(Tensor src) {
        return forward(src, null, null);
    }

    /**
     * {@code layer(src, src_mask, src_key_padding_mask)}: src [L, N, E] (or [N, L, E]); srcMask [L, L] bool or
     * additive float (e.g. {@link Transformer#generateSquareSubsequentMask}), padding mask bool [N, L]; either may be
     * null.
     */
    public Tensor forward(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        check("src", src);
        Tensor x = src;
        if (config.normFirst()) {
            x = x.add(selfAttention(norm1.forward(x), srcMask, srcKeyPaddingMask));
            return x.add(dropout2.forward(ff.forward(norm2.forward(x))));
        }
        x = norm1.forward(x.add(selfAttention(x, srcMask, srcKeyPaddingMask)));
        return norm2.forward(x.add(dropout2.forward(ff.forward(x))));
    }

    private Tensor selfAttention(Tensor x, Tensor mask, Tensor padding) {
        return dropout1.forward(
                selfAttn.forward(x, x, x, padding, false, mask, true).output());
    }

    /**
     * The self-attention weights this layer computes for src, per head: [N, nhead, L, L] (what PyTorch's layer
     * discards). Evaluate in {@link #eval()} mode to see them without dropout.
     */
    public Tensor attentionWeights(Tensor src, Tensor srcMask, Tensor srcKeyPaddingMask) {
        check("src", src);
        Tensor x = config.normFirst() ? norm1.forward(src) : src;
        return selfAttn.forward(x, x, x, srcKeyPaddingMask, true, srcMask, false)
                .weights();
    }

    void check(String what, Tensor t) {
        if (t.dim() != 3 || t.size(2) != config.dModel()) {
            throw new ShapeException(getClass().getSimpleName() + "(d_model=" + config.dModel() + ", nhead="
                    + config.nhead() + "): expected " + what + " " + (config.batchFirst() ? "[N, L, " : "[L, N, ")
                    + config.dModel() + "], got " + Arrays.toString(t.shape()));
        }
    }

    /** The self-attention sub-layer. */
    public MultiheadAttention selfAttn() {
        return selfAttn;
    }

    Config config() {
        return config;
    }

    /**
     * linear2(dropout(activation(linear1(x)))), registered directly on its owner so the keys stay PyTorch's
     * ({@code linear1}, {@code dropout}, {@code linear2}).
     */
    static final class FeedForward {
        private final Linear linear1, linear2;
        private final Dropout dropout;
        private final boolean gelu;

        FeedForward(Module owner, Config c) {
            this.linear1 = owner.register("linear1", new Linear(c.dModel(), c.dimFeedforward()));
            this.dropout = owner.register("dropout", new Dropout(c.dropout()));
            this.linear2 = owner.register("linear2", new Linear(c.dimFeedforward(), c.dModel()));
            this.gelu = "gelu".equals(c.activation());
        }

        Tensor forward(Tensor x) {
            Tensor h = linear1.forward(x);
            return linear2.forward(dropout.forward(gelu ? h.gelu() : h.relu()));
        }
    }
}
