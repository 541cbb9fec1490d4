package org.gradnote.data;

import org.gradnote.tensor.Tensor;

/** One mini-batch from a {@link DataLoader}: the stacked tensors, with {@link #x()} and {@link #y()} for the usual pair. */
public record Batch(Tensor[] tensors) {
    public Tensor x() {
        return tensors[0];
    }

    public Tensor y() {
        if (tensors.length < 2) throw new IllegalStateException("this batch has a single tensor: no y()");
        return tensors[1];
    }

    public int size() {
        return (int) tensors[0].size(0);
    }
}
