package org.gradnote.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-epoch values of a training run by name ("train_loss", "dev_loss", "dev_acc"...), in the order they first
 * appeared, as {@link Trainer} records them or a hand-written loop does with {@link #append}. It also says whether
 * the run stopped before its last epoch, and why. {@link #toMap()} is what {@code Plots.history} draws.
 *
 * <p>"Best" follows each name's {@link Mode}: declared with {@link #mode(String, Mode)}, or by default guessed from the
 * name ({@link Mode#guess}: lowest for names containing loss, error, mse or mae, highest for anything else).
 */
public final class History {
    private final Map<String, List<Double>> series = new LinkedHashMap<>();
    private final Map<String, Mode> modes = new LinkedHashMap<>();
    private int epochs;
    private String stopReason;

    /** Adds one epoch; names not given this epoch get NaN, names new this epoch get NaN for earlier epochs. */
    public History append(Map<String, Double> values) {
        for (var e : values.entrySet()) {
            series.computeIfAbsent(e.getKey(), k -> {
                        List<Double> l = new ArrayList<>();
                        for (int i = 0; i < epochs; i++) l.add(Double.NaN);
                        return l;
                    })
                    .add(e.getValue());
        }
        epochs++;
        for (List<Double> l : series.values()) if (l.size() < epochs) l.add(Double.NaN);
        return this;
    }

    /** Declares whether the named metric improves downwards (MIN) or upwards (MAX), overriding the name's guess. */
    public History mode(String name, Mode mode) {
        modes.put(java.util.Objects.requireNonNull(name, "name"), java.util.Objects.requireNonNull(mode, "mode"));
        return this;
    }

    /** The named metric's mode: the declared one, else {@link Mode#guess} from its name. */
    public Mode mode(String name) {
        Mode m = modes.get(name);
        return m != null ? m : Mode.guess(name);
    }

    /** Number of epochs recorded. */
    public int epochs() {
        return epochs;
    }

    /** The names recorded so far, in first-seen order. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(series.keySet());
    }

    /** One value per epoch. */
    public double[] get(String name) {
        List<Double> l = series.get(name);
        if (l == null)
            throw new IllegalArgumentException(
                    "History: no series '" + name + "' (recorded: " + String.join(", ", series.keySet()) + ")");
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The value of the last epoch. */
    public double last(String name) {
        double[] v = get(name);
        if (v.length == 0) throw new IllegalStateException("History: no epoch recorded yet");
        return v[v.length - 1];
    }

    /** The best value over the epochs under the name's {@link #mode(String)} (NaN values ignored). */
    public double best(String name) {
        int e = bestEpoch(name);
        return get(name)[e - 1];
    }

    /** The epoch (counted from 1) of the best value; the first one on ties. */
    public int bestEpoch(String name) {
        double[] v = get(name);
        Mode mode = mode(name);
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) continue;
            if (best < 0 || mode.better(v[i], v[best])) best = i;
        }
        if (best < 0) throw new IllegalStateException("History: '" + name + "' has no value yet");
        return best + 1;
    }

    /** The name-based default: true for losses and errors, which improve by going down ({@link Mode#guess}). */
    public static boolean lowerIsBetter(String name) {
        return Mode.guess(name) == Mode.MIN;
    }

    /** Marks the run as stopped before its planned last epoch. */
    public void stop(String reason) {
        this.stopReason = reason;
    }

    /** True when training stopped before its planned last epoch (early stopping, interrupt, divergence). */
    public boolean stoppedEarly() {
        return stopReason != null;
    }

    /** Why training stopped early, or null when it ran all its epochs. */
    public String stopReason() {
        return stopReason;
    }

    /** Copies of every series by name, in insertion order, for {@code Plots.history}. */
    public Map<String, double[]> toMap() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String k : series.keySet()) out.put(k, get(k));
        return out;
    }

    /** A table: one line per epoch, one column per name, and the stop reason if any. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%6s", "epoch"));
        for (String k : series.keySet()) b.append(String.format(Locale.ROOT, "  %12s", k));
        b.append('\n');
        for (int e = 0; e < epochs; e++) {
            b.append(String.format(Locale.ROOT, "%6d", e + 1));
            for (List<Double> l : series.values()) b.append(String.format(Locale.ROOT, "  %12.5g", l.get(e)));
            b.append('\n');
        }
        if (stopReason != null) b.append("stopped early: ").append(stopReason).append('\n');
        return b.toString();
    }
}
