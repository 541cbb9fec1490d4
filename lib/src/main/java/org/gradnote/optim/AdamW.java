package org.gradnote.optim;

import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;

/** Adam with decoupled weight decay, as {@code torch.optim.AdamW} (default weight decay 1e-2); Adam's options. */
public class AdamW extends Adam {
    /** AdamW with lr 1e-3; {@code params} holds tensors or {@link ParamGroup}s. */
    public AdamW(List<?> params) {
        this(params, 1e-3);
    }

    /** AdamW with the given lr; {@code params} holds tensors or {@link ParamGroup}s. */
    public AdamW(List<?> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false);
    }

    /** AdamW with every option; {@code params} holds tensors or {@link ParamGroup}s. */
    public AdamW(
            List<?> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        super("AdamW", params, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    /** AdamW with the given lr over named parameters ({@code model.namedParameters()}). */
    public AdamW(Map<String, Tensor> namedParams, double lr) {
        this(named(namedParams), lr);
    }

    /** AdamW with every option over named parameters. */
    public AdamW(
            Map<String, Tensor> namedParams,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double weightDecay,
            boolean amsgrad) {
        this(named(namedParams), lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    @Override
    Tensor effectiveGrad(Tensor p, Tensor grad, double weightDecay) {
        return grad;
    }

    @Override
    protected Tensor update(Tensor p, Tensor grad, State s, ParamGroup group) {
        // p <- p (1 - lr wd) first, then the Adam step: both folded into one delta.
        Tensor decay = p.mul(group.get("lr") * group.get("weight_decay"));
        return super.update(p, grad, s, group).add_(decay);
    }
}
