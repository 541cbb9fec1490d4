package org.gradnote.optim;

import java.util.List;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** RMSProp, as {@code torch.optim.RMSprop} (lr 0.01, alpha 0.99, eps 1e-8, weight decay, momentum, centered). */
public class RMSprop extends Optimizer {
    private final double alpha, eps, weightDecay, momentum;
    private final boolean centered;

    /** RMSprop with PyTorch's defaults: lr 0.01, alpha 0.99, eps 1e-8, no momentum ({@code optim.RMSprop(params)}). */
    public RMSprop(List<Tensor> params) {
        this(params, 0.01);
    }

    /** RMSprop with the given learning rate and PyTorch's other defaults. */
    public RMSprop(List<Tensor> params, double lr) {
        this(params, lr, 0.99, 1e-8, 0, 0, false);
    }

    /** RMSprop with PyTorch's full signature: lr, alpha, eps, weight_decay, momentum and centered. */
    public RMSprop(List<Tensor> params, double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        super("RMSprop", params, lr);
        checkNonNegative("alpha value", alpha);
        checkNonNegative("epsilon value", eps);
        checkNonNegative("weight_decay value", weightDecay);
        checkNonNegative("momentum value", momentum);
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
    }

    @Override
    protected INDArray update(INDArray p, INDArray grad, State s) {
        INDArray g = weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
        INDArray sq = s.buffer("square_avg", p);
        sq.muli(alpha).addi(g.mul(g).muli(1 - alpha));
        INDArray avg;
        if (centered) {
            INDArray ga = s.buffer("grad_avg", p);
            ga.muli(alpha).addi(g.mul(1 - alpha));
            avg = Transforms.sqrt(sq.sub(ga.mul(ga)), false).addi(eps);
        } else avg = Transforms.sqrt(sq, true).addi(eps);
        if (momentum > 0) {
            INDArray buf = s.buffer("momentum_buffer", p);
            buf.muli(momentum).addi(g.div(avg));
            return buf.mul(lr());
        }
        return g.div(avg).muli(lr());
    }
}
