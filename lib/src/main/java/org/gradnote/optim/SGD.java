package org.gradnote.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;

/**
 * Stochastic gradient descent with momentum, dampening, Nesterov and weight decay, as {@code torch.optim.SGD}.
 * Options: lr, momentum, dampening, weight_decay, nesterov.
 */
public class SGD extends Optimizer {
    /** Plain SGD; {@code params} holds tensors or {@link ParamGroup}s. */
    public SGD(List<?> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /** SGD with momentum; {@code params} holds tensors or {@link ParamGroup}s. */
    public SGD(List<?> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false);
    }

    /** SGD with every option; {@code params} holds tensors or {@link ParamGroup}s. */
    public SGD(List<?> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        super("SGD", params, defaults(lr, momentum, dampening, weightDecay, nesterov));
    }

    /** Plain SGD over named parameters ({@code model.namedParameters()}), whose names error messages give. */
    public SGD(Map<String, Tensor> namedParams, double lr) {
        this(named(namedParams), lr);
    }

    /** SGD with momentum over named parameters. */
    public SGD(Map<String, Tensor> namedParams, double lr, double momentum) {
        this(named(namedParams), lr, momentum);
    }

    /** SGD with every option over named parameters. */
    public SGD(
            Map<String, Tensor> namedParams,
            double lr,
            double momentum,
            double dampening,
            double weightDecay,
            boolean nesterov) {
        this(named(namedParams), lr, momentum, dampening, weightDecay, nesterov);
    }

    private static Map<String, Double> defaults(
            double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("lr", lr);
        d.put("momentum", momentum);
        d.put("dampening", dampening);
        d.put("weight_decay", weightDecay);
        d.put("nesterov", nesterov ? 1.0 : 0.0);
        return d;
    }

    @Override
    protected void validate(ParamGroup group, int g) {
        super.validate(group, g);
        checkNonNegative(group, g, "momentum", "momentum value");
        checkNonNegative(group, g, "weight_decay", "weight_decay value");
        checkNonNegative(group, g, "dampening", "dampening value");
        double momentum = group.get("momentum"), dampening = group.get("dampening");
        if (group.flag("nesterov") && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException(
                    "SGD: Nesterov momentum requires a momentum > 0 and zero dampening, got momentum=" + momentum
                            + " dampening=" + dampening + (g > 0 ? " in parameter group " + g : ""));
        }
    }

    @Override
    protected Tensor update(Tensor p, Tensor grad, State s, ParamGroup group) {
        double lr = group.get("lr"),
                momentum = group.get("momentum"),
                dampening = group.get("dampening"),
                wd = group.get("weight_decay");
        boolean nesterov = group.flag("nesterov");
        // After the first step, the momentum update as one Java loop over the dense buffers (Updates.sgdMomentum),
        // rounding after each operation exactly as the tensor ops of the general rule do (the same bits, tested).
        Tensor buf = s.get("momentum_buffer");
        if (momentum != 0 && dampening == 0 && buf != null) {
            Tensor out = s.scratch("update", p);
            if (Updates.sgdMomentum(p, grad, buf, out, lr, momentum, wd, nesterov)) return out;
        }
        return general(p, grad, s, lr, momentum, dampening, wd, nesterov);
    }

    /** The rule in tensor ops: any layout, any dampening, and the first step. */
    Tensor general(
            Tensor p, Tensor grad, State s, double lr, double momentum, double dampening, double wd, boolean nesterov) {
        Tensor d = wd != 0 ? grad.add(p.mul(wd)) : grad;
        if (momentum != 0) {
            Tensor buf = s.get("momentum_buffer");
            if (buf == null) {
                // A copy: d may be the gradient itself, whose memory zeroGrad recycles.
                buf = Updates.copyOf(d);
                s.put("momentum_buffer", buf);
            } else buf.mul_(momentum).add_(dampening == 0 ? d : d.mul(1 - dampening));
            d = nesterov ? d.add(buf.mul(momentum)) : buf;
        }
        // Into scratch memory of the parameter's state (step() subtracts it at once), not a fresh array per step.
        return Updates.scaleInto(d, lr, s.scratch("update", p));
    }
}
