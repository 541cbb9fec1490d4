package org.gradnote.nn;

/** Batch normalisation of [N, C] or [N, C, L] over the batch (and length), like {@code nn.BatchNorm1d}. */
public class BatchNorm1d extends BatchNorm {
    /** eps 1e-5, momentum 0.1, affine, tracking running statistics: PyTorch's defaults. */
    public BatchNorm1d(long numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * Batch normalisation of [N, C] or [N, C, L] with PyTorch's full signature: eps, momentum of the running
     * statistics, learnable affine γ/β, and whether running statistics are tracked.
     */
    public BatchNorm1d(long numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    boolean acceptsRank(int rank) {
        return rank == 2 || rank == 3;
    }

    @Override
    String expectedShape() {
        return "[N, C] or [N, C, L]";
    }
}
