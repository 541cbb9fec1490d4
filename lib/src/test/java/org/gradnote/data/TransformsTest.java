package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Shifts, rotations, noise and the data sets that apply them at load time. */
class TransformsTest {
    static final SplittableRandom RNG = new SplittableRandom(1);

    /** A [1, h, w] image whose pixel (i, j) holds 1 + i * w + j, so every pixel is told apart from the fill 0. */
    static Tensor ramp(int h, int w) {
        double[] v = new double[h * w];
        for (int k = 0; k < v.length; k++) v[k] = 1 + k;
        return Tensor.fromArray(DType.FLOAT64, v, 1, h, w);
    }

    static double at(Tensor img, int i, int j) {
        return img.toDoubleArray()[i * (int) img.size(-1) + j];
    }

    @Test
    void shiftMovesEveryPixelDownAndRightAndFillsWithZero() {
        Tensor x = ramp(4, 5), y = Transforms.shift(1, 2).apply(x, RNG);
        assertArrayEquals(x.shape(), y.shape());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = i >= 1 && j >= 2 ? at(x, i - 1, j - 2) : 0;
                assertEquals(expected, at(y, i, j), "pixel " + i + "," + j);
            }
        }
        Tensor back = Transforms.shift(-1, -2).apply(y, RNG);
        assertEquals(at(x, 1, 1), at(back, 1, 1));
        assertEquals(0, at(back, 3, 4));
    }

    @Test
    void randomShiftIsAWholePixelShiftWithinRangeAndCoversIt() {
        Tensor x = ramp(8, 8);
        Set<List<Integer>> seen = new HashSet<>();
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            Tensor y = Transforms.randomShift(2).apply(x, rng);
            // Pixel (3, 3) holds 28; its new position gives the shift.
            double[] v = y.toDoubleArray();
            int pos = -1;
            for (int k = 0; k < v.length; k++) if (v[k] == 28) pos = k;
            int dy = pos / 8 - 3, dx = pos % 8 - 3;
            assertTrue(Math.abs(dy) <= 2 && Math.abs(dx) <= 2, "shift " + dy + "," + dx);
            assertArrayEquals(Transforms.shift(dy, dx).apply(x, rng).toDoubleArray(), v);
            seen.add(List.of(dy, dx));
        }
        assertEquals(25, seen.size(), "all 5x5 shifts are drawn");
    }

    @Test
    void rotationByZeroIsTheIdentity() {
        Tensor x = ramp(8, 8);
        assertArrayEquals(
                x.toDoubleArray(), Transforms.rotation(0).apply(x, RNG).toDoubleArray());
        assertArrayEquals(
                x.toDoubleArray(), Transforms.randomRotation(0).apply(x, RNG).toDoubleArray());
    }

    @Test
    void rotationByNinetyDegreesTurnsTheImageCounterClockwise() {
        Tensor x = ramp(5, 5), y = Transforms.rotation(90).apply(x, RNG);
        // Counter-clockwise: the right column becomes the top row, read left to right from the top-right corner down.
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) assertEquals(at(x, j, 4 - i), at(y, i, j), 1e-12, "pixel " + i + "," + j);
        }
    }

    @Test
    void smallRotationInterpolatesBilinearly() {
        // A rotation keeps the centre pixel of an odd image; every output is a convex mix of input pixels (or 0).
        Tensor x = ramp(5, 5), y = Transforms.rotation(10).apply(x, RNG);
        assertEquals(at(x, 2, 2), at(y, 2, 2), 1e-12);
        assertNotEquals(at(x, 0, 2), at(y, 0, 2));
        double max = Arrays.stream(x.toDoubleArray()).max().orElseThrow();
        for (double v : y.toDoubleArray()) assertTrue(v >= 0 && v <= max);
        // Bilinear: rotating a constant image leaves interior pixels constant (weights sum to 1).
        Tensor ones = Tensor.ones(DType.FLOAT64, 1, 7, 7),
                r = Transforms.rotation(8).apply(ones, RNG);
        assertEquals(1, at(r, 3, 3), 1e-12);
        assertEquals(1, at(r, 2, 4), 1e-12);
        assertTrue(at(r, 0, 0) < 1, "corners fetch from outside the image, which is 0");
    }

    @Test
    void noiseHasTheRequestedSpreadAndKeepsShapeAndDtype() {
        Tensor x = Tensor.zeros(DType.FLOAT32, 2, 50, 50),
                y = Transforms.gaussianNoise(0.3).apply(x, RNG);
        assertArrayEquals(x.shape(), y.shape());
        assertEquals(DType.FLOAT32, y.dtype());
        double[] v = y.toDoubleArray();
        double mean = Arrays.stream(v).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum() / v.length);
        assertEquals(0, mean, 0.02);
        assertEquals(0.3, sd, 0.02);
    }

    @Test
    void sameSeedRepeatsDifferentSeedsDiffer() {
        Transform t = Transforms.compose(
                Transforms.randomShift(1), Transforms.randomRotation(15), Transforms.gaussianNoise(0.1));
        Tensor x = ramp(8, 8);
        double[] a = t.apply(x, new SplittableRandom(3)).toDoubleArray();
        assertArrayEquals(a, t.apply(x, new SplittableRandom(3)).toDoubleArray());
        assertFalse(Arrays.equals(a, t.apply(x, new SplittableRandom(4)).toDoubleArray()));
    }

    @Test
    void transformedDatasetAugmentsInputsOnlyAndRepeatsWithItsSeed() {
        int n = 6;
        double[] px = new double[n * 16];
        for (int k = 0; k < px.length; k++) px[k] = k % 7;
        long[] labels = {0, 1, 2, 3, 4, 5};
        TensorDataset base = new TensorDataset(Tensor.fromArray(DType.FLOAT64, px, n, 1, 4, 4), Tensor.of(labels));
        Transform t = Transforms.compose(Transforms.randomShift(1), Transforms.gaussianNoise(0.5));
        List<double[]> first = epochs(DataLoader.of(base.map(t, 11), 4).shuffled(5));
        List<double[]> again = epochs(DataLoader.of(base.map(t, 11), 4).shuffled(5));
        List<double[]> other = epochs(DataLoader.of(base.map(t, 12), 4).shuffled(5));
        for (int i = 0; i < first.size(); i++) assertArrayEquals(first.get(i), again.get(i), "batch " + i);
        assertFalse(Arrays.equals(first.get(0), other.get(0)));
        // Each load draws anew: the second epoch's batches are not the first epoch's.
        assertFalse(Arrays.equals(first.get(0), first.get(first.size() / 2)));

        TransformedDataset d = new TransformedDataset(base, t, 9);
        Tensor[] ex = d.get(2);
        assertEquals(2, ex[1].item(), "the target passes unchanged");
        assertArrayEquals(new long[] {1, 4, 4}, ex[0].shape());
        assertFalse(Arrays.equals(base.get(2)[0].toDoubleArray(), ex[0].toDoubleArray()));
        assertFalse(Arrays.equals(ex[0].toDoubleArray(), d.get(2)[0].toDoubleArray()), "a new variant each load");
        d.reset();
        assertArrayEquals(ex[0].toDoubleArray(), d.get(2)[0].toDoubleArray(), "reset restarts the draws");
    }

    /** Two epochs of a loader, each batch's inputs and labels flattened into one array. */
    static List<double[]> epochs(DataLoader loader) {
        List<double[]> out = new ArrayList<>();
        for (int e = 0; e < 2; e++) {
            for (Batch b : loader) {
                double[] x = b.x().toDoubleArray(), y = b.y().toDoubleArray();
                double[] both = Arrays.copyOf(x, x.length + y.length);
                System.arraycopy(y, 0, both, x.length, y.length);
                out.add(both);
            }
        }
        return out;
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(
                IllegalArgumentException.class, () -> Transforms.shift(1, 1).apply(Tensor.zeros(5), RNG));
        assertTrue(e.getMessage().contains("shift") && e.getMessage().contains("[5]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transforms.randomShift(-1));
        assertThrows(IllegalArgumentException.class, () -> Transforms.gaussianNoise(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Transforms.randomRotation(Double.NaN));
    }
}
