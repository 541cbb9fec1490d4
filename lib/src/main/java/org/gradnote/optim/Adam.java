package org.gradnote.optim;

import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with optional AMSGrad, as {@code torch.optim.Adam} (lr 1e-3, betas 0.9/0.999, eps 1e-8, L2 weight decay);
 * {@link AdamW} subclasses it with decoupled weight decay.
 */
public class Adam extends Optimizer {
    final double beta1, beta2, eps, weightDecay;
    final boolean amsgrad;

    public Adam(List<Tensor> params) {
        this(params, 1e-3);
    }

    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    public Adam(List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        this("Adam", params, lr, beta1, beta2, eps, weightDecay, amsgrad);
    }

    Adam(String name, List<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad) {
        super(name, params, lr);
        checkBeta("beta parameter at index 0", beta1);
        checkBeta("beta parameter at index 1", beta2);
        checkNonNegative("epsilon value", eps);
        checkNonNegative("weight_decay value", weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
    }

    /** The gradient the moments see: Adam adds L2 decay here, AdamW does not. */
    INDArray effectiveGrad(INDArray p, INDArray grad) {
        return weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
    }

    @Override
    protected INDArray update(INDArray p, INDArray grad, Map<String, INDArray> s, long step) {
        INDArray g = effectiveGrad(p, grad);
        INDArray m = s.computeIfAbsent("exp_avg", k -> p.ulike().assign(0));
        INDArray v = s.computeIfAbsent("exp_avg_sq", k -> p.ulike().assign(0));
        long t = s.merge("step", org.nd4j.linalg.factory.Nd4j.scalar(1L), (a, b) -> a.add(1)).getLong(0);
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
        double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
        INDArray second = v;
        if (amsgrad) {
            INDArray vmax = s.computeIfAbsent("max_exp_avg_sq", k -> p.ulike().assign(0));
            Transforms.max(vmax, v, false);
            second = vmax;
        }
        INDArray denom = Transforms.sqrt(second, true).divi(Math.sqrt(bc2)).addi(eps);
        return m.div(denom).muli(lr() / bc1);
    }
}
