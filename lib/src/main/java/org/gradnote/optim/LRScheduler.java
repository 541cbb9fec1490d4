package org.gradnote.optim;

/**
 * Changes an optimizer's learning rate once per epoch, as {@code torch.optim.lr_scheduler}: call {@link #step()}
 * after each epoch's optimizer steps. The factories give the usual closed-form schedules.
 */
public abstract class LRScheduler {
    private final Optimizer optimizer;
    private final double baseLr;
    private int epoch;

    /** A scheduler of {@code optimizer}'s learning rate; the optimizer's current rate is the base rate. */
    protected LRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        this.baseLr = optimizer.lr();
    }

    /** The rate for a given epoch (0 = the optimizer's initial rate). */
    protected abstract double lrAt(int epoch, double baseLr);

    /** Advances one epoch and sets the optimizer's learning rate. */
    public void step() {
        epoch++;
        optimizer.setLr(lrAt(epoch, baseLr));
    }

    /** The learning rate the optimizer uses now ({@code scheduler.get_last_lr()}). */
    public double lastLr() {
        return optimizer.lr();
    }

    /** The number of {@code step()} calls so far, i.e. completed epochs. */
    public int epoch() {
        return epoch;
    }

    /** lr * gamma^(epoch / stepSize), as StepLR. */
    public static LRScheduler step(Optimizer opt, int stepSize, double gamma) {
        if (stepSize <= 0) throw new IllegalArgumentException("StepLR: step_size must be positive, got " + stepSize);
        return new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return base * Math.pow(gamma, e / stepSize);
            }
        };
    }

    /** lr * gamma^epoch, as ExponentialLR. */
    public static LRScheduler exponential(Optimizer opt, double gamma) {
        return new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return base * Math.pow(gamma, e);
            }
        };
    }

    /** Cosine annealing from lr to etaMin over tMax epochs, as CosineAnnealingLR (closed form). */
    public static LRScheduler cosine(Optimizer opt, int tMax, double etaMin) {
        if (tMax <= 0) throw new IllegalArgumentException("CosineAnnealingLR: T_max must be positive, got " + tMax);
        return new LRScheduler(opt) {
            @Override
            protected double lrAt(int e, double base) {
                return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * e / tMax)) / 2;
            }
        };
    }
}
