package org.gradnote.train;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gradnote.nn.Module;
import org.gradnote.tensor.Tensor;

/**
 * Stops training when a monitored value (dev_loss by default, train_loss without dev data) has not improved for
 * {@code patience} epochs, and puts back the weights of the best epoch (copies of the {@code stateDict()}), also
 * when the last epoch is reached without stopping: {@code trainer.earlyStopping(EarlyStopping.patience(5))}.
 * Whether the value improves downwards or upwards is its declared {@link Mode}
 * ({@code EarlyStopping.on("dev_acc", Mode.MAX, 5)}, {@code .monitor("score", Mode.MIN)}), else the mode the run's
 * {@link History} declares for it, else the name's guess ({@link Mode#guess}).
 */
public final class EarlyStopping {
    private final int patience;
    private final String monitor;
    private final double minDelta;
    private final boolean restoreBest;
    private final Mode mode; // null: History's declared mode or the name's guess

    private EarlyStopping(int patience, String monitor, double minDelta, boolean restoreBest, Mode mode) {
        if (patience < 1) throw new IllegalArgumentException("EarlyStopping: patience must be >= 1, got " + patience);
        if (!(minDelta >= 0))
            throw new IllegalArgumentException("EarlyStopping: minDelta must be >= 0, got " + minDelta);
        this.patience = patience;
        this.monitor = monitor;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
        this.mode = mode;
    }

    /** Stops after {@code epochs} epochs without improvement. */
    public static EarlyStopping patience(int epochs) {
        return new EarlyStopping(epochs, null, 0, true, null);
    }

    /** Watches the named value with an explicit mode, stopping after {@code patience} epochs without improvement. */
    public static EarlyStopping on(String monitor, Mode mode, int patience) {
        return new EarlyStopping(
                patience,
                java.util.Objects.requireNonNull(monitor, "monitor"),
                0,
                true,
                java.util.Objects.requireNonNull(mode, "mode"));
    }

    /** The history name to watch, e.g. "dev_acc" or "dev_loss", its mode guessed from the name ({@link Mode#guess}). */
    public EarlyStopping monitor(String name) {
        return new EarlyStopping(patience, name, minDelta, restoreBest, mode);
    }

    /** The history name to watch and whether it improves downwards (MIN) or upwards (MAX). */
    public EarlyStopping monitor(String name, Mode mode) {
        return new EarlyStopping(patience, name, minDelta, restoreBest, java.util.Objects.requireNonNull(mode, "mode"));
    }

    /** Declares the watched value's mode, overriding the guess from its name. */
    public EarlyStopping mode(Mode mode) {
        return new EarlyStopping(
                patience, monitor, minDelta, restoreBest, java.util.Objects.requireNonNull(mode, "mode"));
    }

    /** An improvement must beat the best value by more than this. */
    public EarlyStopping minDelta(double delta) {
        return new EarlyStopping(patience, monitor, delta, restoreBest, mode);
    }

    /** Keeps the last weights instead of restoring the best ones. */
    public EarlyStopping keepLastWeights() {
        return new EarlyStopping(patience, monitor, minDelta, false, mode);
    }

    /** The declared mode, or null when it comes from the history or the name. */
    Mode declaredMode() {
        return mode;
    }

    String monitorOr(String fallback) {
        return monitor != null ? monitor : fallback;
    }

    /** The state of one fit: best value so far and a copy of the weights that gave it. */
    final class Run {
        private final String name;
        private final Mode runMode;
        private double best = Double.NaN;
        private int bestEpoch;
        private Map<String, Tensor> bestState;

        Run(String fallbackMonitor) {
            this.name = monitorOr(fallbackMonitor);
            this.runMode = mode;
        }

        /** The watched name. */
        String name() {
            return name;
        }

        /** Records the epoch's value; returns the reason to stop, or null to go on. */
        String update(int epoch, History history, Module model) {
            double v = history.last(name);
            Mode m = runMode != null ? runMode : history.mode(name);
            boolean improved = !Double.isNaN(v)
                    && (Double.isNaN(best) || (m == Mode.MIN ? v < best - minDelta : v > best + minDelta));
            if (improved) {
                best = v;
                bestEpoch = epoch;
                if (restoreBest) bestState = copy(model.stateDict());
                return null;
            }
            if (epoch - bestEpoch < patience) return null;
            return String.format(
                    Locale.ROOT,
                    "early stopping at epoch %d: %s did not improve for %d epochs (best %.5g at epoch %d)",
                    epoch,
                    name,
                    epoch - bestEpoch,
                    best,
                    bestEpoch);
        }

        /** Puts the best weights back, if they are not the current ones. */
        void restore(Module model, int lastEpoch) {
            if (restoreBest && bestState != null && bestEpoch != lastEpoch) model.loadStateDict(bestState);
        }
    }

    private static Map<String, Tensor> copy(Map<String, Tensor> state) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        // A raw array copy: a snapshot must not share storage with the live weights nor join the autograd tape.
        for (var e : state.entrySet()) out.put(e.getKey(), org.gradnote.tensor.Updates.copyOf(e.getValue()));
        return out;
    }

    @Override
    public String toString() {
        return "EarlyStopping(patience=" + patience + ", monitor=" + (monitor == null ? "dev_loss" : monitor)
                + (mode == null ? "" : ", mode=" + mode) + ", minDelta=" + minDelta + ", restoreBest=" + restoreBest
                + ")";
    }
}
