package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.Functional;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * Loss functions (torch.nn.functional style), composed from tensor primitives so their gradients come for free.
 * Shapes are checked up front so a mistake names the loss and both shapes.
 */
public final class Losses {
    private Losses() {}

    /** Mean squared error. */
    public static Tensor mse(Tensor input, Tensor target, Reduction r) {
        sameShape("mse", input, target);
        floatOperand("mse", input, target);
        // Reduced float losses are one fused primitive (one read, one gradient write, instead of six ops).
        if (r != Reduction.NONE
                && input.dtype().isFloatingPoint()
                && target.dtype().isFloatingPoint()
                && input.numel() > 0) {
            return Functional.mseLoss(input, target, r == Reduction.MEAN);
        }
        return reduce(input.sub(target).square(), r);
    }

    /** Mean absolute error. */
    public static Tensor l1(Tensor input, Tensor target, Reduction r) {
        sameShape("l1", input, target);
        floatOperand("l1", input, target);
        return reduce(input.sub(target).abs(), r);
    }

    /** Huber: ½d² where |d| < delta, else delta(|d| - ½delta) (torch.nn.HuberLoss). */
    public static Tensor huber(Tensor input, Tensor target, double delta, Reduction r) {
        if (!(delta > 0)) throw new IllegalArgumentException("huber: delta must be positive, got " + delta);
        sameShape("huber", input, target);
        floatOperand("huber", input, target);
        Tensor d = input.sub(target), a = d.abs();
        Tensor quad = d.square().mul(0.5), lin = a.sub(0.5 * delta).mul(delta);
        return reduce(Tensor.where(a.lt(delta), quad, lin), r);
    }

    /** Cross-entropy from raw logits [N, C] (or [N, C, d...]) and int64 class indices [N] (or [N, d...]). */
    public static Tensor crossEntropy(Tensor logits, Tensor target, Reduction r) {
        checkClassTarget("crossEntropy", logits, target);
        // The common case, [N, C] reduced, is one fused primitive (one read, one gradient write, instead of ~20 ops).
        if (logits.dim() == 2 && r != Reduction.NONE)
            return Functional.crossEntropy(logits, target, r == Reduction.MEAN);
        // log-sum-exp inside logSoftmax keeps large logits finite.
        return nll(logits.logSoftmax(1), target, r);
    }

    /** Negative log-likelihood of log-probabilities [N, C] (or [N, C, d...]) at int64 class indices [N] (or [N, d...]). */
    public static Tensor nll(Tensor logProbs, Tensor target, Reduction r) {
        checkClassTarget("nll", logProbs, target);
        Tensor lp = logProbs;
        if (logProbs.dim() > 2) {
            // Classes last, the other dimensions in order ([N, C, H, W] -> [N, H, W, C]), so that row i pairs with
            // target.flatten()[i]; a transpose(1, last) would give [N, W, H, C] and pair pixels with the wrong targets.
            int[] order = new int[logProbs.dim()];
            for (int i = 0; i < order.length; i++) order[i] = i == 0 ? 0 : i == order.length - 1 ? 1 : i + 1;
            lp = logProbs.permute(order).reshape(-1, logProbs.size(1));
        }
        Tensor oneHot = target.flatten().oneHot((int) logProbs.size(1)).to(logProbs.dtype());
        Tensor perItem = lp.mul(oneHot).sum(1).neg();
        if (logProbs.dim() > 2) {
            long[] ts = target.shape();
            perItem = perItem.reshape(ts);
        }
        return reduce(perItem, r);
    }

