package org.gradnote.optim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Base of all optimizers, like {@code torch.optim.Optimizer}: holds the parameters, per-parameter state, and the
 * learning rate that schedulers change. Subclasses implement one parameter's update rule.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private final Map<Tensor, State> state = new IdentityHashMap<>();
    private final String name;
    private double lr;
    private long steps;

    /**
     * An optimizer named {@code name} (for messages) over parameters that all require grad, with an initial learning
     * rate.
     */
    protected Optimizer(String name, List<Tensor> params, double lr) {
        this.name = name;
        if (params == null || params.isEmpty()) throw new IllegalArgumentException(name + ": got an empty parameter list");
        for (Tensor p : params) {
            if (!p.requiresGrad()) throw new IllegalArgumentException(name + ": a parameter of shape "
                    + java.util.Arrays.toString(p.shape()) + " does not require grad");
        }
        this.params = new ArrayList<>(params);
        checkNonNegative("learning rate", lr);
        this.lr = lr;
    }

    /** Forgets the gradients of all parameters (call before each backward pass). */
    public void zeroGrad() {
        for (Tensor p : params) p.zeroGrad();
    }

    /** Updates every parameter that has a gradient. */
    public void step() {
        steps++;
        try (var g = Tensor.noGrad()) {
            for (Tensor p : params) {
                INDArray grad = p.gradArray();
                if (grad == null) continue;
                State s = state.get(p);
                if (s == null) state.put(p, s = new State());
                s.step++;
                INDArray delta = update(p.array(), grad, s);
                if (delta != null) p.sub_(Tensor.wrap(delta));
            }
        }
    }

    /** Per-parameter state: named buffers (momentum, moments...) plus the number of updates this parameter got. */
    protected static final class State {
        /** Updates applied to this parameter so far, this one included (torch's per-parameter "step"). */
        public long step;
        /** A running scalar some rules need (NAdam's mu product). */
        public double scalar = 1.0;
        private final Map<String, INDArray> buffers = new HashMap<>();

        /**
         * The named buffer, created zero-filled in the parameter's type and shape (c order) on first use. Zeroed
         * memory rather than ulike().assign(0): the assign was the first ND4J legacy op of a run, whose executioner
         * path costs milliseconds to warm up in the first training step.
         */
        public INDArray buffer(String name, INDArray like) {
            INDArray b = buffers.get(name);
            if (b == null) buffers.put(name, b = Nd4j.zeros(like.dataType(), like.shape()));
            return b;
        }

        /** The named buffer, or null when it was never created. */
        public INDArray get(String name) {
            return buffers.get(name);
        }

        /** Stores or replaces this parameter's named buffer (e.g. "momentum_buffer"). */
        public void put(String name, INDArray value) {
            buffers.put(name, value);
        }
    }

    /**
     * One parameter's rule: returns the amount to subtract from it. Parameters change only through that delta so
     * that their version counter moves and autograd's in-place checks stay right. {@code grad} is valid for this
     * call only (zeroGrad may reuse its memory): a rule that keeps it across steps must copy it.
     */
    protected abstract INDArray update(INDArray param, INDArray grad, State state);

    /** The current learning rate. */
    public double lr() {
        return lr;
    }

    /** Sets the learning rate (schedulers call this). */
    public void setLr(double lr) {
        checkNonNegative("learning rate", lr);
        this.lr = lr;
    }

    /** Number of {@link #step()} calls so far. */
    public long stepCount() {
        return steps;
    }

    /** The parameters this optimizer updates, read-only, in the order given. */
    public List<Tensor> parameters() {
        return java.util.Collections.unmodifiableList(params);
    }

    /**
     * Refuses a negative, NaN or infinite hyper-parameter, naming it and the optimizer, as PyTorch's constructors do.
     */
    protected final void checkNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + ": invalid " + what + ": " + v + " (must be >= 0)");
    }

    /** Refuses a beta outside [0, 1), naming it and the optimizer, as PyTorch's constructors do. */
    protected final void checkBeta(String what, double v) {
        if (!(v >= 0 && v < 1)) throw new IllegalArgumentException(name + ": invalid " + what + ": " + v + " (must be in [0, 1))");
    }

    @Override
    public String toString() {
        return name + "(lr=" + lr + ")";
    }
}
