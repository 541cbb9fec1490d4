package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** IoU and Dice per class, counted by hand on small masks; absent classes give NaN and are left out of the means. */
class SegmentationTest {
    @Test
    void iouAndDicePerClass() {
        // truth:     0 0 1 1 2 2      class 0: P={0,1,2} T={0,1} I=2 U=3
        // predicted: 0 0 0 1 1 2      class 1: P={3,4} T={2,3} I=1 U=3; class 2: P={5} T={4,5} I=1 U=2
        Segmentation s = Segmentation.of(new long[] {0, 0, 0, 1, 1, 2}, new long[] {0, 0, 1, 1, 2, 2}, 4);
        double[] iou = s.iou(), dice = s.dice();
        assertEquals(2.0 / 3, iou[0], 1e-15);
        assertEquals(1.0 / 3, iou[1], 1e-15);
        assertEquals(1.0 / 2, iou[2], 1e-15);
        assertTrue(Double.isNaN(iou[3]), "class 3 is in neither mask");
        assertEquals(4.0 / 5, dice[0], 1e-15);
        assertEquals(2.0 / 4, dice[1], 1e-15);
        assertEquals(2.0 / 3, dice[2], 1e-15);
        assertTrue(Double.isNaN(dice[3]));
        assertEquals((2.0 / 3 + 1.0 / 3 + 1.0 / 2) / 3, s.meanIou(), 1e-15);
        assertEquals((4.0 / 5 + 2.0 / 4 + 2.0 / 3) / 3, s.meanDice(), 1e-15);
        assertEquals(4.0 / 6, s.pixelAccuracy(), 1e-15);
    }

    @Test
    void aClassPredictedButAbsentScoresZero() {
        Segmentation s = Segmentation.of(new long[] {1, 1}, new long[] {0, 0}, 2);
        assertEquals(0, s.iou()[0]);
        assertEquals(0, s.iou()[1]);
        assertEquals(0, s.meanDice());
    }

    @Test
    void tensorsOfOneShape() {
        Tensor t = Tensor.of(new long[] {0, 1, 1, 0}).reshape(1, 2, 2);
        Segmentation s = Segmentation.of(t, t, 2);
        assertEquals(1, s.meanIou());
        ShapeException e = assertThrows(
                ShapeException.class,
                () -> Segmentation.of(t, Tensor.of(new long[] {0, 1, 1, 0}).reshape(1, 4), 2));
        assertTrue(e.getMessage().contains("[1, 2, 2]") && e.getMessage().contains("[1, 4]"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> Segmentation.of(new long[] {2}, new long[] {0}, 2));
    }
}
