package org.gradnote.data;

import org.gradnote.tensor.Tensor;

/** The examples of a data set at given indices (what random splits and folds return). */
public final class Subset implements Dataset {
    private final Dataset source;
    private final int[] indices;

    /**
     * The examples of {@code source} at the given indices, in that order, like {@code torch.utils.data.Subset}; each
     * index is checked against the source's size.
     */
    public Subset(Dataset source, int[] indices) {
        for (int i : indices) {
            if (i < 0 || i >= source.size())
                throw new IndexOutOfBoundsException(
                        "Subset: index " + i + " out of range for a data set of size " + source.size());
        }
        this.source = source;
        this.indices = indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Tensor[] get(int index) {
        return source.get(indices[index]);
    }

    @Override
    public Tensor[] batch(int[] idx) {
        int[] mapped = new int[idx.length];
        for (int i = 0; i < idx.length; i++) mapped[i] = indices[idx[i]];
        return source.batch(mapped);
    }

    /** A copy of the source indices this subset holds, in order. */
    public int[] indices() {
        return indices.clone();
    }
}
