package org.gradnote.data;

import org.gradnote.tensor.Tensor;

/**
 * Indexed examples, like {@code torch.utils.data.Dataset}: each example is a small array of tensors (usually
 * input and target). {@link #batch} has a default that stacks examples; tensor-backed data sets override it.
 */
public interface Dataset {
    /** The number of examples, like Python's {@code len(dataset)}. */
    int size();

    /** The example at an index, e.g. {x, y}. */
    Tensor[] get(int index);

    /** The examples at several indices, stacked along a new first dimension. */
    default Tensor[] batch(int[] indices) {
        if (indices.length == 0) throw new IllegalArgumentException("batch: no indices");
        Tensor[] first = get(indices[0]);
        java.util.List<java.util.List<Tensor>> cols = new java.util.ArrayList<>();
        for (int k = 0; k < first.length; k++) cols.add(new java.util.ArrayList<>());
        for (int i : indices) {
            Tensor[] ex = i == indices[0] ? first : get(i);
            for (int k = 0; k < ex.length; k++) cols.get(k).add(ex[k]);
        }
        Tensor[] out = new Tensor[first.length];
        for (int k = 0; k < out.length; k++) out[k] = Tensor.stack(cols.get(k), 0);
        return out;
    }

    /**
     * This data set with each input passed through {@code transform} at load time (targets unchanged), drawing its
     * randomness from a seed taken from {@link org.gradnote.Gradnote#seed}; see {@link TransformedDataset}.
     */
    default Dataset map(Transform transform) {
        return new TransformedDataset(this, transform, org.gradnote.Gradnote.nextSeed());
    }

    /** This data set with each input passed through {@code transform} at load time, drawing from its own seed. */
    default Dataset map(Transform transform, long seed) {
        return new TransformedDataset(this, transform, seed);
    }
}
