package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * The options of PyTorch's classification losses that {@link Losses} lacks: BCE-with-logits' {@code pos_weight},
 * cross-entropy's class weights, {@code ignore_index} and label smoothing. Composed from logSoftmax, gather and
 * masks, so the gradients come from those.
 */
public final class WeightedLosses {
    private WeightedLosses() {}

    /**
     * F.binary_cross_entropy_with_logits(x, y, pos_weight=posWeight): (1 - y) x + (1 + (pw - 1) y) softplus(-x),
     * with posWeight broadcast over x's last dimension (one weight per class, [C]); null means all ones.
     */
    public static Tensor bceWithLogits(Tensor x, Tensor target, Tensor posWeight, Reduction r) {
        if (!Arrays.equals(x.shape(), target.shape()))
            throw new ShapeException("bceWithLogits: input shape " + Arrays.toString(x.shape()) + " and target shape "
                    + Arrays.toString(target.shape()) + " differ");
        Tensor y = target.to(x.dtype());
        if (posWeight == null) return Losses.bceWithLogits(x, target, r);
        long[] ps = posWeight.shape(), xs = x.shape();
        boolean fits = ps.length <= xs.length;
        for (int i = 1; fits && i <= ps.length; i++)
            fits = ps[ps.length - i] == 1 || ps[ps.length - i] == xs[xs.length - i];
        if (!fits)
            throw new ShapeException("bceWithLogits: posWeight of shape " + Arrays.toString(ps)
                    + " does not broadcast to the input's shape " + Arrays.toString(xs));
        Tensor pw = posWeight.to(x.dtype());
        // softplus(-x) = log(1 + exp(-x)), computed stably by softplus.
        Tensor logSigNeg = x.neg().softplus();
        Tensor loss = y.rsub(1).mul(x).add(pw.sub(1).mul(y).add(1).mul(logSigNeg));
        return Losses.reduce(loss, r);
    }

    /**
     * F.cross_entropy(logits, target, weight, ignore_index, label_smoothing) for class indices: logits [N, C] or
     * [N, C, d...], int64 target [N] or [N, d...]. weights [C] or null; targets equal to ignoreIndex count for
     * nothing; the weighted mean divides by the sum of the weights of the non-ignored targets, as PyTorch; label
     * smoothing mixes in the (weighted) mean of -log p over all classes, as in PyTorch 1.10+.
     */
    public static Tensor crossEntropy(
            Tensor logits, Tensor target, Tensor weights, long ignoreIndex, double labelSmoothing, Reduction r) {
        if (target.dtype().isFloatingPoint())
            throw new IllegalArgumentException("crossEntropy: target must hold int64 class indices, got "
                    + target.dtype() + " (use Tensor.of(long...) or target.toLong())");
        if (logits.dim() < 2)
            throw new ShapeException(
                    "crossEntropy: input must be [N, C] or [N, C, d...], got shape " + Arrays.toString(logits.shape()));
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new IllegalArgumentException("crossEntropy: labelSmoothing must be in [0, 1], got " + labelSmoothing);
        long c = logits.size(1);
        long[] expected = new long[logits.dim() - 1];
        expected[0] = logits.size(0);
        for (int i = 2; i < logits.dim(); i++) expected[i - 1] = logits.size(i);
        if (!Arrays.equals(expected, target.shape()))
            throw new ShapeException("crossEntropy: input shape " + Arrays.toString(logits.shape())
                    + " needs target shape " + Arrays.toString(expected) + ", got " + Arrays.toString(target.shape()));
        if (weights != null && !Arrays.equals(weights.shape(), new long[] {c}))
            throw new ShapeException("crossEntropy: weights must have shape [" + c + "] (one per class of input shape "
                    + Arrays.toString(logits.shape()) + "), got " + Arrays.toString(weights.shape()));
        // Classes last, one row per prediction: [M, C].
        Tensor lp = logits.logSoftmax(1);
        if (logits.dim() > 2) {
            int[] order = new int[logits.dim()];
            for (int i = 0; i < order.length; i++) order[i] = i == 0 ? 0 : i == order.length - 1 ? 1 : i + 1;
            lp = lp.permute(order).reshape(-1, c);
        }
        long[] t = target.flatten().toLongArray();
        long[] safe = new long[t.length];
        double[] valid = new double[t.length], w = new double[t.length];
        double[] cw = weights == null ? null : weights.toDoubleArray();
        for (int i = 0; i < t.length; i++) {
            if (t[i] == ignoreIndex) continue;
            if (t[i] < 0 || t[i] >= c)
                throw new IndexOutOfBoundsException("crossEntropy: target " + t[i] + " out of range for " + c
                        + " classes (input shape " + Arrays.toString(logits.shape()) + ")");
            safe[i] = t[i];
            valid[i] = 1;
            w[i] = cw == null ? 1 : cw[(int) t[i]];
        }
        DType type = logits.dtype();
        long[] m = {t.length};
        Tensor wt = Tensor.fromArray(type, w, m), validT = Tensor.fromArray(type, valid, m);
        Tensor picked = lp.gather(1, Tensor.of(safe).reshape(t.length, 1)).reshape(m);
        Tensor nll = picked.mul(wt).neg();
        Tensor weightSum = wt.sum();
        Tensor loss = reduceClass(nll, weightSum, r, target.shape());
        if (labelSmoothing == 0) return loss;
        Tensor all = weights == null ? lp : lp.mul(weights.to(type).reshape(1, c));
        Tensor smooth = all.sum(1).neg().mul(validT);
        // PyTorch's mean divides the smoothing term by the same weight sum (by the count of valid targets unweighted).
        Tensor smoothLoss = reduceClass(smooth, weights == null ? validT.sum() : weightSum, r, target.shape());
        return loss.mul(1 - labelSmoothing).add(smoothLoss.mul(labelSmoothing / c));
    }

    private static Tensor reduceClass(Tensor perItem, Tensor weightSum, Reduction r, long[] targetShape) {
        switch (r) {
            case MEAN:
                return perItem.sum().div(weightSum);
            case SUM:
                return perItem.sum();
            default:
                return perItem.reshape(targetShape);
        }
    }
}
