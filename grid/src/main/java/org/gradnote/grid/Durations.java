package org.gradnote.grid;

/** Short human durations for the progress line and messages: {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
final class Durations {
    private Durations() {}

    static String format(long millis) {
        long s = Math.round(millis / 1000.0);
        if (millis < 10_000) return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
