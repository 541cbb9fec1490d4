package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Counts, precision, recall and F1 on a hand-computed 3-class example. */
class ConfusionMatrixTest {

    static final long[] TRUTH = {0, 0, 1, 1, 2, 2, 2};
    static final long[] PRED = {0, 1, 1, 1, 2, 0, 2};

    @Test
    void confusionMatrixCountsPrecisionRecallF1() {
        ConfusionMatrix cm = ConfusionMatrix.of(TRUTH, PRED, 3);
        assertArrayEquals(new long[][] {{1, 1, 0}, {0, 2, 0}, {1, 0, 2}}, cm.counts());
        assertEquals(3, cm.numClasses());
        assertEquals(7, cm.total());
        assertEquals(5 / 7.0, cm.accuracy().value(), 1e-12);
        // precision = column: c0 1/2, c1 2/3, c2 2/2; recall = row: c0 1/2, c1 2/2, c2 2/3
        assertEquals(0.5, cm.precision(0), 1e-12);
        assertEquals(2 / 3.0, cm.precision(1), 1e-12);
        assertEquals(1.0, cm.precision(2), 1e-12);
        assertEquals(0.5, cm.recall(0), 1e-12);
        assertEquals(1.0, cm.recall(1), 1e-12);
        assertEquals(2 / 3.0, cm.recall(2), 1e-12);
        // F1 = 2PR/(P+R): 0.5, 0.8, 0.8; macro = 0.7
        assertEquals(0.5, cm.f1(0), 1e-12);
        assertEquals(0.8, cm.f1(1), 1e-12);
        assertEquals(0.8, cm.f1(2), 1e-12);
        assertEquals(0.7, cm.macroF1(), 1e-12);
        assertEquals((0.5 + 2 / 3.0 + 1) / 3, cm.macroPrecision(), 1e-12);
        assertEquals((0.5 + 1 + 2 / 3.0) / 3, cm.macroRecall(), 1e-12);
    }

    @Test
    void countsIsACopy() {
        ConfusionMatrix cm = ConfusionMatrix.of(TRUTH, PRED, 3);
        cm.counts()[0][0] = 99;
        assertEquals(1, cm.counts()[0][0]);
    }

    @Test
    void neverPredictedClassHasZeroPrecisionNotNaN() {
        ConfusionMatrix cm = ConfusionMatrix.of(new long[] {0, 1, 2}, new long[] {0, 0, 0}, 3);
        assertEquals(0, cm.precision(1));
        assertEquals(0, cm.f1(2));
        assertEquals(1 / 3.0, cm.precision(0), 1e-12);
        ConfusionMatrix absent = ConfusionMatrix.of(new long[] {0}, new long[] {0}, 2);
        assertEquals(0, absent.recall(1));
    }

    @Test
    void confusionMatrixRejectsBadLabels() {
        IndexOutOfBoundsException e = assertThrows(
                IndexOutOfBoundsException.class, () -> ConfusionMatrix.of(new long[] {0, 3}, new long[] {0, 1}, 3));
        assertTrue(e.getMessage().contains("(3, 1)") && e.getMessage().contains("index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new long[] {0}, new long[] {0, 1}, 2));
    }

    @Test
    void confusionMatrixPrintsRowsAndColumns() {
        String s = ConfusionMatrix.of(TRUTH, PRED, 3).toString();
        assertEquals(4, s.lines().count(), s);
        assertTrue(s.startsWith("true\\pred"), s);
    }
}
