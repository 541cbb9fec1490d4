package org.gradnote.optim;

import java.util.List;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adagrad, as {@code torch.optim.Adagrad} (lr 0.01, lr_decay, weight decay, initial accumulator, eps 1e-10). */
public class Adagrad extends Optimizer {
    private final double lrDecay, weightDecay, initialAccumulator, eps;

    /** Adagrad with PyTorch's defaults: lr 0.01, no decay, eps 1e-10 ({@code optim.Adagrad(params)}). */
    public Adagrad(List<Tensor> params) {
        this(params, 0.01);
    }

    /** Adagrad with the given learning rate and PyTorch's other defaults. */
    public Adagrad(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, 1e-10);
    }

    /** Adagrad with PyTorch's full signature: lr, lr_decay, weight_decay, initial_accumulator_value, eps. */
    public Adagrad(List<Tensor> params, double lr, double lrDecay, double weightDecay, double initialAccumulator, double eps) {
        super("Adagrad", params, lr);
        checkNonNegative("lr_decay value", lrDecay);
        checkNonNegative("weight_decay value", weightDecay);
        checkNonNegative("initial_accumulator_value", initialAccumulator);
        checkNonNegative("epsilon value", eps);
        this.lrDecay = lrDecay;
        this.weightDecay = weightDecay;
        this.initialAccumulator = initialAccumulator;
        this.eps = eps;
    }

    @Override
    protected INDArray update(INDArray p, INDArray grad, State s) {
        INDArray g = weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
        INDArray sum = s.get("sum");
        if (sum == null) s.put("sum", sum = p.ulike().assign(initialAccumulator));
        long t = s.step;
        double clr = lr() / (1 + (t - 1) * lrDecay);
        sum.addi(g.mul(g));
        return g.div(Transforms.sqrt(sum, true).addi(eps)).muli(clr);
    }
}
