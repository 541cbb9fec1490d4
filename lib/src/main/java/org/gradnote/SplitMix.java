package org.gradnote;

/**
 * gradnote's global random stream: the draws of {@code new java.util.SplittableRandom(seed)} (JDK 17), written out
 * so a bulk fill runs as one loop. Why not that class: its state is private, so every value cost two or three calls
 * that C1 (the training JVMs' compiler) does not inline, ~10 ns a value, and dropout draws one per element (a fifth
 * of the Transformer's step). Writing it here also keeps seeded streams the same on any later JDK.
 */
final class SplitMix {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long seed;

    SplitMix(long seed) {
        this.seed = seed;
    }

    long nextLong() {
        return mix64(seed += GOLDEN_GAMMA);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** A value in [0, bound), as SplittableRandom.nextInt(bound): a mask for powers of two, else rejection. */
    int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        int r = mix32(seed += GOLDEN_GAMMA), m = bound - 1;
        if ((bound & m) == 0) return r & m;
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = mix32(seed += GOLDEN_GAMMA) >>> 1) {
            // rejected: u fell in the last, partial copy of [0, bound)
        }
        return r;
    }

    /** out[i] = low + (high - low) · nextDouble() for every i, in order. */
    void fillUniform(double[] out, double low, double high) {
        long s = seed;
        double span = high - low;
        for (int i = 0; i < out.length; i++) {
            long z = s += GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            out[i] = low + span * (((z ^ (z >>> 31)) >>> 11) * DOUBLE_UNIT);
        }
        seed = s;
    }

    /**
     * Moves the stream past its next count draws and returns the state they start from: draw i of them depends on
     * that state and i only, so ranges of them can be filled in any order, on any thread, with the same values.
     */
    long reserve(long count) {
        long s = seed;
        seed += count * GOLDEN_GAMMA;
        return s;
    }

    /**
     * The threshold a 53-bit draw must stay below to keep: {@code (float) u < (float) keep} for float32, else {@code
     * u < keep}, where u is the draw as {@link #fillUniform} makes it; the masks compare the draw's 53 bits against it
     * without forming the double.
     */
    static long keepBelow(double keep, boolean float32) {
        if (!float32) return firstNotBelow(v -> v * DOUBLE_UNIT < keep);
        float k = (float) keep;
        return firstNotBelow(v -> (float) (v * DOUBLE_UNIT) < k);
    }

    /** out[i] = hit where draw i of those {@link #reserve reserved} at base is below the threshold, for i in [from, to). */
    static void fillKeep(float[] out, int from, int to, long base, long below, float hit) {
        long s = base + from * GOLDEN_GAMMA;
        int hitBits = Float.floatToRawIntBits(hit);
        for (int i = from; i < to; i++) {
            long z = s += GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            long v = (z ^ (z >>> 31)) >>> 11;
            // hit's bits where v < below (v - below < 0: a mask of ones), +0 elsewhere: no branch to mispredict on
            // the dropped draws (C1's "v < below ? hit : 0" was 2.6 ns a value, this 2.1).
            out[i] = Float.intBitsToFloat(hitBits & (int) ((v - below) >> 63));
        }
    }

    /** {@link #fillKeep(float[], int, int, long, long, float)} in float64. */
    static void fillKeep(double[] out, int from, int to, long base, long below, double hit) {
        long s = base + from * GOLDEN_GAMMA;
        long hitBits = Double.doubleToRawLongBits(hit);
        for (int i = from; i < to; i++) {
            long z = s += GOLDEN_GAMMA;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            long v = (z ^ (z >>> 31)) >>> 11;
            out[i] = Double.longBitsToDouble(hitBits & ((v - below) >> 63)); // as in the float32 fill
        }
    }

    /**
     * The least 53-bit draw v for which {@code below(v)} is false (2^53 if none): {@code below} must hold for every v
     * under some bound and for none from it, which a comparison of the monotone {@code v · 2^-53} (rounded or not)
     * with a constant does.
     */
    static long firstNotBelow(java.util.function.LongPredicate below) {
        long lo = 0, hi = 1L << 53;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (below.test(mid)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
