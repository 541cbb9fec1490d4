package org.gradnote.metrics;

/**
 * The Wald-interval arithmetic behind "is C2 better than C1?": the half-width of a 95% interval, the test-set size a
 * given precision needs, and the interval of the difference of two accuracies measured on independent test sets.
 */
public final class Wald {
    /** The normal quantile of a two-sided 95% interval. */
    public static final double Z95 = 1.96;

    private Wald() {}

    /** Half-width 1.96·sqrt(p(1-p)/n) of the 95% interval of an accuracy p measured on n examples. */
    public static double halfWidth(double p, long n) {
        if (p < 0 || p > 1) throw new IllegalArgumentException("halfWidth: p must be in [0, 1], got " + p);
        if (n <= 0) throw new IllegalArgumentException("halfWidth: n must be positive, got " + n);
        return Z95 * Math.sqrt(p * (1 - p) / n);
    }

    /** Smallest test-set size whose 95% interval around an accuracy near p is at most ±halfWidth. */
    public static long samplesFor(double p, double halfWidth) {
        if (halfWidth <= 0)
            throw new IllegalArgumentException("samplesFor: halfWidth must be positive, got " + halfWidth);
        if (p < 0 || p > 1) throw new IllegalArgumentException("samplesFor: p must be in [0, 1], got " + p);
        return Math.max(1, (long) Math.ceil(Z95 * Z95 * p * (1 - p) / (halfWidth * halfWidth)));
    }

    /** 95% interval {low, high} of b - a for two independent accuracies: C2 = b is better when low > 0. */
    public static double[] difference(Accuracy a, Accuracy b) {
        double d = b.value() - a.value();
        double half = Z95 * Math.sqrt(a.value() * (1 - a.value()) / a.n() + b.value() * (1 - b.value()) / b.n());
        return new double[] {d - half, d + half};
    }
}
