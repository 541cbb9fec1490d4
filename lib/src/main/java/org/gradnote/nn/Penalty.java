package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * A regularisation term on a model's weights, added to the loss: {@code loss.add(Penalty.l2(1e-3).of(model))}.
 * By default biases (1-D parameters) are left out, as the courses do.
 */
public final class Penalty {
    private final double lambda;
    private final boolean squared;
    private final boolean includeBiases;

    private Penalty(double lambda, boolean squared, boolean includeBiases) {
        if (!(lambda >= 0) || Double.isInfinite(lambda))
            throw new IllegalArgumentException("penalty: lambda must be >= 0, got " + lambda);
        this.lambda = lambda;
        this.squared = squared;
        this.includeBiases = includeBiases;
    }

    /** lambda * sum |w|. */
    public static Penalty l1(double lambda) {
        return new Penalty(lambda, false, false);
    }

    /** lambda * sum w² (note: SGD's weight_decay=wd equals l2(wd / 2)). */
    public static Penalty l2(double lambda) {
        return new Penalty(lambda, true, false);
    }

    /** The same penalty applied to biases as well. */
    public Penalty includingBiases() {
        return new Penalty(lambda, squared, true);
    }

    /** The penalty's value for the model's current parameters, as a differentiable scalar. */
    public Tensor of(Module model) {
        Tensor total = null;
        for (Tensor p : model.parameters()) {
            if (!includeBiases && p.dim() < 2) continue;
            Tensor term = squared ? p.square().sum() : p.abs().sum();
            total = total == null ? term : total.add(term);
        }
        return total == null ? Tensor.scalar(0) : total.mul(lambda);
    }
}
