package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * A loss criterion, like {@code nn.MSELoss()}: {@code Loss.crossEntropy().apply(logits, labels)}. The maths is in
 * {@link Losses}; these factories fix the options once so a training loop can hold one object.
 */
@FunctionalInterface
public interface Loss {
    Tensor apply(Tensor input, Tensor target);

    static Loss mse() { return mse(Reduction.MEAN); }
    static Loss mse(Reduction r) { return (x, y) -> Losses.mse(x, y, r); }
    static Loss l1() { return l1(Reduction.MEAN); }
    static Loss l1(Reduction r) { return (x, y) -> Losses.l1(x, y, r); }
    static Loss huber(double delta) { return huber(delta, Reduction.MEAN); }

    static Loss huber(double delta, Reduction r) {
        if (!(delta > 0)) throw new IllegalArgumentException("huber: delta must be positive, got " + delta);
        return (x, y) -> Losses.huber(x, y, delta, r);
    }
    static Loss crossEntropy() { return crossEntropy(Reduction.MEAN); }
    static Loss crossEntropy(Reduction r) { return (x, y) -> Losses.crossEntropy(x, y, r); }
    static Loss nll() { return nll(Reduction.MEAN); }
    static Loss nll(Reduction r) { return (x, y) -> Losses.nll(x, y, r); }
    static Loss bce() { return bce(Reduction.MEAN); }
    static Loss bce(Reduction r) { return (x, y) -> Losses.bce(x, y, r); }
    static Loss bceWithLogits() { return bceWithLogits(Reduction.MEAN); }
    static Loss bceWithLogits(Reduction r) { return (x, y) -> Losses.bceWithLogits(x, y, r); }
    static Loss hinge() { return hinge(Reduction.MEAN); }
    static Loss hinge(Reduction r) { return (x, y) -> Losses.hinge(x, y, r); }
    static Loss logistic() { return logistic(Reduction.MEAN); }
    static Loss logistic(Reduction r) { return (x, y) -> Losses.logistic(x, y, r); }

    /** BCE with logits weighting the positive term of each class by posWeight ([C], broadcast over the last dim). */
    static Loss bceWithLogits(Tensor posWeight) { return bceWithLogits(posWeight, Reduction.MEAN); }
    /** As {@link #bceWithLogits(Tensor)} with a reduction. */
    static Loss bceWithLogits(Tensor posWeight, Reduction r) { return (x, y) -> WeightedLosses.bceWithLogits(x, y, posWeight, r); }

    /** nn.CrossEntropyLoss(weight, ignore_index, label_smoothing), mean-reduced; weights may be null. */
    static Loss crossEntropy(Tensor weights, long ignoreIndex, double labelSmoothing) {
        return crossEntropy(weights, ignoreIndex, labelSmoothing, Reduction.MEAN);
    }

    /** nn.CrossEntropyLoss(weight, ignore_index, label_smoothing, reduction); weights may be null. */
    static Loss crossEntropy(Tensor weights, long ignoreIndex, double labelSmoothing, Reduction r) {
        return (x, y) -> WeightedLosses.crossEntropy(x, y, weights, ignoreIndex, labelSmoothing, r);
    }

    /** nn.KLDivLoss(reduction, log_target): input log-probabilities, target probabilities (or log ones). */
    static Loss klDiv(KlDiv.KlReduction r, boolean logTarget) { return (x, y) -> KlDiv.klDiv(x, y, r, logTarget); }

    /** This loss plus a penalty on a model's parameters (e.g. L2), evaluated at each call. */
    default Loss plus(Penalty penalty, Module model) {
        return (x, y) -> apply(x, y).add(penalty.of(model));
    }
}
