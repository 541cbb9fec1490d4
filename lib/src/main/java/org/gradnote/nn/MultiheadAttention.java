package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Functional;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * Multi-head scaled dot-product attention, like {@code torch.nn.MultiheadAttention}: softmax(Q Kᵀ / √d + mask) V in
 * each of numHeads heads of size d = embedDim / numHeads, the heads concatenated and projected. Parameters carry
 * PyTorch's names ({@code in_proj_weight} [3E, E], {@code in_proj_bias}, {@code out_proj.weight}, {@code
 * out_proj.bias}), so state dicts move between the two. Composed from tensor ops (matmul, softmax, add), so the
 * gradients come from theirs.
 *
 * <p>Masks follow PyTorch: a bool mask is true where attention is <em>not</em> allowed; a float {@code attnMask} is
 * added to the scores (0 to keep, -inf to forbid). {@code attnMask} is [L, S] or [N·numHeads, L, S];
 * {@code keyPaddingMask} is bool [N, S], true at padded keys. A row whose keys are all masked gives NaN, as there.
 */
public class MultiheadAttention extends Module {
    private final long embedDim;
    private final int numHeads;
    private final double dropout;
    private final boolean hasBias;
    private final boolean batchFirst;
    private final Linear outProj;

    /** The result of a call: the attended output and the attention weights (null unless asked for). */
    public record Output(Tensor output, Tensor weights) {}

    /** Sequence-first attention ([L, N, E]) with biases and no dropout ({@code nn.MultiheadAttention(E, heads)}). */
    public MultiheadAttention(long embedDim, int numHeads) {
        this(embedDim, numHeads, 0.0, true, false);
    }

    /**
     * PyTorch's signature without kdim/vdim and the extra key/value biases: dropout on the attention weights in
     * training, optional biases, and batch-first tensors [N, L, E] when {@code batchFirst}.
     */
    public MultiheadAttention(long embedDim, int numHeads, double dropout, boolean bias, boolean batchFirst) {
        if (embedDim <= 0 || numHeads <= 0 || embedDim % numHeads != 0) {
            throw new IllegalArgumentException(
                    "MultiheadAttention: embed_dim must be a positive multiple of num_heads, got " + embedDim + " and "
                            + numHeads);
        }
        if (dropout < 0 || dropout > 1)
            throw new IllegalArgumentException("MultiheadAttention: dropout must be in [0, 1], got " + dropout);
        this.embedDim = embedDim;
        this.numHeads = numHeads;
        this.dropout = dropout;
        this.hasBias = bias;
        this.batchFirst = batchFirst;
        // PyTorch's _reset_parameters: Xavier-uniform projections, zero biases, out_proj's weight as a Linear's.
        registerParameter("in_proj_weight", Init.xavierUniform(Tensor.zeros(3 * embedDim, embedDim), 1.0));
        if (bias) registerParameter("in_proj_bias", Tensor.zeros(3 * embedDim));
        this.outProj = register("out_proj", new Linear(embedDim, embedDim, bias));
        if (bias) Init.constant(outProj.bias(), 0);
    }

    /** Self-attention without masks: {@code forward(x, x, x)}'s output. */
    @Override
    public Tensor forward(Tensor x) {
        return forward(x, x, x, null, false, null, true).output();
    }

