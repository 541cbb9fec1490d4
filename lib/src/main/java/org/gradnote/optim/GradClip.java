package org.gradnote.optim;

import java.util.Collection;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;

/** Gradient clipping, as {@code torch.nn.utils.clip_grad_norm_} and {@code clip_grad_value_}. */
public final class GradClip {
    private GradClip() {}

    /** Scales all gradients so their joint norm is at most maxNorm; returns the norm before clipping. */
    public static double byNorm(Collection<Tensor> params, double maxNorm, double normType) {
        if (!(maxNorm > 0))
            throw new IllegalArgumentException("clip by norm: maxNorm must be positive, got " + maxNorm);
        double total = 0;
        boolean inf = Double.isInfinite(normType);
        try (var ng = Tensor.noGrad()) {
            for (Tensor p : params) {
                Tensor g = Updates.grad(p);
                if (g == null || g.numel() == 0) continue;
                if (inf) total = Math.max(total, g.abs().max().item());
                else total += g.abs().pow(normType).sum().item();
            }
            double norm = inf ? total : Math.pow(total, 1 / normType);
            double coef = maxNorm / (norm + 1e-6);
            if (coef < 1) {
                for (Tensor p : params) {
                    Tensor g = Updates.grad(p);
                    if (g != null) g.mul_(coef);
                }
            }
            return norm;
        }
    }

    /** L2 norm clipping. */
    public static double byNorm(Collection<Tensor> params, double maxNorm) {
        return byNorm(params, maxNorm, 2);
    }

    /** Clamps every gradient element into [-clip, clip]. */
    public static void byValue(Collection<Tensor> params, double clip) {
        if (!(clip > 0)) throw new IllegalArgumentException("clip by value: clip must be positive, got " + clip);
        try (var ng = Tensor.noGrad()) {
            for (Tensor p : params) {
                Tensor g = Updates.grad(p);
                if (g != null) g.copy_(g.clamp(-clip, clip));
            }
        }
    }
}
