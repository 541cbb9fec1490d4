package org.gradnote.data;

import java.util.Arrays;
import org.gradnote.tensor.Tensor;

/** Tensors sharing their first dimension, one example per row, like {@code torch.utils.data.TensorDataset}. */
public final class TensorDataset implements Dataset {
    private final Tensor[] tensors;

    /**
     * A data set whose example i is row i of each tensor (e.g. features [n, d] and labels [n]), like {@code
     * torch.utils.data.TensorDataset}; first dimensions must match.
     */
    public TensorDataset(Tensor... tensors) {
        if (tensors.length == 0) throw new IllegalArgumentException("TensorDataset: needs at least one tensor");
        for (int i = 0; i < tensors.length; i++) {
            if (tensors[i].dim() == 0 || tensors[i].size(0) != tensors[0].size(0)) {
                throw new IllegalArgumentException(
                        "TensorDataset: tensor " + i + " has shape " + Arrays.toString(tensors[i].shape())
                                + " but tensor 0 has " + tensors[0].size(0) + " rows (first dimensions must match)");
            }
        }
        this.tensors = tensors.clone();
    }

    @Override
    public int size() {
        return (int) tensors[0].size(0);
    }

    @Override
    public Tensor[] get(int index) {
        Tensor[] out = new Tensor[tensors.length];
        for (int k = 0; k < out.length; k++) out[k] = tensors[k].select(0, index);
        return out;
    }

    /** One row gather per tensor instead of one slice per example (and no index tensor: ints go straight in). */
    @Override
    public Tensor[] batch(int[] indices) {
        Tensor[] out = new Tensor[tensors.length];
        for (int k = 0; k < out.length; k++) out[k] = tensors[k].indexSelect(0, indices);
        return out;
    }

    /** The k-th full tensor. */
    public Tensor tensor(int k) {
        return tensors[k];
    }
}
