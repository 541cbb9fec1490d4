package org.gradnote.optim;

import java.util.List;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Stochastic gradient descent with momentum, dampening, Nesterov and weight decay, as {@code torch.optim.SGD}. */
public class SGD extends Optimizer {
    private final double momentum, dampening, weightDecay;
    private final boolean nesterov;

    /** Plain stochastic gradient descent, p -= lr * grad ({@code optim.SGD(params, lr)}). */
    public SGD(List<Tensor> params, double lr) {
        this(params, lr, 0, 0, 0, false);
    }

    /** SGD with (heavy-ball) momentum ({@code optim.SGD(params, lr, momentum)}). */
    public SGD(List<Tensor> params, double lr, double momentum) {
        this(params, lr, momentum, 0, 0, false);
    }

    /** SGD with PyTorch's full signature: lr, momentum, dampening, weight_decay and nesterov. */
    public SGD(List<Tensor> params, double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        super("SGD", params, lr);
        checkNonNegative("momentum value", momentum);
        checkNonNegative("weight_decay value", weightDecay);
        checkNonNegative("dampening value", dampening);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: Nesterov momentum requires a momentum > 0 and zero dampening, got momentum="
                    + momentum + " dampening=" + dampening);
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected INDArray update(INDArray p, INDArray grad, State s) {
        // After the first step, the momentum update as one Java loop over the dense buffers, rounding after each
        // operation exactly as the ND4J calls of updateNd4j do (the same bits, tested): those were 3-4 native calls
        // per parameter and step, ~15% of LeNet's step.
        INDArray buf = s.get("momentum_buffer");
        if (momentum != 0 && dampening == 0 && buf != null) {
            INDArray out = s.buffer("update", p);
            if (DenseLoop.applies(p, grad, buf, out)) {
                DenseLoop.sgdMomentum(p, grad, buf, out, lr(), momentum, weightDecay, nesterov);
                return out;
            }
        }
        return updateNd4j(p, grad, s);
    }

    /** The rule in ND4J calls: any layout, any dampening, and the first step. */
    INDArray updateNd4j(INDArray p, INDArray grad, State s) {
        INDArray d = weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
        if (momentum != 0) {
            INDArray buf = s.get("momentum_buffer");
            if (buf == null) {
                buf = d.dup();
                s.put("momentum_buffer", buf);
            } else buf.muli(momentum).addi(dampening == 0 ? d : d.mul(1 - dampening));
            d = nesterov ? d.add(buf.mul(momentum)) : buf;
        }
        // Into a buffer of the parameter's state (step() subtracts it at once), not a fresh native array per step.
        return d.mul(lr(), s.buffer("update", p));
    }
}
