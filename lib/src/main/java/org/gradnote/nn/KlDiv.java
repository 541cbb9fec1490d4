package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/** F.kl_div: the Kullback-Leibler divergence of a target distribution from log-probabilities (input). */
public final class KlDiv {
    private KlDiv() {}

    /**
     * How kl_div reduces: PyTorch's four reductions ({@code MEAN}, {@code BATCHMEAN}, {@code SUM}, {@code NONE}),
     * 'batchmean' (sum / batch size) being the mathematically right one.
     */
    public enum KlReduction {
        MEAN,
        BATCHMEAN,
        SUM,
        NONE
    }

    /**
     * Pointwise target (log target - input), i.e. xlogy(t, t) - t input (0 where t == 0), or with logTarget
     * exp(t) (t - input); input and target of the same shape.
     */
    public static Tensor klDiv(Tensor input, Tensor target, KlReduction r, boolean logTarget) {
        if (!Arrays.equals(input.shape(), target.shape()))
            throw new ShapeException("klDiv: input shape " + Arrays.toString(input.shape()) + " and target shape "
                    + Arrays.toString(target.shape()) + " differ");
        Tensor t = target.to(input.dtype());
        Tensor pointwise;
        if (logTarget) pointwise = t.exp().mul(t.sub(input));
        else {
            Tensor zero = t.eq(0);
            // xlogy(t, t): t log t, and exactly 0 where t == 0 (log of a safe 1 there).
            Tensor tLogT = t.mul(t.maskedFill(zero, 1).log());
            pointwise = tLogT.sub(t.mul(input));
        }
        switch (r) {
            case MEAN:
                return pointwise.mean();
            case SUM:
                return pointwise.sum();
            case BATCHMEAN:
                return input.dim() == 0 ? pointwise.sum() : pointwise.sum().div(input.size(0));
            default:
                return pointwise;
        }
    }
}
