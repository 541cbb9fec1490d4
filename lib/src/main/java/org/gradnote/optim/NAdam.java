package org.gradnote.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradnote.tensor.Tensor;

/**
 * Adam with Nesterov momentum, as {@code torch.optim.NAdam} (lr 2e-3, momentum decay 4e-3).
 * Options: lr, beta1, beta2, eps, weight_decay, momentum_decay.
 */
public class NAdam extends Optimizer {
    /** NAdam with lr 2e-3; {@code params} holds tensors or {@link ParamGroup}s. */
    public NAdam(List<?> params) {
        this(params, 2e-3);
    }

    /** NAdam with the given lr; {@code params} holds tensors or {@link ParamGroup}s. */
    public NAdam(List<?> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, 4e-3);
    }

    /** NAdam with every option; {@code params} holds tensors or {@link ParamGroup}s. */
    public NAdam(
            List<?> params,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            double momentumDecay) {
        super("NAdam", params, defaults(lr, beta1, beta2, eps, weightDecay, momentumDecay));
    }

    /** NAdam with the given lr over named parameters ({@code model.namedParameters()}). */
    public NAdam(Map<String, Tensor> namedParams, double lr) {
        this(named(namedParams), lr);
    }

    /** NAdam with every option over named parameters. */
    public NAdam(
            Map<String, Tensor> namedParams,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            double momentumDecay) {
        this(named(namedParams), lr, beta1, beta2, eps, weightDecay, momentumDecay);
    }

    private static Map<String, Double> defaults(
            double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("beta1", beta1);
        d.put("beta2", beta2);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("momentum_decay", momentumDecay);
        return d;
    }

    @Override
    protected void validate(ParamGroup group, int g) {
        super.validate(group, g);
        checkBeta(group, g, "beta1", "beta parameter at index 0");
        checkBeta(group, g, "beta2", "beta parameter at index 1");
        checkNonNegative(group, g, "eps", "epsilon value");
        checkNonNegative(group, g, "weight_decay", "weight_decay value");
        checkNonNegative(group, g, "momentum_decay", "momentum_decay value");
    }

    @Override
    Set<String> scalarStateNames() {
        return Set.of("mu_product");
    }

    @Override
    protected Tensor update(Tensor p, Tensor grad, State s, ParamGroup group) {
        double lr = group.get("lr"), beta1 = group.get("beta1"), beta2 = group.get("beta2"), eps = group.get("eps");
        double wd = group.get("weight_decay"), momentumDecay = group.get("momentum_decay");
        Tensor g = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor m = s.buffer("exp_avg", p);
        Tensor v = s.buffer("exp_avg_sq", p);
        long t = s.step;
        double muT = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
        double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
        double muProduct = s.scalar("mu_product", 1.0) * muT;
        s.setScalar("mu_product", muProduct);
        double muProductNext = muProduct * muNext;
        m.mul_(beta1).add_(g.mul(1 - beta1));
        v.mul_(beta2).add_(g.mul(g).mul(1 - beta2));
        double bc2 = 1 - Math.pow(beta2, t);
        Tensor denom = v.mul(1 / bc2).sqrt().add(eps);
        Tensor delta = g.div(denom).mul(lr * (1 - muT) / (1 - muProduct));
        return delta.add(m.div(denom).mul(lr * muNext / (1 - muProductNext)));
    }
}
