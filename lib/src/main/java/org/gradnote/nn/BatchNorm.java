package org.gradnote.nn;

import org.gradnote.tensor.DType;
import org.gradnote.tensor.Functional;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * What {@link BatchNorm1d} and {@link BatchNorm2d} share, like PyTorch's {@code _BatchNorm}: affine γ/β, the
 * buffers {@code running_mean}, {@code running_var}, {@code num_batches_tracked} (the state-dict keys PyTorch uses),
 * batch statistics in training and running ones in evaluation.
 */
public abstract class BatchNorm extends Module {
    private final long numFeatures;
    private final double eps;
    private final double momentum;
    private final boolean affine;
    private final boolean trackRunningStats;

    BatchNorm(long numFeatures, double eps, double momentum, boolean affine, boolean trackRunningStats) {
        if (numFeatures <= 0)
            throw new IllegalArgumentException(
                    getClass().getSimpleName() + ": num_features must be positive, got " + numFeatures);
        this.numFeatures = numFeatures;
        this.eps = eps;
        this.momentum = momentum;
        this.affine = affine;
        this.trackRunningStats = trackRunningStats;
        if (affine) {
            registerParameter("weight", Tensor.ones(numFeatures));
            registerParameter("bias", Tensor.zeros(numFeatures));
        }
        if (trackRunningStats) {
            registerBuffer("running_mean", Tensor.zeros(numFeatures));
            registerBuffer("running_var", Tensor.ones(numFeatures));
            registerBuffer("num_batches_tracked", Tensor.zeros(DType.INT64, 1).reshape());
        }
    }

    /** Whether an input rank is one this layer normalises (1d: 2 or 3, 2d: 4). */
    abstract boolean acceptsRank(int rank);

    /** The expected input, for errors: "[N, C] or [N, C, L]" or "[N, C, H, W]". */
    abstract String expectedShape();

    @Override
    public Tensor forward(Tensor x) {
        if (!acceptsRank(x.dim()) || x.size(1) != numFeatures) {
            throw new ShapeException(
                    this + ": expected input " + expectedShape().replace("C", Long.toString(numFeatures)) + ", got "
                            + java.util.Arrays.toString(x.shape()));
        }
        // Without running statistics there is nothing else to normalise with, in evaluation too (as in PyTorch).
        boolean batchStats = isTraining() || !trackRunningStats;
        if (isTraining() && trackRunningStats) {
            try (var g = Tensor.noGrad()) {
                local("num_batches_tracked").add_(1);
            }
        }
        return Functional.batchNorm(
                x,
                local("running_mean"),
                local("running_var"),
                affine ? local("weight") : null,
                affine ? local("bias") : null,
                batchStats,
                momentum,
                eps);
    }

    /** The running mean buffer [numFeatures] used in evaluation mode ({@code running_mean}). */
    public Tensor runningMean() {
        return local("running_mean");
    }

    /** The running (unbiased) variance buffer [numFeatures] used in evaluation mode ({@code running_var}). */
    public Tensor runningVar() {
        return local("running_var");
    }

    @Override
    protected String extraRepr() {
        return numFeatures + ", eps=" + Repr.pyFloat(eps) + ", momentum=" + Repr.pyFloat(momentum) + ", affine="
                + Repr.bool(affine) + ", track_running_stats=" + Repr.bool(trackRunningStats);
    }
}
