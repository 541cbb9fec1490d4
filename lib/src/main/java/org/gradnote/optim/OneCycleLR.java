package org.gradnote.optim;

import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;

/**
 * The 1cycle policy, as {@code torch.optim.lr_scheduler.OneCycleLR}: per step (not per epoch) the rate rises from
 * maxLr / divFactor to maxLr over the first pctStart of totalSteps, then anneals to that start / finalDivFactor
 * (cosine by default, or linear; three phases on request), while the momentum (SGD, RMSprop) or β1 (Adam, AdamW,
 * NAdam) moves inversely between maxMomentum and baseMomentum. Torch's defaults: pct_start 0.3, cos, div_factor
 * 25, final_div_factor 1e4, momenta 0.85/0.95. Configure before the first step:
 * {@code OneCycleLR.of(opt, 0.1, 100).pctStart(0.25).linear()}.
 */
public final class OneCycleLR extends LRScheduler {
    private final int totalSteps;
    private final double[] maxLrs, originalMomenta;
    private final String momentumOption; // "beta1", "momentum", or null when the optimizer has neither
    private double pctStart = 0.3, divFactor = 25, finalDivFactor = 1e4, baseMomentum = 0.85, maxMomentum = 0.95;
    private boolean cos = true, threePhase, cycleMomentum;

    private OneCycleLR(Optimizer opt, double[] maxLrs, int totalSteps) {
        super(opt);
        if (totalSteps <= 0)
            throw new IllegalArgumentException("OneCycleLR: total_steps must be positive, got " + totalSteps);
        int groups = opt.paramGroups().size();
        if (maxLrs.length != groups) {
            throw new IllegalArgumentException("OneCycleLR: expected " + groups
                    + " max_lr values (one per parameter group), got " + maxLrs.length);
        }
        for (double m : maxLrs)
            if (!(m >= 0) || Double.isInfinite(m))
                throw new IllegalArgumentException("OneCycleLR: invalid max_lr " + m);
        this.totalSteps = totalSteps;
        this.maxLrs = maxLrs.clone();
        Map<String, Double> d = opt.defaults();
        this.momentumOption = d.containsKey("beta1") ? "beta1" : d.containsKey("momentum") ? "momentum" : null;
        // Torch raises an error for an optimizer without momentum unless cycle_momentum=False; here such an
        // optimizer (Adagrad) simply has nothing to cycle.
        this.cycleMomentum = momentumOption != null;
        this.originalMomenta = new double[groups];
        for (int g = 0; g < groups; g++)
            originalMomenta[g] =
                    momentumOption == null ? 0 : opt.paramGroups().get(g).get(momentumOption);
        apply();
    }

    /** One cycle to maxLr over totalSteps optimizer steps, for every group. */
    public static OneCycleLR of(Optimizer opt, double maxLr, int totalSteps) {
        double[] m = new double[opt.paramGroups().size()];
        java.util.Arrays.fill(m, maxLr);
        return new OneCycleLR(opt, m, totalSteps);
    }

    /** One cycle with a peak rate per parameter group. */
    public static OneCycleLR of(Optimizer opt, double[] maxLrs, int totalSteps) {
        return new OneCycleLR(opt, maxLrs, totalSteps);
    }

    /** One cycle over epochs × stepsPerEpoch steps. */
    public static OneCycleLR of(Optimizer opt, double maxLr, int epochs, int stepsPerEpoch) {
        if (epochs <= 0 || stepsPerEpoch <= 0) {
            throw new IllegalArgumentException(
                    "OneCycleLR: epochs and steps_per_epoch must be positive, got " + epochs + " and " + stepsPerEpoch);
        }
        return of(opt, maxLr, Math.multiplyExact(epochs, stepsPerEpoch));
    }

    /** The fraction of the cycle spent raising the rate (default 0.3). */
    public OneCycleLR pctStart(double pct) {
        if (!(pct >= 0 && pct <= 1))
            throw new IllegalArgumentException("OneCycleLR: pct_start must be in [0, 1], got " + pct);
        return configure(() -> pctStart = pct);
    }

    /** Linear annealing instead of cosine. */
    public OneCycleLR linear() {
        return configure(() -> cos = false);
    }

    /** The start rate is maxLr / divFactor (default 25). */
    public OneCycleLR divFactor(double f) {
        if (!(f > 0) || Double.isInfinite(f))
            throw new IllegalArgumentException("OneCycleLR: div_factor must be positive, got " + f);
        return configure(() -> divFactor = f);
    }

    /** The final rate is the start rate / finalDivFactor (default 1e4). */
    public OneCycleLR finalDivFactor(double f) {
        if (!(f > 0) || Double.isInfinite(f))
            throw new IllegalArgumentException("OneCycleLR: final_div_factor must be positive, got " + f);
        return configure(() -> finalDivFactor = f);
    }

