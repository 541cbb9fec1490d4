package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Tensor entry points: accuracy from logits, confusion matrix, top-k error. */
class MetricsTest {

    static final Tensor SCORES = Tensor.fromArray(
            DType.FLOAT64,
            new double[] {
                0.1, 0.5, 0.4,
                0.7, 0.2, 0.1,
                0.3, 0.3, 0.4
            },
            3,
            3);

    @Test
    void accuracyFromLogitsTakesTheArgmax() {
        // argmax per row: 1, 0, 2
        Accuracy a = Metrics.accuracy(SCORES, Tensor.of(1L, 0L, 0L));
        assertEquals(2 / 3.0, a.value(), 1e-12);
        assertEquals(3, a.n());
        assertEquals(
                1.0,
                Metrics.accuracy(Tensor.of(1L, 0L, 2L), Tensor.of(1L, 0L, 2L)).value());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(SCORES, Tensor.of(1L, 0L)));
        assertTrue(e.getMessage().contains("3 predictions but 2"), e.getMessage());
        ConfusionMatrix cm = Metrics.confusionMatrix(SCORES, Tensor.of(1L, 0L, 0L), 3);
        assertEquals(1, cm.counts()[0][2]);
    }

    @Test
    void topKError() {
        // truth 2, 2, 0: rows have 1, 2, 1 scores strictly above the true class's (ties do not count against)
        Tensor truth = Tensor.of(2L, 2L, 0L);
        assertEquals(1.0, Metrics.topKError(SCORES, truth, 1), 1e-12);
        assertEquals(1 / 3.0, Metrics.topKError(SCORES, truth, 2), 1e-12);
        assertEquals(0.0, Metrics.topKError(SCORES, truth, 3), 1e-12);
        // top-1 error is 1 - accuracy when there are no ties
        Tensor two = SCORES.slice(0, 0, 2);
        assertEquals(0.5, Metrics.topKError(two, Tensor.of(1L, 1L), 1), 1e-12);
        assertEquals(
                1 - Metrics.accuracy(two, Tensor.of(1L, 1L)).value(),
                Metrics.topKError(two, Tensor.of(1L, 1L), 1),
                1e-12);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Metrics.topKError(SCORES, truth, 4));
        assertTrue(e.getMessage().contains("k must be in [1, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metrics.topKError(Tensor.of(1.0, 2.0), Tensor.of(0L), 1));
    }
}
