package org.gradnote.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.tensor.Tensor;

/**
 * Divides the learning rate when a metric stops improving, as {@code torch.optim.lr_scheduler.ReduceLROnPlateau}:
 * after more than {@code patience} epochs without improvement every group's rate becomes max(lr · factor, minLr),
 * then {@code cooldown} epochs pass before bad epochs count again. Call {@link #step(double)} with the epoch's
 * metric: {@code ReduceLROnPlateau.min(opt).factor(0.5).patience(3)} for a loss, {@code max(opt)} for an accuracy.
 * Torch's defaults: factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, min_lr 0, eps 1e-8.
 */
public final class ReduceLROnPlateau {
    /** How {@link #threshold(double)} is measured: relative to the best value, or in the metric's units. */
    public enum ThresholdMode {
        /** Better means beyond best · (1 ∓ threshold). */
        REL,
        /** Better means beyond best ∓ threshold. */
        ABS
    }

    private final Optimizer optimizer;
    private final boolean maximize;
    private double factor = 0.1, threshold = 1e-4, eps = 1e-8;
    private int patience = 10, cooldown;
    private ThresholdMode thresholdMode = ThresholdMode.REL;
    private double[] minLrs;
    private double best;
    private int numBadEpochs, cooldownCounter, lastEpoch;

    private ReduceLROnPlateau(Optimizer optimizer, boolean maximize) {
        this.optimizer = java.util.Objects.requireNonNull(optimizer, "optimizer");
        this.maximize = maximize;
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        this.minLrs = new double[optimizer.paramGroups().size()];
    }

    /** For a metric that should go down (a loss): torch's mode='min'. */
    public static ReduceLROnPlateau min(Optimizer optimizer) {
        return new ReduceLROnPlateau(optimizer, false);
    }

    /** For a metric that should go up (an accuracy): torch's mode='max'. */
    public static ReduceLROnPlateau max(Optimizer optimizer) {
        return new ReduceLROnPlateau(optimizer, true);
    }

