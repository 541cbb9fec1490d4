package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LossPrimitives.crossEntropy's loops: its row maximum's edge cases, and batches of different sizes in turn. */
class CrossEntropyLoopTest {
    private static float[][] lossAndGrad(float[] logits, long[] target, int classes) {
        Tensor z = Tensor.fromArray(logits, target.length, classes).requiresGrad(true);
        Tensor loss = LossPrimitives.crossEntropy(z, Tensor.of(target), true);
        loss.backward();
        return new float[][] {loss.toFloatArray(), z.grad().toFloatArray()};
    }

    @Test
    void signedZeroMaximaGiveTheSameBitsAsPlainZeros() {
        float[][] mixed = lossAndGrad(new float[] {-0f, 0f, -1f, 0f, -0f, -1f, -0f, -0f, -2f}, new long[] {0, 1, 2}, 3);
        float[][] plain = lossAndGrad(new float[] {0f, 0f, -1f, 0f, 0f, -1f, 0f, 0f, -2f}, new long[] {0, 1, 2}, 3);
        assertEquals(Float.floatToRawIntBits(plain[0][0]), Float.floatToRawIntBits(mixed[0][0]));
        assertArrayEquals(plain[1], mixed[1], 0f);
    }

    @Test
    void aNaNLogitMakesTheLossNaN() {
        float[][] r = lossAndGrad(new float[] {1f, Float.NaN, 0f, 2f}, new long[] {0, 1}, 2);
        assertTrue(Float.isNaN(r[0][0]));
    }

    @Test
    void aSmallerBatchAfterALargerOneGetsItsOwnGradient() {
        int c = 4;
        float[] big = new float[64 * c], small = new float[3 * c];
        for (int i = 0; i < big.length; i++) big[i] = (float) Math.sin(i);
        System.arraycopy(big, 0, small, 0, small.length);
        long[] yBig = new long[64], ySmall = {1, 3, 0};
        for (int i = 0; i < 64; i++) yBig[i] = i % c;
        System.arraycopy(ySmall, 0, yBig, 0, 3);
        lossAndGrad(big, yBig, c);
        float[][] s = lossAndGrad(small, ySmall, c);
        assertEquals(3 * c, s[1].length);
        // Row by row the same probabilities as in the big batch, scaled by 1/3 instead of 1/64.
        float[][] again = lossAndGrad(small, ySmall, c);
        assertArrayEquals(s[1], again[1], 0f);
    }
}
