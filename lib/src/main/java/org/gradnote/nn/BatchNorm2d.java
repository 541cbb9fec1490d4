package org.gradnote.nn;

/** Batch normalisation of [N, C, H, W] over batch and space, per channel, like {@code nn.BatchNorm2d}. */
public class BatchNorm2d extends BatchNorm {
    /** eps 1e-5, momentum 0.1, affine, tracking running statistics: PyTorch's defaults. */
    public BatchNorm2d(long numFeatures) {
        this(numFeatures, 1e-5, 0.1, true, true);
    }

    /**
     * Batch normalisation of [N, C, H, W] per channel with PyTorch's full signature: eps, momentum, learnable affine
     * γ/β, and whether running statistics are tracked.
     */
    public BatchNorm2d(long numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        super(numFeatures, eps, momentum, affine, trackRunningStats);
    }

    @Override
    boolean acceptsRank(int rank) {
        return rank == 4;
    }

    @Override
    String expectedShape() {
        return "[N, C, H, W]";
    }
}
