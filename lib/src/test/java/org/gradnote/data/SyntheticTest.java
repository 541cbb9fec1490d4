package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.Gradnote;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

class SyntheticTest {
    @Test
    void blobsHaveTheirCountsMeansAndSpread() {
        Gradnote.seed(1);
        var d = Synthetic.blobs(new int[] {300, 100}, new double[][] {{-2, 0}, {3, 1}}, new double[] {0.5, 0.1});
        assertEquals(400, d.x().length);
        double[] sum = new double[2], sq = new double[2];
        for (int i = 0; i < 300; i++) {
            assertEquals(0, d.y()[i]);
            sum[0] += d.x()[i][0];
            sq[0] += Math.pow(d.x()[i][0] + 2, 2);
        }
        for (int i = 300; i < 400; i++) {
            assertEquals(1, d.y()[i]);
            sum[1] += d.x()[i][1];
        }
        assertEquals(-2, sum[0] / 300, 0.1);
        assertEquals(0.5, Math.sqrt(sq[0] / 300), 0.06);
        assertEquals(1, sum[1] / 100, 0.03);
        assertArrayEquals(new long[] {400, 2}, d.features().shape());
        assertEquals(1, d.labels().get(399), 0);
        assertEquals(-1, d.signs()[0]);
    }

    @Test
    void blobsAreRepeatableUnderASeed() {
        Gradnote.seed(7);
        var a = Synthetic.blobs(new int[] {5}, new double[][] {{0, 0}}, new double[] {1});
        Gradnote.seed(7);
        var b = Synthetic.blobs(new int[] {5}, new double[][] {{0, 0}}, new double[] {1});
        assertArrayEquals(a.x()[4], b.x()[4], 0);
    }

    @Test
    void separableRespectsItsMarginAndLabelsBySide() {
        Gradnote.seed(2);
        var d = Synthetic.separable(500, new double[] {1, -2}, 0.3, 0.1);
        double norm = Math.hypot(1, 2);
        for (int i = 0; i < 500; i++) {
            double s = (d.x()[i][0] - 2 * d.x()[i][1] + 0.3) / norm;
            assertTrue(Math.abs(s) >= 0.1);
            assertEquals(s > 0 ? 1 : 0, d.y()[i]);
        }
    }

    @Test
    void ringsHaveTwoRadii() {
        Gradnote.seed(3);
        var d = Synthetic.rings(200, 0.0);
        for (int i = 0; i < 200; i++) {
            double r = Math.hypot(d.x()[i][0], d.x()[i][1]);
            assertEquals(d.y()[i] == 0 ? 0.5 : 1.0, r, 1e-12);
        }
    }

    @Test
    void functionSamplesTheGivenFunctionInItsBox() {
        Gradnote.seed(4);
        Tensor[] xy = Synthetic.function(100, (u, v) -> u * v, -1, 1, 0.0);
        assertArrayEquals(new long[] {100, 2}, xy[0].shape());
        assertArrayEquals(new long[] {100, 1}, xy[1].shape());
        double[][] x = xy[0].toDoubleMatrix();
        double[] y = xy[1].toDoubleArray();
        for (int i = 0; i < 100; i++) {
            assertTrue(Math.abs(x[i][0]) <= 1 && Math.abs(x[i][1]) <= 1);
            assertEquals(x[i][0] * x[i][1], y[i], 1e-6);
        }
    }

    @Test
    void shuffledKeepsEachPointWithItsLabel() {
        Gradnote.seed(5);
        var d = Synthetic.blobs(new int[] {50, 50}, new double[][] {{-10, 0}, {10, 0}}, new double[] {1, 1});
        var s = d.shuffled();
        int firstHalfOnes = 0;
        for (int i = 0; i < 100; i++) {
            assertEquals(s.x()[i][0] > 0 ? 1 : 0, s.y()[i]);
            if (i < 50) firstHalfOnes += s.y()[i];
        }
        assertTrue(
                firstHalfOnes > 10 && firstHalfOnes < 40,
                "classes must be mixed, got " + firstHalfOnes + " ones in the first half");
    }

    @Test
    void signsRejectMoreThanTwoClasses() {
        var d = new Synthetic.Labeled(new double[][] {{0, 0}}, new int[] {2});
        assertThrows(IllegalStateException.class, d::signs);
    }
}
