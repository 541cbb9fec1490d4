package org.gradnote.train;

import org.gradnote.metrics.Metrics;
import org.gradnote.tensor.Tensor;

/**
 * A per-epoch score of a model's outputs against the targets, computed once on a whole epoch's outputs (so an
 * accuracy is exact, not an average of batch accuracies): {@code trainer.metric("acc", Metric.accuracy())}.
 */
@FunctionalInterface
public interface Metric {
    /** The score of all outputs of an epoch against their targets. */
    double compute(Tensor output, Tensor target);

    /** Fraction of correct classes, from scores [N, C] or labels [N] (see {@link Metrics#accuracy}). */
    static Metric accuracy() {
        return (out, target) -> Metrics.accuracy(out, target).value();
    }

    /** Mean absolute error, e.g. in °C when outputs and targets are in °C. */
    static Metric mae() {
        return (out, target) ->
                out.sub(target.reshape(out.shape())).abs().mean().item();
    }
}
