package org.gradnote.optim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam with optional AMSGrad, as {@code torch.optim.Adam} (lr 1e-3, betas 0.9/0.999, eps 1e-8, L2 weight decay);
 * {@link AdamW} subclasses it with decoupled weight decay.
 */
public class Adam extends Optimizer {
    final double beta1, beta2, eps, weightDecay;
    final boolean amsgrad;
    // One op, and one context per parameter reused across steps, as gradnote's Engine does: building them per call
    // cost ~20 µs per parameter and step, and a context per parameter keeps its moments and update buffers set, so a
    // step sets only the gradient (when it is a new array) and the step's arguments. A context is not thread-safe;
    // one optimizer's step() is not run concurrently.
    private final DynamicCustomOp adamOp = DynamicCustomOp.builder("adam_updater").build();
    private final Map<State, Bound> contexts = new IdentityHashMap<>();
    private final BetaPowers powers;

    /**
     * One parameter's native context and the arrays last set on it (gradient, moments, update). A new gradient
     * array purges the context before everything is set again: the native context holds every array ever set on it
     * until purged (see Engine.Context), which kept each step's gradient alive.
     */
    private static final class Bound {
        final OpContext ctx = Nd4j.getExecutioner().buildContext();
        INDArray g, v, m, delta;

        void set(INDArray g, INDArray v, INDArray m, INDArray delta) {
            if (this.g == g && this.v == v && this.m == m && this.delta == delta) return;
            ctx.purge();
            ctx.setInputArray(0, this.g = g);
            ctx.setInputArray(1, this.v = v);
            ctx.setInputArray(2, this.m = m);
            ctx.setOutputArray(0, this.delta = delta);
            ctx.setOutputArray(1, v);
            ctx.setOutputArray(2, m);
        }
    }

    /**
     * Adam with PyTorch's defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, no weight decay ({@code
     * optim.Adam(params)}).
     */
    public Adam(List<Tensor> params) {
        this(params, 1e-3);
    }

    /** Adam with the given learning rate and PyTorch's other defaults. */
    public Adam(List<Tensor> params, double lr) {
        this(params, lr, 0.9, 0.999, 1e-8, 0, false);
    }

    /**
     * Adam with PyTorch's full signature: lr, beta1, beta2, eps, weight_decay (L2, added to the gradient) and amsgrad.
     */
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
        this.powers = new BetaPowers(beta1, beta2);
    }

    /** The gradient the moments see: Adam adds L2 decay here, AdamW does not. */
    INDArray effectiveGrad(INDArray p, INDArray grad) {
        return weightDecay != 0 ? grad.add(p.mul(weightDecay)) : grad;
    }

    @Override
    protected INDArray update(INDArray p, INDArray grad, State s) {
        INDArray g = effectiveGrad(p, grad);
        INDArray m = s.buffer("exp_avg", p);
        INDArray v = s.buffer("exp_avg_sq", p);
        long t = s.step;
        double bc1 = 1 - Math.pow(beta1, t), bc2 = 1 - Math.pow(beta2, t);
        if (!amsgrad) {
            // libnd4j's adam_updater computes lr sqrt(bc2)/bc1 * m / (sqrt(v) + eps'): with eps' = eps sqrt(bc2)
            // that is exactly torch's lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps), in one native call instead of ten.
            // The update lands in a buffer of the parameter's state (step() subtracts it at once): a fresh array per
            // parameter and step was a native allocation each.
            INDArray delta = s.buffer("update", p);
            INDArray gc = g.dataType() == p.dataType() ? g : g.castTo(p.dataType());
            if (gc.length() <= DenseLoop.SMALL_ADAM && DenseLoop.applies(gc, v, m, delta)) {
                DenseLoop.adam(gc, v, m, delta, lr(), beta1, beta2, eps * Math.sqrt(bc2), t, powers);
                return delta;
            }
            Bound bound = contexts.get(s);
            if (bound == null) contexts.put(s, bound = new Bound());
            bound.set(gc, v, m, delta);
            OpContext ctx = bound.ctx;
            ctx.setTArguments(lr(), beta1, beta2, eps * Math.sqrt(bc2));
            ctx.setIArguments(t - 1);
            Nd4j.exec(adamOp, ctx);
            return delta;
        }
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
        INDArray vmax = s.buffer("max_exp_avg_sq", p);
        Transforms.max(vmax, v, false);
        INDArray denom = Transforms.sqrt(vmax, true).divi(Math.sqrt(bc2)).addi(eps);
        return m.div(denom).muli(lr() / bc1);
    }
}
