package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * Attention of one query per example over a sequence of keys, as a seq2seq decoder uses it: scores, a softmax over
 * the real (unmasked) positions, and the weighted sum of the values. Two scores: {@link #additive} (Bahdanau, {@code
 * v·tanh(W_q q + W_k k + b)}) and {@link #dot} (Luong, {@code q·k}).
 */
public class Attention extends Module {
    /** The context [N, Dv], the weighted sum of the values, and the weights [N, T], which sum to 1 per row. */
    public record Output(Tensor context, Tensor weights) {}

    private final Linear queryProj, keyProj, v;
    private final long queryDim, keyDim, attentionDim;

    private Attention(long queryDim, long keyDim, long attentionDim) {
        this.queryDim = queryDim;
        this.keyDim = keyDim;
        this.attentionDim = attentionDim;
        if (attentionDim == 0) {
            queryProj = keyProj = v = null;
            return;
        }
        if (queryDim <= 0 || keyDim <= 0 || attentionDim <= 0) {
            throw new IllegalArgumentException("Attention: sizes must be positive, got query " + queryDim + ", key "
                    + keyDim + ", attention " + attentionDim);
        }
        queryProj = register("query_proj", new Linear(queryDim, attentionDim, false));
        keyProj = register("key_proj", new Linear(keyDim, attentionDim, true));
        v = register("v", new Linear(attentionDim, 1, false));
    }

    /**
     * Bahdanau's additive score {@code v·tanh(W_q q + W_k k + b)} with queries of size {@code queryDim}, keys of size
     * {@code keyDim} and a hidden layer of {@code attentionDim}; parameters {@code query_proj.weight}, {@code
     * key_proj.weight}, {@code key_proj.bias}, {@code v.weight}.
     */
    public static Attention additive(long queryDim, long keyDim, long attentionDim) {
        if (attentionDim <= 0) {
            throw new IllegalArgumentException("Attention: attention size must be positive, got " + attentionDim);
        }
        return new Attention(queryDim, keyDim, attentionDim);
    }

    /** Luong's dot score {@code q·k}, without parameters: queries and keys must have the same size. */
    public static Attention dot() {
        return new Attention(0, 0, 0);
    }

    /** Attention over keys that are also the values; {@code mask} [N, T] is true at real positions, or null. */
    public Output forward(Tensor query, Tensor keys, Tensor mask) {
        return forward(query, keys, keys, mask);
    }

    /**
     * Attention of query [N, Dq] over keys [N, T, Dk] and values [N, T, Dv]; {@code mask} (bool [N, T], true at real
     * positions, or null for all) gives padding zero weight. A row with no real position has NaN weights.
     */
    public Output forward(Tensor query, Tensor keys, Tensor values, Tensor mask) {
        check(query, keys, values, mask);
        Tensor scores;
        if (v == null) {
            scores = keys.matmul(query.unsqueeze(2)).squeeze(2);
        } else {
            Tensor hidden = keyProj.forward(keys)
                    .add(queryProj.forward(query).unsqueeze(1))
                    .tanh();
            scores = v.forward(hidden).squeeze(2);
        }
        if (mask != null) scores = scores.maskedFill(mask.logicalNot(), Double.NEGATIVE_INFINITY);
        Tensor weights = scores.softmax(1);
        Tensor context = weights.unsqueeze(1).matmul(values).squeeze(1);
        return new Output(context, weights);
    }

    /** Not defined: attention needs a query and keys, see {@link #forward(Tensor, Tensor, Tensor)}. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Attention: needs a query and keys; call forward(query, keys, mask)");
    }

    private void check(Tensor query, Tensor keys, Tensor values, Tensor mask) {
        String q = Arrays.toString(query.shape()), k = Arrays.toString(keys.shape());
        if (query.dim() != 2 || keys.dim() != 3 || query.size(0) != keys.size(0)) {
            throw new ShapeException(
                    "Attention: expected query [N, Dq] and keys [N, T, Dk], got query " + q + " and keys " + k);
        }
        long dq = v == null ? keys.size(2) : queryDim, dk = v == null ? query.size(1) : keyDim;
        if (query.size(1) != dq || keys.size(2) != dk) {
            throw new ShapeException("Attention" + (v == null ? " (dot)" : "(" + dq + ", " + dk + ")")
                    + ": query and keys sizes do not fit, got query " + q + " and keys " + k);
        }
        if (values.dim() != 3 || values.size(0) != keys.size(0) || values.size(1) != keys.size(1)) {
            throw new ShapeException(
                    "Attention: expected values [N, T, Dv] for keys " + k + ", got " + Arrays.toString(values.shape()));
        }
        if (mask != null
                && (mask.dtype() != DType.BOOL
                        || !Arrays.equals(mask.shape(), new long[] {keys.size(0), keys.size(1)}))) {
            throw new ShapeException("Attention: expected a bool mask [N, T] for keys " + k + ", got " + mask.dtype()
                    + " " + Arrays.toString(mask.shape()));
        }
    }

    @Override
    protected String extraRepr() {
        return v == null ? "dot" : "additive, " + queryDim + ", " + keyDim + ", " + attentionDim;
    }
}
