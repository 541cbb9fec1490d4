package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class WaldAndThresholdsTest {
    @Test
    void halfWidthAndSampleSizeAreInverse() {
        assertEquals(1.96 * Math.sqrt(0.9 * 0.1 / 100), Wald.halfWidth(0.9, 100), 1e-15);
        // ±1% around 90% needs 1.96² · 0.09 / 0.0001 = 3457.44 → 3458 examples.
        assertEquals(3458, Wald.samplesFor(0.9, 0.01));
        assertTrue(Wald.halfWidth(0.9, Wald.samplesFor(0.9, 0.01)) <= 0.01);
        assertThrows(IllegalArgumentException.class, () -> Wald.samplesFor(0.5, 0));
    }

    @Test
    void differenceIntervalDecidesWhichClassifierIsBetter() {
        Accuracy c1 = Accuracy.of(850, 1000), c2 = Accuracy.of(900, 1000);
        double[] d = Wald.difference(c1, c2);
        assertEquals(0.05, (d[0] + d[1]) / 2, 1e-12);
        assertTrue(d[0] > 0, "5 points on 1000 examples each is significant");
        double[] small = Wald.difference(Accuracy.of(85, 100), Accuracy.of(90, 100));
        assertTrue(small[0] < 0, "the same 5 points on 100 examples is not");
    }

    @Test
    void bestF1AndRecallTargetOnAKnownRanking() {
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        int[] y = {1, 1, 0, 1, 0, 0};
        var best = Thresholds.bestF1(s, y);
        // At 0.6: tp 3, fp 1 → P 0.75, R 1, F1 6/7; at 0.8: P 1, R 2/3, F1 0.8.
        assertEquals(0.6, best.threshold(), 0);
        assertEquals(6.0 / 7, best.f1(), 1e-12);
        var r = Thresholds.forRecall(s, y, 0.6);
        assertEquals(0.8, r.threshold(), 0);
        assertEquals(1.0, r.precision(), 0);
        var at = Thresholds.at(s, y, 0.65);
        assertEquals(2.0 / 3, at.precision(), 1e-12);
        assertEquals(2.0 / 3, at.recall(), 1e-12);
    }

    @Test
    void tiedScoresGiveOneOperatingPoint() {
        var best = Thresholds.bestF1(new double[] {0.5, 0.5, 0.5}, new int[] {1, 0, 1});
        assertEquals(0.5, best.threshold(), 0);
        assertEquals(2.0 / 3, best.precision(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Thresholds.bestF1(new double[] {0.1}, new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Thresholds.bestF1(new double[] {0.1}, new int[] {2}));
    }
}
