package org.gradnote.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;

/**
 * RMSProp, as {@code torch.optim.RMSprop} (lr 0.01, alpha 0.99, eps 1e-8, weight decay, momentum, centered).
 * Options: lr, alpha, eps, weight_decay, momentum, centered.
 */
public class RMSprop extends Optimizer {
    /** RMSprop with lr 0.01; {@code params} holds tensors or {@link ParamGroup}s. */
    public RMSprop(List<?> params) {
        this(params, 0.01);
    }

    /** RMSprop with the given lr; {@code params} holds tensors or {@link ParamGroup}s. */
    public RMSprop(List<?> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0, 0, false);
    }

    /** RMSprop with every option; {@code params} holds tensors or {@link ParamGroup}s. */
    public RMSprop(
            List<?> params,
            double lr,
            double alpha,
            double eps,
            double weightDecay,
            double momentum,
            boolean centered) {
        super("RMSprop", params, defaults(lr, alpha, eps, weightDecay, momentum, centered));
    }

    /** RMSprop with the given lr over named parameters ({@code model.namedParameters()}). */
    public RMSprop(Map<String, Tensor> namedParams, double lr) {
        this(named(namedParams), lr);
    }

    /** RMSprop with every option over named parameters. */
    public RMSprop(
            Map<String, Tensor> namedParams,
            double lr,
            double alpha,
            double eps,
            double weightDecay,
            double momentum,
            boolean centered) {
        this(named(namedParams), lr, alpha, eps, weightDecay, momentum, centered);
    }

    private static Map<String, Double> defaults(
            double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("alpha", alpha);
        d.put("eps", eps);
        d.put("weight_decay", weightDecay);
        d.put("momentum", momentum);
        d.put("centered", centered ? 1.0 : 0.0);
        return d;
    }

    @Override
    protected void validate(ParamGroup group, int g) {
        super.validate(group, g);
        checkNonNegative(group, g, "alpha", "alpha value");
        checkNonNegative(group, g, "eps", "epsilon value");
        checkNonNegative(group, g, "weight_decay", "weight_decay value");
        checkNonNegative(group, g, "momentum", "momentum value");
    }

    @Override
    protected Tensor update(Tensor p, Tensor grad, State s, ParamGroup group) {
        double alpha = group.get("alpha"),
                eps = group.get("eps"),
                wd = group.get("weight_decay"),
                momentum = group.get("momentum");
        Tensor g = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor sq = s.buffer("square_avg", p);
        sq.mul_(alpha).add_(g.mul(g).mul(1 - alpha));
        Tensor avg;
        if (group.flag("centered")) {
            Tensor ga = s.buffer("grad_avg", p);
            ga.mul_(alpha).add_(g.mul(1 - alpha));
            avg = sq.sub(ga.mul(ga)).sqrt().add(eps);
        } else avg = sq.sqrt().add(eps);
        if (momentum > 0) {
            Tensor buf = s.buffer("momentum_buffer", p);
            buf.mul_(momentum).add_(g.div(avg));
            return buf.mul(group.get("lr"));
        }
        return g.div(avg).mul(group.get("lr"));
    }
}
