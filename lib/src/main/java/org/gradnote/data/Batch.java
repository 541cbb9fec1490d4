package org.gradnote.data;

import org.gradnote.tensor.Tensor;

/** One mini-batch from a {@link DataLoader}: the stacked tensors, with {@link #x()} and {@link #y()} for the usual pair. */
public record Batch(Tensor[] tensors) {
    /** The first stacked tensor, the inputs, with the batch as its first dimension: [batch, ...]. */
    public Tensor x() {
        return tensors[0];
    }

    /**
     * The second stacked tensor, the targets, with the batch as its first dimension; an error for a single-tensor data
     * set.
     */
    public Tensor y() {
        if (tensors.length < 2) throw new IllegalStateException("this batch has a single tensor: no y()");
        return tensors[1];
    }

    /**
     * The number of examples in this batch, the first dimension's size (the last batch may be smaller unless
     * drop-last).
     */
    public int size() {
        return (int) tensors[0].size(0);
    }
}
