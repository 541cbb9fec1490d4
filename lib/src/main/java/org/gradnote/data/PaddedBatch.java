package org.gradnote.data;

import java.util.List;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * Sequences of different lengths as one [batch, time] id tensor, padded at the end with {@link Vocab#PAD}, with
 * their lengths and a mask that is true at real tokens (what {@code pad_sequence(batch_first=True)} gives).
 */
public final class PaddedBatch {
    private final Tensor ids;
    private final Tensor mask;
    private final int[] lengths;

    private PaddedBatch(Tensor ids, Tensor mask, int[] lengths) {
        this.ids = ids;
        this.mask = mask;
        this.lengths = lengths;
    }

    /** Pads {@code sequences} (each at least one id) to the longest. */
    public static PaddedBatch of(List<int[]> sequences) {
        if (sequences.isEmpty()) throw new IllegalArgumentException("PaddedBatch.of: no sequences");
        int n = sequences.size();
        int[] lengths = new int[n];
        int t = 0;
        for (int i = 0; i < n; i++) {
            lengths[i] = sequences.get(i).length;
            if (lengths[i] == 0) throw new IllegalArgumentException("PaddedBatch.of: sequence " + i + " is empty");
            t = Math.max(t, lengths[i]);
        }
        double[] ids = new double[n * t];
        double[] mask = new double[n * t];
        for (int i = 0; i < n; i++) {
            int[] s = sequences.get(i);
            for (int j = 0; j < s.length; j++) {
                ids[i * t + j] = s[j];
                mask[i * t + j] = 1;
            }
        }
        // Vocab.PAD is 0, so the zero-filled rest of the array is already padding.
        return new PaddedBatch(
                Tensor.fromArray(ids, n, t).toLong(),
                Tensor.fromArray(mask, n, t).to(DType.BOOL),
                lengths);
    }

    /** The ids, int64 [batch, time]. */
    public Tensor ids() {
        return ids;
    }

    /** True at real tokens and false at padding, bool [batch, time]. */
    public Tensor mask() {
        return mask;
    }

    /** The length of each sequence before padding. */
    public int[] lengths() {
        return lengths.clone();
    }

    /** The number of sequences. */
    public int size() {
        return lengths.length;
    }

    /** The padded length, the longest sequence's. */
    public int time() {
        return (int) ids.size(1);
    }
}
