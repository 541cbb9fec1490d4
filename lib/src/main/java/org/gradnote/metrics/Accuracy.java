package org.gradnote.metrics;

/**
 * An accuracy with its 95% Wald confidence interval p ± 1.96 sqrt(p(1-p)/n), the courses' answer to
 * "is C2 better than C1?": only if the intervals do not overlap.
 */
public record Accuracy(double value, long n, double low, double high) {
    /** Accuracy of k correct out of n, with its 95% Wald interval (clipped to [0, 1]). */
    public static Accuracy of(long correct, long n) {
        if (n <= 0) throw new IllegalArgumentException("accuracy: needs at least one example, got n=" + n);
        if (correct < 0 || correct > n)
            throw new IllegalArgumentException("accuracy: " + correct + " correct out of " + n + " is impossible");
        double p = (double) correct / n;
        double half = 1.96 * Math.sqrt(p * (1 - p) / n);
        return new Accuracy(p, n, Math.max(0, p - half), Math.min(1, p + half));
    }

    /** True when this accuracy's interval lies entirely above the other's: a significant improvement. */
    public boolean significantlyBetterThan(Accuracy other) {
        return low > other.high;
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "%.2f%% [%.2f%%; %.2f%%] (n=%d, 95%% Wald)",
                100 * value,
                100 * low,
                100 * high,
                n);
    }
}