    /** Attention of query over key/value without masks; returns the output and the head-averaged weights. */
    public Output forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, null, true, null, true);
    }

    /**
     * The full call, {@code mha(query, key, value, key_padding_mask, need_weights, attn_mask, average_attn_weights)}:
     * query [L, N, E] (or [N, L, E] batch-first), key and value [S, N, E]; masks may be null. The weights, when
     * {@code needWeights}, are [N, L, S] averaged over heads, or [N, numHeads, L, S] per head, always batch-first
     * and taken after dropout, as PyTorch returns them.
     */
    public Output forward(
            Tensor query,
            Tensor key,
            Tensor value,
            Tensor keyPaddingMask,
            boolean needWeights,
            Tensor attnMask,
            boolean averageAttnWeights) {
        checkInputs(query, key, value);
        Tensor q = batchFirst ? query : query.transpose(0, 1);
        Tensor k = batchFirst ? key : key.transpose(0, 1);
        Tensor v = batchFirst ? value : value.transpose(0, 1);
        long n = q.size(0), l = q.size(1), s = k.size(1), d = embedDim / numHeads;
        Tensor[] qkv = project(query, key, value, q, k, v);
        // [N, len, E] -> [N, heads, len, d]; the query is scaled before the product, as PyTorch does.
        Tensor qh = heads(qkv[0], n, l).mul(1.0 / Math.sqrt(d));
        Tensor kh = heads(qkv[1], n, s), vh = heads(qkv[2], n, s);
        Tensor scores = qh.matmul(kh.transpose(2, 3));
        Tensor mask = additiveMask(attnMask, keyPaddingMask, n, l, s, scores.dtype());
        if (mask != null) scores = scores.add(mask);
        Tensor w = Functional.dropout(scores.softmax(-1), dropout, isTraining());
        Tensor out = w.matmul(vh).transpose(1, 2).reshape(n, l, embedDim);
        out = outProj.forward(out);
        if (!batchFirst) out = out.transpose(0, 1);
        Tensor weights = needWeights ? (averageAttnWeights ? w.mean(1) : w) : null;
        return new Output(out, weights);
    }

    /** The three input projections; one matmul when query, key and value are the same tensor (self-attention). */
    private Tensor[] project(Tensor query, Tensor key, Tensor value, Tensor q, Tensor k, Tensor v) {
        Tensor w = local("in_proj_weight"), b = hasBias ? local("in_proj_bias") : null;
        long e = embedDim;
        if (query == key && key == value) {
            Tensor all = Tensor.linear(q, w, b);
            return new Tensor[] {all.slice(2, 0, e), all.slice(2, e, 2 * e), all.slice(2, 2 * e, 3 * e)};
        }
        Tensor[] in = {q, k, v};
        Tensor[] out = new Tensor[3];
        for (int i = 0; i < 3; i++) {
            out[i] = Tensor.linear(
                    in[i], w.slice(0, i * e, (i + 1) * e), b == null ? null : b.slice(0, i * e, (i + 1) * e));
        }
        return out;
    }

    private Tensor heads(Tensor x, long n, long len) {
        return x.reshape(n, len, numHeads, embedDim / numHeads).transpose(1, 2);
    }

    /** attnMask and keyPaddingMask merged into one additive mask broadcastable to [N, heads, L, S], or null. */
    private Tensor additiveMask(Tensor attnMask, Tensor keyPaddingMask, long n, long l, long s, DType type) {
        Tensor mask = null;
        if (attnMask != null) {
            long[] ms = attnMask.shape();
            boolean twoD = Arrays.equals(ms, new long[] {l, s});
            boolean threeD = Arrays.equals(ms, new long[] {n * numHeads, l, s});
            if (!twoD && !threeD) {
                throw new ShapeException(who() + ": attn_mask must be [L, S] = " + Arrays.toString(new long[] {l, s})
                        + " or [N*num_heads, L, S] = " + Arrays.toString(new long[] {n * numHeads, l, s})
                        + ", got " + Arrays.toString(ms));
            }
            mask = toAdditive(attnMask, type, "attn_mask");
            mask = twoD ? mask.reshape(1, 1, l, s) : mask.reshape(n, numHeads, l, s);
        }
        if (keyPaddingMask != null) {
            if (!Arrays.equals(keyPaddingMask.shape(), new long[] {n, s})) {
                throw new ShapeException(who() + ": key_padding_mask must be [N, S] = "
                        + Arrays.toString(new long[] {n, s}) + ", got " + Arrays.toString(keyPaddingMask.shape()));
            }
            if (keyPaddingMask.dtype() != DType.BOOL) {
                throw new IllegalArgumentException(
                        who() + ": key_padding_mask must be a bool tensor, got " + keyPaddingMask.dtype());
            }
            Tensor pad = toAdditive(keyPaddingMask, type, "key_padding_mask").reshape(n, 1, 1, s);
            mask = mask == null ? pad : mask.add(pad);
        }
        return mask;
    }

    /** A bool mask as 0 / -inf in the scores' type; a float mask as it is. */
    private Tensor toAdditive(Tensor m, DType type, String what) {
        if (m.dtype() == DType.BOOL) {
            try (var g = Tensor.noGrad()) {
                return Tensor.zeros(type, m.shape()).maskedFill(m, Double.NEGATIVE_INFINITY);
            }
        }
        if (!m.dtype().isFloatingPoint())
            throw new IllegalArgumentException(
                    who() + ": " + what + " must be bool or floating point, got " + m.dtype());
        return m.dtype() == type ? m : m.to(type);
    }

    private void checkInputs(Tensor query, Tensor key, Tensor value) {
        String layout = batchFirst ? "[N, L, E]" : "[L, N, E]";
        for (Tensor t : new Tensor[] {query, key, value}) {
            if (t.dim() != 3 || t.size(2) != embedDim) {
                throw new ShapeException(who() + ": expected query, key and value " + layout + " with E = " + embedDim
                        + ", got query " + Arrays.toString(query.shape()) + ", key "
                        + Arrays.toString(key.shape()) + ", value " + Arrays.toString(value.shape()));
            }
        }
        int batch = batchFirst ? 0 : 1, seq = batchFirst ? 1 : 0;
        if (query.size(batch) != key.size(batch)
                || !Arrays.equals(key.shape(), value.shape())
                || key.size(seq) != value.size(seq)) {
            throw new ShapeException(who() + ": key and value must have the same shape and batch size as the query "
                    + layout + ", got query " + Arrays.toString(query.shape()) + ", key "
                    + Arrays.toString(key.shape()) + ", value " + Arrays.toString(value.shape()));
        }
    }

    /** The embedding size E. */
    public long embedDim() {
        return embedDim;
    }

    /** The number of heads. */
    public int numHeads() {
        return numHeads;
    }

    /** Whether tensors are [N, L, E] (true) or [L, N, E]. */
    public boolean batchFirst() {
        return batchFirst;
    }

    /** The layer's name in error messages. */
    private String who() {
        return "MultiheadAttention(embed_dim=" + embedDim + ", num_heads=" + numHeads + ")";
    }

    @Override
    protected String extraRepr() {
        return "embed_dim=" + embedDim + ", num_heads=" + numHeads + ", dropout=" + Repr.pyFloat(dropout)
                + ", batch_first=" + Repr.bool(batchFirst);
    }
}
