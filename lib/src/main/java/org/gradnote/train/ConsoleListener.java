package org.gradnote.train;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per epoch (or every n epochs, plus the last) with every value of the history, and why it stopped. */
public final class ConsoleListener implements TrainingListener {
    private final PrintStream out;
    private final int every;
    private int epochs;
    private long start;

    private ConsoleListener(PrintStream out, int every) {
        if (every < 1) throw new IllegalArgumentException("ConsoleListener: every must be >= 1, got " + every);
        this.out = out;
        this.every = every;
    }

    /** Prints to standard output every n epochs. */
    public static ConsoleListener every(int n) {
        return new ConsoleListener(System.out, n);
    }

    /** The same, to another stream. */
    public static ConsoleListener to(PrintStream out, int every) {
        return new ConsoleListener(out, every);
    }

    @Override
    public void onEpochStart(int epoch, int epochs) {
        this.epochs = epochs;
        if (epoch == 1) start = System.nanoTime();
    }

    @Override
    public void onEpochEnd(int epoch, History history) {
        if (epoch % every != 0 && epoch != epochs) return;
        StringBuilder b = new StringBuilder(
                String.format(Locale.ROOT, "epoch %" + String.valueOf(epochs).length() + "d/%d", epoch, epochs));
        for (String k : history.names()) b.append(String.format(Locale.ROOT, "  %s %.5g", k, history.last(k)));
        b.append(String.format(Locale.ROOT, "  (%.1f s)", (System.nanoTime() - start) / 1e9));
        out.println(b);
    }

    @Override
    public void onFitEnd(History history) {
        if (history.stoppedEarly()) out.println("stopped early: " + history.stopReason());
    }
}
