package org.gradnote.train;

import java.util.Locale;

/** Whether a recorded metric improves by going down (a loss) or up (an accuracy). */
public enum Mode {
    /** Lower is better: losses, errors. */
    MIN,
    /** Higher is better: accuracy, F1, R². */
    MAX;

    /**
     * The documented default when no mode is declared: MIN for names containing loss, error, mse or mae (any case),
     * MAX for anything else. Declare the mode ({@link History#mode(String, Mode)}, {@link EarlyStopping#on}) for a
     * name this guesses wrong, such as a "loss" that is a reward.
     */
    public static Mode guess(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("loss") || n.contains("error") || n.contains("mse") || n.contains("mae") ? MIN : MAX;
    }

    /** True when a is strictly better than b under this mode. */
    public boolean better(double a, double b) {
        return this == MIN ? a < b : a > b;
    }
}