    /** The factor the rate is multiplied by, in [0, 1). */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor >= 0 && factor < 1))
            throw new IllegalArgumentException("ReduceLROnPlateau: factor should be in [0, 1), got " + factor);
        this.factor = factor;
        return this;
    }

    /** Epochs without improvement tolerated before the rate drops. */
    public ReduceLROnPlateau patience(int patience) {
        if (patience < 0)
            throw new IllegalArgumentException("ReduceLROnPlateau: patience must be >= 0, got " + patience);
        this.patience = patience;
        return this;
    }

    /** How much better than the best a value must be to count as an improvement (relative unless ABS). */
    public ReduceLROnPlateau threshold(double threshold) {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException(
                    "ReduceLROnPlateau: threshold must be finite and >= 0, got " + threshold);
        }
        this.threshold = threshold;
        return this;
    }

    /** Relative (default) or absolute threshold. */
    public ReduceLROnPlateau thresholdMode(ThresholdMode mode) {
        this.thresholdMode = java.util.Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** Epochs to wait after a reduction before counting bad epochs again. */
    public ReduceLROnPlateau cooldown(int cooldown) {
        if (cooldown < 0)
            throw new IllegalArgumentException("ReduceLROnPlateau: cooldown must be >= 0, got " + cooldown);
        this.cooldown = cooldown;
        return this;
    }

    /** The lowest rate of every group, or one per group. */
    public ReduceLROnPlateau minLr(double... minLrs) {
        int groups = optimizer.paramGroups().size();
        double[] m = minLrs.length == 1 ? filled(groups, minLrs[0]) : minLrs.clone();
        if (m.length != groups)
            throw new IllegalArgumentException(
                    "ReduceLROnPlateau: expected " + groups + " min_lrs, got " + minLrs.length);
        for (double v : m)
            if (!(v >= 0)) throw new IllegalArgumentException("ReduceLROnPlateau: min_lr must be >= 0, got " + v);
        this.minLrs = m;
        return this;
    }

    /** Changes smaller than this are not applied. */
    public ReduceLROnPlateau eps(double eps) {
        if (!(eps >= 0)) throw new IllegalArgumentException("ReduceLROnPlateau: eps must be >= 0, got " + eps);
        this.eps = eps;
        return this;
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    /** Records one epoch's metric and reduces the rates when the plateau has lasted longer than the patience. */
    public void step(double metric) {
        lastEpoch++;
        if (better(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else numBadEpochs++;
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            List<ParamGroup> groups = optimizer.paramGroups();
            for (int g = 0; g < groups.size(); g++) {
                double old = groups.get(g).lr(), lr = Math.max(old * factor, minLrs[g]);
                if (old - lr > eps) groups.get(g).lr(lr);
            }
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
    }

    private boolean better(double a) {
        boolean rel = thresholdMode == ThresholdMode.REL;
        if (maximize) return rel ? a > best * (threshold + 1) : a > best + threshold;
        return rel ? a < best * (1 - threshold) : a < best - threshold;
    }

    /** The best metric so far (±infinity before the first step). */
    public double best() {
        return best;
    }

    /** Bad epochs counted since the last improvement or reduction. */
    public int numBadEpochs() {
        return numBadEpochs;
    }

    /** Epochs of cooldown left. */
    public int cooldownCounter() {
        return cooldownCounter;
    }

    /** Number of {@link #step(double)} calls so far. */
    public int epoch() {
        return lastEpoch;
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

    /**
     * The state as named tensors (float64 [1] each unless said): best, num_bad_epochs, cooldown_counter,
     * last_epoch, and the settings (factor, patience, threshold, cooldown, eps, min_lrs per group) with mode and
     * threshold_mode as 1 for max/abs.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("best", LRScheduler.numbers(best));
        out.put("num_bad_epochs", LRScheduler.numbers(numBadEpochs));
        out.put("cooldown_counter", LRScheduler.numbers(cooldownCounter));
        out.put("last_epoch", LRScheduler.numbers(lastEpoch));
        out.put("mode", LRScheduler.numbers(maximize ? 1 : 0));
        out.put("factor", LRScheduler.numbers(factor));
        out.put("patience", LRScheduler.numbers(patience));
        out.put("threshold", LRScheduler.numbers(threshold));
        out.put("threshold_mode", LRScheduler.numbers(thresholdMode == ThresholdMode.ABS ? 1 : 0));
        out.put("cooldown", LRScheduler.numbers(cooldown));
        out.put("eps", LRScheduler.numbers(eps));
        out.put("min_lrs", LRScheduler.numbers(minLrs));
        return out;
    }

    /** Restores a {@link #stateDict()} of a schedule of the same mode over as many groups. */
    public void loadStateDict(Map<String, Tensor> state) {
        String who = "ReduceLROnPlateau";
        boolean max = LRScheduler.required(who, state, "mode").item() != 0;
        if (max != maximize)
            throw new IllegalArgumentException(who + ": loaded state is for mode " + (max ? "max" : "min")
                    + ", this schedule's is " + (maximize ? "max" : "min"));
        double[] m = LRScheduler.required(who, state, "min_lrs").toDoubleArray();
        if (m.length != minLrs.length)
            throw new IllegalArgumentException(who + ": loaded state has " + m.length + " min_lrs, the optimizer has "
                    + minLrs.length + " groups");
        double[] v = new double[10];
        String[] keys = {
            "best",
            "num_bad_epochs",
            "cooldown_counter",
            "last_epoch",
            "factor",
            "patience",
            "threshold",
            "threshold_mode",
            "cooldown",
            "eps"
        };
        for (int i = 0; i < keys.length; i++)
            v[i] = LRScheduler.required(who, state, keys[i]).item();
        best = v[0];
        numBadEpochs = (int) v[1];
        cooldownCounter = (int) v[2];
        lastEpoch = (int) v[3];
        factor = v[4];
        patience = (int) v[5];
        threshold = v[6];
        thresholdMode = v[7] != 0 ? ThresholdMode.ABS : ThresholdMode.REL;
        cooldown = (int) v[8];
        eps = v[9];
        minLrs = m;
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau(mode=" + (maximize ? "max" : "min") + ", factor=" + factor + ", patience=" + patience
                + ", threshold=" + threshold + " " + thresholdMode.name().toLowerCase(java.util.Locale.ROOT)
                + ", cooldown=" + cooldown + ")";
    }
}
