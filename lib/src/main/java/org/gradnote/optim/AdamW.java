package org.gradnote.optim;

import java.util.List;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Adam with decoupled weight decay, as {@code torch.optim.AdamW} (default weight decay 1e-2). */
public class AdamW extends Adam {
    /**
     * AdamW with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, decoupled weight decay 1e-2 ({@code
     * optim.AdamW(params)}).
     */
    public AdamW(List<Tensor> params) {
        this(params, 1e-3);
    }

    /** AdamW with the given learning rate and PyTorch's other defaults. */
    public AdamW(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false);
    }

    /**
     * AdamW with PyTorch's full signature: lr, beta1, beta2, eps, weight_decay (decoupled: p -= lr * wd * p) and
     * amsgrad.
     */
    public AdamW(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        super("AdamW", params, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    @Override
    INDArray effectiveGrad(INDArray p, INDArray grad) {
        return grad;
    }

    @Override
    protected INDArray update(INDArray p, INDArray grad, State s) {
        // p <- p (1 - lr wd) first, then the Adam step: both folded into one delta.
        INDArray decay = p.mul(lr() * weightDecay);
        return super.update(p, grad, s).addi(decay);
    }
}
