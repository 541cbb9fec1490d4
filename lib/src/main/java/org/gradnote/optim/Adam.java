package org.gradnote.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;

/**
 * Adam with optional AMSGrad, as {@code torch.optim.Adam} (lr 1e-3, betas 0.9/0.999, eps 1e-8, L2 weight decay);
 * {@link AdamW} subclasses it with decoupled weight decay. Options: lr, beta1, beta2, eps, weight_decay, amsgrad.
 */
public class Adam extends Optimizer {
    // β1ᵗ and β2ᵗ for the Java loop, per pair of betas in use (one unless groups differ or a scheduler cycles β1).
    private BetaPowers powers;

    /** Adam with lr 1e-3; {@code params} holds tensors or {@link ParamGroup}s. */
    public Adam(List<?> params) {
        this(params, 1e-3);
    }

    /** Adam with the given lr; {@code params} holds tensors or {@link ParamGroup}s. */
    public Adam(List<?> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /** Adam with every option; {@code params} holds tensors or {@link ParamGroup}s. */
    public Adam(
            List<?> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        this("Adam", params, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** Adam with the given lr over named parameters ({@code model.namedParameters()}). */
    public Adam(Map<String, Tensor> namedParams, double lr) {
        this(named(namedParams), lr);
    }

    /** Adam with every option over named parameters. */
    public Adam(
            Map<String, Tensor> namedParams,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean amsgrad) {
        this(named(namedParams), lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    Adam(
            String name,
            List<?> params,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean amsgrad) {
        super(name, params, defaults(lr, beta1, beta2, eps, weightDecay, amsgrad));
    }

    private static Map<String, Double> defaults(
            double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("beta1", beta1);
        d.put("beta2", beta2);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("amsgrad", amsgrad ? 1.0 : 0.0);
        return d;
    }

    @Override
    protected void validate(ParamGroup group, int g) {
        super.validate(group, g);
        checkBeta(group, g, "beta1", "beta parameter at index 0");
        checkBeta(group, g, "beta2", "beta parameter at index 1");
        checkNonNegative(group, g, "eps", "epsilon value");
        checkNonNegative(group, g, "weight_decay", "weight_decay value");
    }

    /** The gradient the moments see: Adam adds L2 decay here, AdamW does not. */
    Tensor effectiveGrad(Tensor p, Tensor grad, double weightDecay) {
        return weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
    }

    @Override
    protected Tensor update(Tensor p, Tensor grad, State s, ParamGroup group) {
        double lr = group.get("lr"), beta1 = group.get("beta1"), beta2 = group.get("beta2"), eps = group.get("eps");
        Tensor g = effectiveGrad(p, grad, group.get("weight_decay"));
        Tensor m = s.buffer("exp_avg", p);
        Tensor v = s.buffer("exp_avg_sq", p);
        long t = s.step;
        double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
        if (!group.flag("amsgrad")) {
            // libnd4j's adam_updater computes lr sqrt(bc2)/bc1 * m / (sqrt(v) + eps'): with eps' = eps sqrt(bc2)
            // that is exactly torch's lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps), in one native call instead of ten.
            // The update lands in scratch memory of the parameter's state (step() subtracts it at once): a fresh
            // array per parameter and step was a native allocation each.
            Tensor delta = s.scratch("update", p);
            Tensor gc = g.dtype() == p.dtype() ? g : g.to(p.dtype());
            double epsHat = eps * Math.sqrt(bc2);
            if (Updates.adamLoops(gc, v, m, delta)) {
                BetaPowers bp = powers;
                if (bp == null || !bp.isFor(beta1, beta2)) powers = bp = new BetaPowers(beta1, beta2);
                Updates.adamLoop(
                        gc, v, m, delta, lr, beta1, beta2, epsHat, bp.get(p.dtype(), 0, t), bp.get(p.dtype(), 1, t));
                return delta;
            }
            if (s.kernel == null) s.kernel = new Updates.AdamKernel();
            s.kernel.step(gc, v, m, delta, lr, beta1, beta2, epsHat, t);
            return delta;
        }
        m.mul_(beta1).add_(g.mul(1 - beta1));
        v.mul_(beta2).add_(g.mul(g).mul(1 - beta2));
        Tensor vmax = s.buffer("max_exp_avg_sq", p);
        Updates.maximumInPlace(vmax, v);
        Tensor denom = vmax.sqrt().mul(1 / Math.sqrt(bc2)).add(eps);
        return m.div(denom).mul(lr / bc1);
    }
}