    /** Three phases: up to maxLr, back down to the start rate symmetrically, then down to the final rate. */
    public OneCycleLR threePhase() {
        return configure(() -> threePhase = true);
    }

    /** The momentum (or β1) range, low at the peak rate (defaults 0.85 and 0.95). */
    public OneCycleLR momentum(double base, double max) {
        if (!(base >= 0 && base <= max && max < 1)) {
            throw new IllegalArgumentException(
                    "OneCycleLR: momenta must satisfy 0 <= base <= max < 1, got base " + base + " max " + max);
        }
        return configure(() -> {
            baseMomentum = base;
            maxMomentum = max;
        });
    }

    /** Leaves the momentum (or β1) alone. */
    public OneCycleLR noMomentumCycle() {
        return configure(() -> cycleMomentum = false);
    }

    private OneCycleLR configure(Runnable change) {
        if (epoch() != 0) throw new IllegalStateException("OneCycleLR: configure the schedule before its first step");
        change.run();
        // Back to the optimizer's own momenta before the schedule sets step 0's values again (cycling may be off now).
        if (momentumOption != null) {
            List<ParamGroup> groups = optimizer().paramGroups();
            for (int g = 0; g < groups.size(); g++) groups.get(g).set(momentumOption, originalMomenta[g]);
        }
        apply();
        return this;
    }

    @Override
    protected double lrAt(int epoch, double baseLr) {
        throw new UnsupportedOperationException("OneCycleLR's rate depends on the group");
    }

    @Override
    protected double lrAt(int step, int group, double baseLr) {
        if (step > totalSteps) {
            throw new IllegalStateException("OneCycleLR: tried to step " + step
                    + " times; the specified number of total steps is " + totalSteps);
        }
        double initial = maxLrs[group] / divFactor, min = initial / finalDivFactor;
        // Torch's phases: {end step, start and end rate, start and end momentum}.
        double[][] phases = threePhase
                ? new double[][] {
                    {pctStart * totalSteps - 1, initial, maxLrs[group], maxMomentum, baseMomentum},
                    {2 * pctStart * totalSteps - 2, maxLrs[group], initial, baseMomentum, maxMomentum},
                    {totalSteps - 1, initial, min, maxMomentum, maxMomentum}
                }
                : new double[][] {
                    {pctStart * totalSteps - 1, initial, maxLrs[group], maxMomentum, baseMomentum},
                    {totalSteps - 1, maxLrs[group], min, baseMomentum, maxMomentum}
                };
        double start = 0;
        for (int i = 0; i < phases.length; i++) {
            double[] ph = phases[i];
            if (step <= ph[0] || i == phases.length - 1) {
                double pct = (step - start) / (ph[0] - start);
                if (cycleMomentum) optimizer().paramGroups().get(group).set(momentumOption, anneal(ph[3], ph[4], pct));
                return anneal(ph[1], ph[2], pct);
            }
            start = ph[0];
        }
        throw new AssertionError("unreachable");
    }

    private double anneal(double start, double end, double pct) {
        if (cos) return end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1);
        return (end - start) * pct + start;
    }

    @Override
    void saveExtra(Map<String, Tensor> out) {
        out.put("total_steps", Tensor.of(new long[] {totalSteps}));
        out.put("max_lrs", numbers(maxLrs));
        out.put(
                "settings",
                numbers(
                        pctStart,
                        divFactor,
                        finalDivFactor,
                        baseMomentum,
                        maxMomentum,
                        cos ? 1 : 0,
                        threePhase ? 1 : 0,
                        cycleMomentum ? 1 : 0));
    }

    @Override
    void loadExtra(Map<String, Tensor> state) {
        long steps = Math.round(required("OneCycleLR", state, "total_steps").item());
        double[] max = required("OneCycleLR", state, "max_lrs").toDoubleArray();
        double[] s = required("OneCycleLR", state, "settings").toDoubleArray();
        if (steps != totalSteps || max.length != maxLrs.length || s.length != 8) {
            throw new IllegalArgumentException("OneCycleLR: loaded state is for " + steps + " total steps and "
                    + max.length + " groups, this schedule has " + totalSteps + " and " + maxLrs.length);
        }
        System.arraycopy(max, 0, maxLrs, 0, max.length);
        pctStart = s[0];
        divFactor = s[1];
        finalDivFactor = s[2];
        baseMomentum = s[3];
        maxMomentum = s[4];
        cos = s[5] != 0;
        threePhase = s[6] != 0;
        cycleMomentum = s[7] != 0 && momentumOption != null;
    }
}
