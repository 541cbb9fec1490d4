package org.gradnote.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * Changes an optimizer's learning rate once per epoch (or per step, for warm-up and one-cycle schedules), as
 * {@code torch.optim.lr_scheduler}: call {@link #step()} after the optimizer's steps. Every parameter group's rate
 * follows the schedule from its own initial rate. The factories give the usual closed-form schedules and set the
 * rate of epoch 0 at once, as torch's constructors do; {@link ReduceLROnPlateau} follows a metric instead.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private double[] baseLrs;
    private int epoch;

    /** A schedule over the optimizer's groups, starting from their current rates (torch's base_lrs). */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "optimizer");
        List<ParamGroup> groups = optimizer.paramGroups();
        this.baseLrs = new double[groups.size()];
        for (int g = 0; g < baseLrs.length; g++) baseLrs[g] = groups.get(g).lr();
    }

    /** The rate for a given epoch (0 = before any step) of a group whose initial rate is {@code baseLr}. */
    protected abstract double lrAt(int epoch, double baseLr);

    /** The rate of group {@code group} at an epoch; by default {@link #lrAt(int, double)} of its initial rate. */
    protected double lrAt(int epoch, int group, double baseLr) {
        return lrAt(epoch, baseLr);
    }

    /** Advances one epoch and sets every group's learning rate. */
    public void step() {
        epoch++;
        apply();
    }

    /** Sets every group's rate for the current epoch. */
    void apply() {
        List<ParamGroup> groups = optimizer.paramGroups();
        // set, not lr(): as torch, a schedule may overshoot (OneCycleLR's linear anneal past total_steps).
        for (int g = 0; g < groups.size(); g++) groups.get(g).set("lr", lrAt(epoch, g, baseLrs[g]));
    }

    /** The optimizer's (first group's) current learning rate. */
    public double lastLr() {
        return optimizer.lr();
    }

    /** Every group's current learning rate. */
    public double[] lastLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        double[] out = new double[groups.size()];
        for (int g = 0; g < out.length; g++) out[g] = groups.get(g).lr();
        return out;
    }

    /** Number of {@link #step()} calls so far (torch's last_epoch). */
    public int epoch() {
        return epoch;
    }

    /** The optimizer this schedule drives. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The groups' initial rates the schedule scales. */
    public double[] baseLrs() {
        return baseLrs.clone();
    }

    /**
     * The schedule's state as named tensors: {@code last_epoch} (int64 [1]), {@code base_lrs} (float64, one per
     * group) and what a schedule adds; with the optimizer's, it resumes a run bit for bit after
     * {@link #loadStateDict}.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("last_epoch", Tensor.of(new long[] {epoch}));
        out.put("base_lrs", numbers(baseLrs));
        saveExtra(out);
        return out;
    }

    /** Restores a {@link #stateDict()} (one base rate per group of this optimizer); the rates themselves come back with the optimizer's. */
    public void loadStateDict(Map<String, Tensor> state) {
        String who = getClass().getSimpleName().isEmpty()
                ? "LRScheduler"
                : getClass().getSimpleName();
        double[] base = required(who, state, "base_lrs").toDoubleArray();
        if (base.length != baseLrs.length) {
            throw new IllegalArgumentException(who + ": loaded state has " + base.length
                    + " base_lrs, the optimizer has " + baseLrs.length + " parameter groups");
        }
        loadExtra(state);
        baseLrs = base;
        epoch = Math.toIntExact(Math.round(required(who, state, "last_epoch").item()));
    }

    /** Adds a schedule's own state to {@link #stateDict()}. */
    void saveExtra(Map<String, Tensor> out) {}

    /** Restores what {@link #saveExtra} added (checking everything before changing anything). */
    void loadExtra(Map<String, Tensor> state) {}

    static Tensor required(String who, Map<String, Tensor> state, String key) {
        Tensor t = state.get(key);
        if (t == null)
            throw new IllegalArgumentException(who + ": state dict lacks '" + key + "' (has " + state.keySet() + ")");
        return t;
    }

    static Tensor numbers(double... values) {
        return Tensor.fromArray(DType.FLOAT64, values.clone(), values.length);
    }

    /** A factory's schedule, with epoch 0's rate set as torch's constructors do. */
    private static LRScheduler started(LRScheduler s) {
        s.apply();
        return s;
    }

    /** lr * gamma^(epoch / stepSize), as StepLR. */
    public static LRScheduler step(Optimizer opt, int stepSize, double gamma) {
        if (stepSize <= 0) throw new IllegalArgumentException("StepLR: step_size must be positive, got " + stepSize);
        return started(new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return base * Math.pow(gamma, e / stepSize);
            }
        });
    }

    /** lr * gamma^epoch, as ExponentialLR. */
    public static LRScheduler exponential(Optimizer opt, double gamma) {
        return started(new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return base * Math.pow(gamma, e);
            }
        });
    }

    /** Cosine annealing from lr to etaMin over tMax epochs, as CosineAnnealingLR (closed form). */
    public static LRScheduler cosine(Optimizer opt, int tMax, double etaMin) {
        if (tMax <= 0) throw new IllegalArgumentException("CosineAnnealingLR: T_max must be positive, got " + tMax);
        return started(new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * e / tMax)) / 2;
            }
        });
    }

    /**
     * Linear warm-up (or decay), as LinearLR: lr · (start + (end - start) · min(epoch, totalIters) / totalIters),
     * so startFactor · lr at once, endFactor · lr from epoch totalIters on. Torch's defaults: 1/3, 1, 5.
     */
    public static LRScheduler linear(Optimizer opt, double startFactor, double endFactor, int totalIters) {
        if (!(startFactor > 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("LinearLR: start_factor must be in (0, 1], got " + startFactor);
        }
        if (!(endFactor >= 0 && endFactor <= 1))
            throw new IllegalArgumentException("LinearLR: end_factor must be in [0, 1], got " + endFactor);
        if (totalIters <= 0)
            throw new IllegalArgumentException("LinearLR: total_iters must be positive, got " + totalIters);
        return started(new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return base * (startFactor + (endFactor - startFactor) * Math.min(totalIters, e) / totalIters);
            }
        });
    }

    /**
     * The inverse-square-root warm-up of "Attention is all you need" (the "Noam" schedule), per optimizer step:
     * lr · dModel^-0.5 · min(s^-0.5, s · warmupSteps^-1.5) with s = step + 1 (the paper counts from 1), so the rate
     * rises linearly for warmupSteps steps, peaks at lr / √(dModel · warmupSteps), then decays as 1/√s. The paper
     * uses Adam(β 0.9, 0.98) with lr 1 here; call {@link #step()} after every optimizer step.
     */
    public static LRScheduler noam(Optimizer opt, long dModel, int warmupSteps) {
        if (dModel <= 0) throw new IllegalArgumentException("noam: d_model must be positive, got " + dModel);
        if (warmupSteps <= 0)
            throw new IllegalArgumentException("noam: warmup_steps must be positive, got " + warmupSteps);
        return started(new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                double s = e + 1.0;
                return base * Math.pow(dModel, -0.5) * Math.min(Math.pow(s, -0.5), s * Math.pow(warmupSteps, -1.5));
            }
        });
    }

    /**
     * Linear warm-up then cosine decay, per optimizer step (as Hugging Face's cosine schedule with warm-up): lr ·
     * step / warmupSteps for the first warmupSteps steps (0 at the very first), then a half cosine from lr down to
     * etaMin at totalSteps, and etaMin after.
     */
    public static LRScheduler warmupCosine(Optimizer opt, int warmupSteps, int totalSteps, double etaMin) {
        if (warmupSteps < 0 || totalSteps <= warmupSteps) {
            throw new IllegalArgumentException(
                    "warmupCosine: need 0 <= warmup_steps < total_steps, got " + warmupSteps + " and " + totalSteps);
        }
        if (!(etaMin >= 0)) throw new IllegalArgumentException("warmupCosine: eta_min must be >= 0, got " + etaMin);
        return started(new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                if (e < warmupSteps) return base * e / warmupSteps;
                double progress = Math.min(1.0, (double) (e - warmupSteps) / (totalSteps - warmupSteps));
                return etaMin + (base - etaMin) * 0.5 * (1 + Math.cos(Math.PI * progress));
            }
        });
    }

    /** Warm-up then cosine decay to 0; see {@link #warmupCosine(Optimizer, int, int, double)}. */
    public static LRScheduler warmupCosine(Optimizer opt, int warmupSteps, int totalSteps) {
        return warmupCosine(opt, warmupSteps, totalSteps, 0.0);
    }

    /** lr · factor(epoch) for every group, as LambdaLR (factor(0) applies at once). */
    public static LRScheduler lambda(Optimizer opt, IntToDoubleFunction factor) {
        java.util.Objects.requireNonNull(factor, "factor");
        return lambda(opt, java.util.Collections.nCopies(opt.paramGroups().size(), factor));
    }

    /** lr · factor_g(epoch), one function per parameter group, as LambdaLR with a list of lambdas. */
    public static LRScheduler lambda(Optimizer opt, List<IntToDoubleFunction> factors) {
        if (factors.size() != opt.paramGroups().size()) {
            throw new IllegalArgumentException("LambdaLR: expected "
                    + opt.paramGroups().size() + " lr_lambdas (one per parameter group), got " + factors.size());
        }
        List<IntToDoubleFunction> fs = List.copyOf(factors);
        return started(new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return base * fs.get(0).applyAsDouble(e);
            }

            @Override
            protected double lrAt(int e, int group, double base) {
                double f = fs.get(group).applyAsDouble(e);
                if (!(f >= 0) || Double.isInfinite(f)) {
                    throw new IllegalArgumentException("LambdaLR: lr_lambda of group " + group + " gave " + f
                            + " at epoch " + e + " (must be finite and >= 0)");
                }
                return base * f;
            }
        });
    }
}
