package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The shape images: shapes and dtypes, every class present, repeatable from the seed, shapes brighter than background. */
class ShapesTest {
    @Test
    void imagesAndMasks() {
        Shapes.Set s = Shapes.generate(40, 24, 5);
        assertArrayEquals(new long[] {40, 1, 24, 24}, s.images().shape());
        assertArrayEquals(new long[] {40, 24, 24}, s.masks().shape());
        long[] m = s.masks().toLongArray();
        double[] v = s.images().toDoubleArray();
        long[] count = new long[4];
        double[] sum = new double[4];
        for (int i = 0; i < m.length; i++) {
            count[(int) m[i]]++;
            sum[(int) m[i]] += v[i];
        }
        for (int c = 0; c < 4; c++) assertTrue(count[c] > 0, "class " + c + " appears");
        for (int c = 1; c < 4; c++)
            assertTrue(sum[c] / count[c] > sum[0] / count[0] + 0.3, "shape " + c + " is bright");
        assertArrayEquals(m, Shapes.generate(40, 24, 5).masks().toLongArray(), "same seed, same masks");
        assertFalse(
                java.util.Arrays.equals(m, Shapes.generate(40, 24, 6).masks().toLongArray()));
        assertThrows(IllegalArgumentException.class, () -> Shapes.generate(3, 8, 1));
    }
}
