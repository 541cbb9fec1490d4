package org.gradnote.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;

/**
 * Adagrad, as {@code torch.optim.Adagrad} (lr 0.01, lr_decay, weight decay, initial accumulator, eps 1e-10).
 * Options: lr, lr_decay, weight_decay, initial_accumulator_value (the optimizer's for every group, as torch), eps.
 */
public class Adagrad extends Optimizer {
    /** Adagrad with lr 0.01; {@code params} holds tensors or {@link ParamGroup}s. */
    public Adagrad(List<?> params) {
        this(params, 0.01);
    }

    /** Adagrad with the given lr; {@code params} holds tensors or {@link ParamGroup}s. */
    public Adagrad(List<?> params, double lr) {
        this(params, lr, 0, 0, 0, 1e-10);
    }

    /** Adagrad with every option; {@code params} holds tensors or {@link ParamGroup}s. */
    public Adagrad(
            List<?> params, double lr, double lrDecay, double weightDecay, double initialAccumulator, double eps) {
        super("Adagrad", params, defaults(lr, lrDecay, weightDecay, initialAccumulator, eps));
    }

    /** Adagrad with the given lr over named parameters ({@code model.namedParameters()}). */
    public Adagrad(Map<String, Tensor> namedParams, double lr) {
        this(named(namedParams), lr);
    }

    /** Adagrad with every option over named parameters. */
    public Adagrad(
            Map<String, Tensor> namedParams,
            double lr,
            double lrDecay,
            double weightDecay,
            double initialAccumulator,
            double eps) {
        this(named(namedParams), lr, lrDecay, weightDecay, initialAccumulator, eps);
    }

    private static Map<String, Double> defaults(
            double lr, double lrDecay, double weightDecay, double initialAccumulator, double eps) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("lr_decay", lrDecay);
        d.put("weight_decay", weightDecay);
        d.put("initial_accumulator_value", initialAccumulator);
        d.put("eps", eps);
        return d;
    }

    @Override
    protected void validate(ParamGroup group, int g) {
        super.validate(group, g);
        checkNonNegative(group, g, "lr_decay", "lr_decay value");
        checkNonNegative(group, g, "weight_decay", "weight_decay value");
        checkNonNegative(group, g, "initial_accumulator_value", "initial_accumulator_value");
        checkNonNegative(group, g, "eps", "epsilon value");
        // torch fills every accumulator with the constructor's value and ignores a group's: refuse a group's rather
        // than silently differ from torch or silently ignore it.
        if (g >= 0 && group.get("initial_accumulator_value") != defaults().get("initial_accumulator_value")) {
            throw new IllegalArgumentException(
                    "Adagrad: initial_accumulator_value is the optimizer's, not a parameter group's (got "
                            + group.get("initial_accumulator_value") + " in parameter group " + g
                            + ", the optimizer's is "
                            + defaults().get("initial_accumulator_value") + ")");
        }
    }

    @Override
    protected Tensor update(Tensor p, Tensor grad, State s, ParamGroup group) {
        double wd = group.get("weight_decay");
        Tensor g = wd != 0 ? grad.add(p.mul(wd)) : grad;
        Tensor sum = s.get("sum");
        if (sum == null) s.put("sum", sum = Updates.zerosLike(p).add_(group.get("initial_accumulator_value")));
        double clr = group.get("lr") / (1 + (s.step - 1) * group.get("lr_decay"));
        sum.add_(g.mul(g));
        return g.div(sum.sqrt().add(group.get("eps"))).mul(clr);
    }
}
