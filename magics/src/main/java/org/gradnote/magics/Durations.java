package org.gradnote.magics;

import java.util.Locale;

/** Human-readable durations in the unit that keeps three significant digits (ns, µs, ms, s). */
final class Durations {
    private Durations() {}

    static String format(double nanos) {
        if (nanos < 1e3) return String.format(Locale.ROOT, "%.0f ns", nanos);
        if (nanos < 1e6) return String.format(Locale.ROOT, "%.3g µs", nanos / 1e3);
        if (nanos < 1e9) return String.format(Locale.ROOT, "%.3g ms", nanos / 1e6);
        return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
    }
}
