package org.gradnote.optim;

import java.util.List;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam with Nesterov momentum, as {@code torch.optim.NAdam} (lr 2e-3, momentum decay 4e-3). */
public class NAdam extends Optimizer {
    private final double beta1, beta2, eps, weightDecay, momentumDecay;

    /**
     * NAdam with PyTorch's defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8, momentum decay 4e-3 ({@code
     * optim.NAdam(params)}).
     */
    public NAdam(List<Tensor> params) {
        this(params, 2e-3);
    }

    /** NAdam with the given learning rate and PyTorch's other defaults. */
    public NAdam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, 4e-3);
    }

    /** NAdam with PyTorch's full signature: lr, beta1, beta2, eps, weight_decay and momentum_decay. */
    public NAdam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, double momentumDecay) {
        super("NAdam", params, lr);
        checkBeta("beta parameter at index 0", beta1);
        checkBeta("beta parameter at index 1", beta2);
        checkNonNegative("epsilon value", eps);
        checkNonNegative("weight_decay value", weightDecay);
        checkNonNegative("momentum_decay value", momentumDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentumDecay = momentumDecay;
    }

    @Override
    protected INDArray update(INDArray p, INDArray grad, State s) {
        INDArray g = weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
        INDArray m = s.buffer("exp_avg", p);
        INDArray v = s.buffer("exp_avg_sq", p);
        long t = s.step;
        double muT = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
        double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
        double muProduct = s.scalar * muT;
        s.scalar = muProduct;
        double muProductNext = muProduct * muNext;
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
        double bc2 = 1 - Math.pow(beta2, t);
        INDArray denom = Transforms.sqrt(v.div(bc2), false).addi(eps);
        INDArray delta = g.div(denom).muli(lr() * (1 - muT) / (1 - muProduct));
        return delta.addi(m.div(denom).muli(lr() * muNext / (1 - muProductNext)));
    }
}