    /** Binary cross-entropy on probabilities in [0, 1]; logs are clamped at -100 like PyTorch. */
    public static Tensor bce(Tensor p, Tensor target, Reduction r) {
        sameShape("bce", p, target);
        // One copy of the values, read once: this check runs on every call of the loss.
        double min = 0, max = 0;
        double[] values = p.toDoubleArray();
        if (values.length > 0) {
            min = max = values[0];
            for (double v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // Written so that NaN fails too (Math.min/max propagate it), as torch's "between 0 and 1" check does.
        if (!(min >= 0 && max <= 1))
            throw new IllegalArgumentException("bce: input must hold probabilities in [0, 1], got values in [" + min
                    + ", " + max + "]; use bceWithLogits for raw scores");
        // One fused primitive with torch's gradient (p - y) / max(p(1 - p), 1e-12): composed through log and clamp,
        // p = 0 or 1 gave a NaN gradient even for a correct prediction.
        return reduce(Functional.binaryCrossEntropy(p, target.to(p.dtype())), r);
    }

    /** Binary cross-entropy from logits in torch's stable form; its gradient is sigmoid(x) - y, also at x = 0. */
    public static Tensor bceWithLogits(Tensor x, Tensor target, Reduction r) {
        sameShape("bceWithLogits", x, target);
        return reduce(Functional.binaryCrossEntropyWithLogits(x, target.to(x.dtype())), r);
    }

    /** Binary hinge loss max(0, 1 - y x) for labels y in {-1, +1} (the SVM loss). */
    public static Tensor hinge(Tensor x, Tensor target, Reduction r) {
        sameShape("hinge", x, target);
        checkSigns("hinge", target);
        return reduce(x.mul(target.to(x.dtype())).rsub(1).relu(), r);
    }

    /** Logistic loss log(1 + exp(-y x)) for labels y in {-1, +1} (torch.nn.SoftMarginLoss). */
    public static Tensor logistic(Tensor x, Tensor target, Reduction r) {
        sameShape("logistic", x, target);
        checkSigns("logistic", target);
        return reduce(x.mul(target.to(x.dtype())).neg().softplus(), r);
    }

    static Tensor reduce(Tensor perElement, Reduction r) {
        switch (r) {
            case MEAN:
                return perElement.mean();
            case SUM:
                return perElement.sum();
            default:
                return perElement;
        }
    }

    /**
     * Refuses an input and target that are both integer or bool (torch: "mse_cpu" not implemented for 'Long'); one
     * float operand is enough, the other is promoted as in torch.
     */
    private static void floatOperand(String loss, Tensor input, Tensor target) {
        if (input.dtype().isFloatingPoint() || target.dtype().isFloatingPoint()) return;
        throw new IllegalArgumentException(loss + ": needs a float32 or float64 input or target, got input "
                + input.dtype() + " and target " + target.dtype() + " (as torch); convert the input with toFloat()");
    }

    private static void sameShape(String loss, Tensor a, Tensor b) {
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new ShapeException(loss + ": input shape " + Arrays.toString(a.shape()) + " and target shape "
                    + Arrays.toString(b.shape()) + " differ");
        }
    }

    private static void checkClassTarget(String loss, Tensor scores, Tensor target) {
        if (target.dtype().isFloatingPoint()) {
            throw new IllegalArgumentException(loss + ": target must hold int64 class indices, got " + target.dtype()
                    + " (use Tensor.of(long...) or target.toLong())");
        }
        if (scores.dim() < 2) {
            throw new ShapeException(loss + ": input must be [N, C], got shape " + Arrays.toString(scores.shape()));
        }
        long[] expected = new long[scores.dim() - 1];
        expected[0] = scores.size(0);
        for (int i = 2; i < scores.dim(); i++) expected[i - 1] = scores.size(i);
        if (!Arrays.equals(expected, target.shape())) {
            throw new ShapeException(loss + ": input shape " + Arrays.toString(scores.shape()) + " needs target shape "
                    + Arrays.toString(expected) + ", got " + Arrays.toString(target.shape()));
        }
    }

    private static void checkSigns(String loss, Tensor target) {
        for (double v : target.toDoubleArray()) {
            if (v != 1 && v != -1) throw new IllegalArgumentException(loss + ": labels must be -1 or +1, got " + v);
        }
    }
}
