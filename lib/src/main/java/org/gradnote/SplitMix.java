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
