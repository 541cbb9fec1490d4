package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * A loss criterion, like {@code nn.MSELoss()}: {@code Loss.crossEntropy().apply(logits, labels)}. The maths is in
 * {@link Losses}; these factories fix the options once so a training loop can hold one object.
 */
@FunctionalInterface
public interface Loss {
    /**
     * The loss of predictions {@code input} against {@code target}: a 0-dimensional tensor, or per-element values with
     * {@link Reduction#NONE}.
     */
    Tensor apply(Tensor input, Tensor target);

    /** Mean squared error, mean over all elements ({@code nn.MSELoss()}). */
    static Loss mse() {
        return mse(Reduction.MEAN);
    }
    /** Squared error (x - y)² with the given reduction ({@code nn.MSELoss(reduction=...)}). */
    static Loss mse(Reduction r) {
        return (x, y) -> Losses.mse(x, y, r);
    }
    /** Mean absolute error ({@code nn.L1Loss()}). */
    static Loss l1() {
        return l1(Reduction.MEAN);
    }
    /** Absolute error |x - y| with the given reduction ({@code nn.L1Loss(reduction=...)}). */
    static Loss l1(Reduction r) {
        return (x, y) -> Losses.l1(x, y, r);
    }
    /** Huber loss, mean reduction: quadratic below {@code delta}, linear above ({@code nn.HuberLoss(delta=delta)}). */
    static Loss huber(double delta) {
        return huber(delta, Reduction.MEAN);
    }

    /** Huber loss with the given {@code delta} (positive) and reduction ({@code nn.HuberLoss}). */
    static Loss huber(double delta, Reduction r) {
        if (!(delta > 0)) throw new IllegalArgumentException("huber: delta must be positive, got " + delta);
        return (x, y) -> Losses.huber(x, y, delta, r);
    }
    /**
     * Cross-entropy of raw scores [N, C] against int64 class labels [N], mean over examples ({@code
     * nn.CrossEntropyLoss()}).
     */
    static Loss crossEntropy() {
        return crossEntropy(Reduction.MEAN);
    }
    /**
     * Cross-entropy of raw scores against class labels with the given reduction ({@code
     * nn.CrossEntropyLoss(reduction=...)}).
     */
    static Loss crossEntropy(Reduction r) {
        return (x, y) -> Losses.crossEntropy(x, y, r);
    }
    /** Negative log-likelihood of log-probabilities [N, C] against int64 labels [N], mean ({@code nn.NLLLoss()}). */
    static Loss nll() {
        return nll(Reduction.MEAN);
    }
    /** Negative log-likelihood with the given reduction ({@code nn.NLLLoss(reduction=...)}). */
    static Loss nll(Reduction r) {
        return (x, y) -> Losses.nll(x, y, r);
    }
    /**
     * Binary cross-entropy of probabilities in [0, 1] against 0/1 targets of the same shape, mean ({@code
     * nn.BCELoss()}).
     */
    static Loss bce() {
        return bce(Reduction.MEAN);
    }
    /** Binary cross-entropy of probabilities with the given reduction ({@code nn.BCELoss(reduction=...)}). */
    static Loss bce(Reduction r) {
        return (x, y) -> Losses.bce(x, y, r);
    }
    /**
     * Binary cross-entropy of raw scores (sigmoid folded in, numerically stable), mean ({@code
     * nn.BCEWithLogitsLoss()}).
     */
    static Loss bceWithLogits() {
        return bceWithLogits(Reduction.MEAN);
    }
    /** Binary cross-entropy of raw scores with the given reduction ({@code nn.BCEWithLogitsLoss(reduction=...)}). */
    static Loss bceWithLogits(Reduction r) {
        return (x, y) -> Losses.bceWithLogits(x, y, r);
    }
    /** The binary hinge loss max(0, 1 - y x) for labels in {-1, +1}, mean (the SVM loss). */
    static Loss hinge() {
        return hinge(Reduction.MEAN);
    }
    /** The binary hinge loss max(0, 1 - y x) with the given reduction. */
    static Loss hinge(Reduction r) {
        return (x, y) -> Losses.hinge(x, y, r);
    }
    /** The logistic loss log(1 + exp(-y x)) for labels in {-1, +1}, mean ({@code nn.SoftMarginLoss()}). */
    static Loss logistic() {
        return logistic(Reduction.MEAN);
    }
    /** The logistic loss log(1 + exp(-y x)) with the given reduction ({@code nn.SoftMarginLoss(reduction=...)}). */
    static Loss logistic(Reduction r) {
        return (x, y) -> Losses.logistic(x, y, r);
    }

    /** BCE with logits weighting the positive term of each class by posWeight ([C], broadcast over the last dim). */
    static Loss bceWithLogits(Tensor posWeight) {
        return bceWithLogits(posWeight, Reduction.MEAN);
    }
    /** As {@link #bceWithLogits(Tensor)} with a reduction. */
    static Loss bceWithLogits(Tensor posWeight, Reduction r) {
        return (x, y) -> WeightedLosses.bceWithLogits(x, y, posWeight, r);
    }

    /** nn.CrossEntropyLoss(weight, ignore_index, label_smoothing), mean-reduced; weights may be null. */
    static Loss crossEntropy(Tensor weights, long ignoreIndex, double labelSmoothing) {
        return crossEntropy(weights, ignoreIndex, labelSmoothing, Reduction.MEAN);
    }

    /** nn.CrossEntropyLoss(weight, ignore_index, label_smoothing, reduction); weights may be null. */
    static Loss crossEntropy(Tensor weights, long ignoreIndex, double labelSmoothing, Reduction r) {
        return (x, y) -> WeightedLosses.crossEntropy(x, y, weights, ignoreIndex, labelSmoothing, r);
    }

    /** nn.KLDivLoss(reduction, log_target): input log-probabilities, target probabilities (or log ones). */
    static Loss klDiv(KlDiv.KlReduction r, boolean logTarget) {
        return (x, y) -> KlDiv.klDiv(x, y, r, logTarget);
    }

    /** This loss plus a penalty on a model's parameters (e.g. L2), evaluated at each call. */
    default Loss plus(Penalty penalty, Module model) {
        return (x, y) -> apply(x, y).add(penalty.of(model));
    }
}
