package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Accuracy with its 95% Wald interval, on the seeds' example. */
class AccuracyTest {

    @Test
    void waldIntervalsOfTheSeedsExample() {
        // p ± 1.96 sqrt(p(1-p)/n), n = 1000:
        //   C1: 0.71 ± 1.96 * 0.014349 = 0.71 ± 0.02812 -> [68.19%; 73.81%]
        //   C2: 0.73 ± 1.96 * 0.014039 = 0.73 ± 0.02752 -> [70.25%; 75.75%]
        Accuracy c1 = Accuracy.of(710, 1000), c2 = Accuracy.of(730, 1000);
        assertEquals(0.71, c1.value(), 1e-12);
        assertEquals(68.2, 100 * c1.low(), 0.1);
        assertEquals(73.8, 100 * c1.high(), 0.1);
        assertEquals(70.2, 100 * c2.low(), 0.1);
        assertEquals(75.7, 100 * c2.high(), 0.1);
        assertEquals(0.71 - 1.96 * Math.sqrt(0.71 * 0.29 / 1000), c1.low(), 1e-12);
        assertEquals(0.73 + 1.96 * Math.sqrt(0.73 * 0.27 / 1000), c2.high(), 1e-12);
        // the intervals overlap: C2 is not significantly better than C1
        assertFalse(c2.significantlyBetterThan(c1));
        assertFalse(c1.significantlyBetterThan(c2));
        assertEquals(1000, c2.n());
        assertEquals("71.00% [68.19%; 73.81%] (n=1000, 95% Wald)", c1.toString());
    }

    @Test
    void clearlyBetterIsSignificant() {
        assertTrue(Accuracy.of(900, 1000).significantlyBetterThan(Accuracy.of(700, 1000)));
    }

    @Test
    void intervalIsClippedToZeroOne() {
        Accuracy perfect = Accuracy.of(10, 10);
        assertEquals(1, perfect.high());
        assertEquals(1, perfect.low()); // Wald degenerates at p = 1
        Accuracy near = Accuracy.of(1, 10);
        assertEquals(0, near.low());
        assertTrue(near.high() > 0.1);
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Accuracy.of(11, 10));
        assertTrue(e.getMessage().contains("11") && e.getMessage().contains("10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Accuracy.of(-1, 10));
    }
}
