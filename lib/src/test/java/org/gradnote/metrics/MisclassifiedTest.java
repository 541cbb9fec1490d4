package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Errors are found, ordered by the confidence of the wrong answer, and captioned. */
class MisclassifiedTest {

    @Test
    void mostConfidentErrorsFirst() {
        Tensor scores = Tensor.of(new double[][] {{5, 0, 0}, {0, 1, 0}, {0, 0, 9}, {2, 0, 0}, {0, 3, 0}});
        Tensor truth = Tensor.of(new long[] {0, 2, 0, 1, 1});
        List<Misclassified.Error> e = Misclassified.of(scores, truth);
        assertArrayEquals(new int[] {2, 3, 1}, Misclassified.indices(e));
        assertEquals(0, e.get(0).actual());
        assertEquals(2, e.get(0).predicted());
        double p = Math.exp(9) / (Math.exp(9) + 2);
        assertEquals(p, e.get(0).confidence(), 1e-6);
        assertEquals("0\u21922 (100%)", e.get(0).caption());
    }

    @Test
    void noErrorsAndShapeChecks() {
        assertEquals(
                0,
                Misclassified.of(Tensor.of(new double[][] {{1, 0}}), Tensor.of(new long[] {0}))
                        .size());
        assertThrows(
                IllegalArgumentException.class,
                () -> Misclassified.of(Tensor.of(1.0, 2.0), Tensor.of(new long[] {0, 1})));
        assertThrows(
                IllegalArgumentException.class,
                () -> Misclassified.of(Tensor.of(new double[][] {{1, 0}}), Tensor.of(new long[] {0, 1})));
    }
}
