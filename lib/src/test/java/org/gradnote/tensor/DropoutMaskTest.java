package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;

/**
 * dropout's one-pass keep-mask is the composition it replaced, rand(type, shape).lt(keep).to(type), bit for bit:
 * the same draws from the seeded generator and the same comparison, at sizes around the draw buffer and for keeps
 * that do not round exactly to float32.
 */
class DropoutMaskTest {
    @Test
    void sameMaskAsRandLtTo() {
        long[][] shapes = {{0}, {1}, {7, 3}, {4095}, {4096}, {4097}, {32, 4, 64, 64}};
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (double keep : new double[] {0.9, 0.7, 0.5, 1.0 / 3, 1e-7}) {
                for (long[] shape : shapes) {
                    Gradnote.seed(11);
                    double[] want = Tensor.rand(type, shape).lt(keep).to(type).toDoubleArray();
                    double after = Tensor.rand(DType.FLOAT64, 1).item();
                    Gradnote.seed(11);
                    Tensor got = LayerPrimitives.keepMask(type, keep, shape);
                    assertEquals(type, got.dtype());
                    assertArrayEquals(shape, got.shape());
                    assertArrayEquals(want, got.toDoubleArray(), 0.0, type + " keep " + keep);
                    assertEquals(after, Tensor.rand(DType.FLOAT64, 1).item(), 0.0, "the same number of draws");
                }
            }
        }
    }

    @Test
    void scaledMaskIsTheMaskDividedByKeep() {
        long[][] shapes = {{0}, {1}, {7, 3}, {4097}, {32, 64, 128}};
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (double keep : new double[] {0.9, 0.7, 0.5, 1.0 / 3, 1e-7, 1}) {
                for (long[] shape : shapes) {
                    Gradnote.seed(23);
                    double[] want = LayerPrimitives.keepMask(type, keep, shape)
                            .div(keep)
                            .toDoubleArray();
                    double after = Tensor.rand(DType.FLOAT64, 1).item();
                    Gradnote.seed(23);
                    Tensor got = LayerPrimitives.scaledKeepMask(type, keep, shape);
                    assertEquals(type, got.dtype());
                    assertArrayEquals(shape, got.shape());
                    assertArrayEquals(want, got.toDoubleArray(), 0.0, type + " keep " + keep);
                    assertEquals(after, Tensor.rand(DType.FLOAT64, 1).item(), 0.0, "the same number of draws");
                }
            }
        }
    }

    @Test
    void float32ComparesTheRoundedDrawWithTheRoundedKeep() {
        // (float) 0.7 is below 0.7: ND4J's lt on a float32 array compares in float32, so the mask does too.
        float k = (float) 0.7;
        assertTrue(k < 0.7);
        assertFalse(Tensor.of(new float[] {k}).lt(0.7).toDoubleArray()[0] != 0, "ND4J's lt compares in float32");
        Gradnote.seed(5);
        double[] masks = LayerPrimitives.keepMask(DType.FLOAT32, 0.7, new long[] {200_000})
                .toDoubleArray();
        Gradnote.seed(5);
        double[] u = new double[200_000];
        Gradnote.fillUniform(u, 0, 1);
        for (int i = 0; i < u.length; i++) assertEquals((float) u[i] < k ? 1 : 0, masks[i], 0.0, "draw " + u[i]);
    }
}
