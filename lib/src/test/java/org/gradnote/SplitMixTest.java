package org.gradnote;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** gradnote's global stream gives SplittableRandom's draws for the same seed, call for call, on this JDK (17). */
class SplitMixTest {
    @Test
    void sameDrawsAsSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, 123_456_789_012L}) {
            SplittableRandom want = new SplittableRandom(seed);
            SplitMix got = new SplitMix(seed);
            for (int i = 0; i < 400_000; i++) {
                switch (i % 4) {
                    case 0 -> assertEquals(want.nextLong(), got.nextLong(), "nextLong " + i);
                    case 1 -> assertEquals(want.nextDouble(), got.nextDouble(), 0.0, "nextDouble " + i);
                    default -> {
                        // Powers of two (a mask), small bounds, and bounds near 2^31 (where rejection happens).
                        int bound = i % 3 == 0 ? 1 << (i % 31) : i % 7 == 0 ? Integer.MAX_VALUE - i : 1 + i % 1000;
                        assertEquals(want.nextInt(bound), got.nextInt(bound), "nextInt(" + bound + ") " + i);
                    }
                }
            }
            double[] u = new double[10_001];
            got.fillUniform(u, -2, 3);
            for (int i = 0; i < u.length; i++) assertEquals(-2 + 5 * want.nextDouble(), u[i], 0.0, "fill " + i);
            assertEquals(want.nextLong(), got.nextLong(), "the stream goes on after a fill");
        }
        assertThrows(IllegalArgumentException.class, () -> new SplitMix(1).nextInt(0));
    }

    @Test
    void globalDrawsFollowTheSeed() {
        Gradnote.seed(2024);
        int[] perm = Gradnote.permutation(1000);
        double[] u = new double[5];
        Gradnote.fillUniform(u, 0, 1);
        long next = Gradnote.nextSeed();
        SplittableRandom r = new SplittableRandom(2024);
        assertArrayEquals(Gradnote.permutation(1000, r), perm);
        for (double v : u) assertEquals(r.nextDouble(), v, 0.0);
        assertEquals(r.nextLong(), next);
    }

    @Test
    void theThresholdSplitsTheDrawsWhereTheComparisonTurns() {
        // Around keep = 0.7 in float32: every 53-bit draw below the threshold rounds under (float) 0.7, none from it.
        float k = (float) 0.7;
        long t = SplitMix.firstNotBelow(v -> (float) (v * 0x1.0p-53) < k);
        for (long v = t - 5000; v < t + 5000; v++) assertEquals(v < t, (float) (v * 0x1.0p-53) < k, "draw " + v);
        assertEquals(1L << 53, SplitMix.firstNotBelow(v -> true));
        assertEquals(0, SplitMix.firstNotBelow(v -> false));
    }

    @Test
    void keepMasksCompareTheUniformDraws() {
        int n = 300_001;
        for (double keep : new double[] {0.9, 0.7, 0.5, 1.0 / 3, 1e-7, 1, 0}) {
            SplitMix a = new SplitMix(keep > 0.5 ? 3 : 4), b = new SplitMix(keep > 0.5 ? 3 : 4);
            double[] u = new double[n];
            a.fillUniform(u, 0, 1);
            float[] f = new float[n];
            SplitMix.fillKeep(f, 0, n, b.reserve(n), SplitMix.keepBelow(keep, true), 2.5f);
            for (int i = 0; i < n; i++) {
                if (f[i] != ((float) u[i] < (float) keep ? 2.5f : 0f)) fail("float32 keep " + keep + ", draw " + u[i]);
            }
            assertEquals(a.nextLong(), b.nextLong(), "the same number of draws");
            double[] d = new double[n];
            SplitMix.fillKeep(d, 0, n, b.reserve(n), SplitMix.keepBelow(keep, false), 1.25);
            a.fillUniform(u, 0, 1);
            for (int i = 0; i < n; i++) {
                if (d[i] != (u[i] < keep ? 1.25 : 0)) fail("float64 keep " + keep + ", draw " + u[i]);
            }
            assertEquals(a.nextLong(), b.nextLong(), "the same number of draws");
        }
    }

    @Test
    void reservedDrawsFillAnyRangeInAnyOrderWithTheSequentialValues() {
        int n = 100_003;
        SplitMix a = new SplitMix(11), b = new SplitMix(11);
        // The sequential values from the uniform draws themselves.
        double[] u = new double[n];
        float[] seq = new float[n], parts = new float[n];
        a.fillUniform(u, 0, 1);
        for (int i = 0; i < n; i++) seq[i] = (float) u[i] < 0.6f ? 1.5f : 0f;
        long base = b.reserve(n), below = SplitMix.keepBelow(0.6, true);
        for (int to = n; to > 0; to -= 7919) SplitMix.fillKeep(parts, Math.max(0, to - 7919), to, base, below, 1.5f);
        assertArrayEquals(seq, parts);
        assertEquals(a.nextLong(), b.nextLong(), "the stream moved past the reserved draws");
        double[] dseq = new double[n], dparts = new double[n];
        a.fillUniform(u, 0, 1);
        for (int i = 0; i < n; i++) dseq[i] = u[i] < 0.6 ? 2.0 : 0;
        base = b.reserve(n);
        below = SplitMix.keepBelow(0.6, false);
        SplitMix.fillKeep(dparts, n / 2, n, base, below, 2.0);
        SplitMix.fillKeep(dparts, 0, n / 2, base, below, 2.0);
        assertArrayEquals(dseq, dparts);
        assertEquals(a.nextLong(), b.nextLong());
    }
}
