package org.gradnote.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Linear: PyTorch's default init bounds, shape checks and the affine map. */
class LinearTest {
    @BeforeEach
    void seed() {
        Gradnote.seed(12);
    }

    static double std(Tensor t) {
        return InitTest.std(t);
    }

    static double maxAbs(Tensor t) {
        return InitTest.maxAbs(t);
    }

    static void assertWithinPercent(double expected, double actual, double percent) {
        InitTest.assertWithinPercent(expected, actual, percent);
    }

    @Test
    void linearDefaultInitIsWithinOneOverSqrtIn() {
        Linear l = new Linear(400, 300);
        double bound = 1 / Math.sqrt(400);
        assertTrue(maxAbs(l.weight()) <= bound);
        assertTrue(maxAbs(l.bias()) <= bound);
        // and it actually spreads to the bound: U(-b, b) has std b/sqrt(3)
        assertTrue(maxAbs(l.weight()) > 0.99 * bound);
        assertWithinPercent(bound / Math.sqrt(3), std(l.weight()), 2);
        assertArrayEquals(new long[] {300, 400}, l.weight().shape());
        assertArrayEquals(new long[] {300}, l.bias().shape());
        assertEquals(Tensor.defaultDType(), l.weight().dtype());
        assertNull(new Linear(2, 2, false).bias());
    }

    @Test
    void linearRejectsBadSizesAndBadInputs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Linear(0, 3));
        assertTrue(e.getMessage().contains("in=0"), e.getMessage());
        Linear l = new Linear(3, 2);
        org.gradnote.tensor.ShapeException s =
                assertThrows(org.gradnote.tensor.ShapeException.class, () -> l.forward(Tensor.zeros(5, 4)));
        assertTrue(s.getMessage().contains("Linear(3, 2)") && s.getMessage().contains("[5, 4]"), s.getMessage());
    }

    @Test
    void linearComputesXWTransposePlusBias() {
        Linear l = new Linear(2, 1);
        l.to(DType.FLOAT64);
        try (var g = Tensor.noGrad()) {
            l.weight().copy_(Tensor.fromArray(DType.FLOAT64, new double[] {2, -1}, 1, 2));
            l.bias().fill_(0.5);
        }
        Tensor y = l.forward(Tensor.fromArray(DType.FLOAT64, new double[] {1, 1, 3, 2}, 2, 2));
        assertArrayEquals(new long[] {2, 1}, y.shape());
        assertArrayEquals(new double[] {1.5, 4.5}, y.toDoubleArray(), 1e-12);
        // batched input [N, T, in]
        assertArrayEquals(
                new long[] {4, 5, 1},
                l.forward(Tensor.zeros(DType.FLOAT64, 4, 5, 2)).shape());
    }
}
