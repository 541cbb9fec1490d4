package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-entropy through the C loops gives the Java loop's floats, loss and gradient, bit for bit: on ordinary
 * logits, on confident ones (where the target's gradient cancels and the rows are redone with Math.exp), on rows
 * the C side leaves to Java, and when the C loops are turned off between the passes.
 */
class CrossEntropyRowsTest {
    private ComputePath forced;

    @BeforeEach
    void pinAuto() {
        forced = Tensor.computePath();
    }

    @AfterEach
    void restorePath() {
        Tensor.setComputePath(forced);
    }

    private static float[][] lossAndGrad(ComputePath path, float[] logits, long[] target, int c, boolean mean) {
        Tensor.setComputePath(path);
        Tensor z = Tensor.fromArray(logits, target.length, c).requiresGrad(true);
        Tensor loss = LossPrimitives.crossEntropy(z, Tensor.of(target), mean);
        // An output gradient other than 1, so that gs is not just the scale.
        loss.mul(-3.7).backward();
        return new float[][] {loss.toFloatArray(), z.grad().toFloatArray()};
    }

    private static void assertSameBits(float[] logits, long[] target, int c, String what) {
        for (boolean mean : new boolean[] {true, false}) {
            float[][] java = lossAndGrad(ComputePath.LOOP, logits, target, c, mean);
            float[][] auto = lossAndGrad(ComputePath.AUTO, logits, target, c, mean);
            String name = what + (mean ? " (mean)" : " (sum)");
            assertEquals(bits(java[0][0]), bits(auto[0][0]), name + ": loss " + java[0][0] + " vs " + auto[0][0]);
            for (int i = 0; i < java[1].length; i++) {
                if (bits(java[1][i]) != bits(auto[1][i]))
                    assertEquals(bits(java[1][i]), bits(auto[1][i]), name + ": gradient element " + i);
            }
        }
    }

    /**
     * The float's bits, every NaN as one: which NaN an addition of two NaNs keeps depends on the operand order the JIT
     * picked (the full suite compiled the loops the Java path and the C path share differently), which no path fixes.
     */
    private static int bits(float f) {
        return Float.floatToIntBits(f);
    }

    private static long[] targets(SplittableRandom r, int n, int c) {
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(c);
        return y;
    }

    @Test
    void randomLogitsOfEveryScaleGiveTheJavaLoopsFloats() {
        SplittableRandom r = new SplittableRandom(23);
        int[][] shapes = {{1000, 10}, {257, 1}, {64, 3}, {40, 1000}, {3, 20_000}};
        for (int[] s : shapes) {
            for (double sigma : new double[] {1e-3, 0.3, 1, 10, 300}) {
                float[] z = new float[s[0] * s[1]];
                for (int i = 0; i < z.length; i++) z[i] = (float) (sigma * r.nextGaussian());
                assertSameBits(z, targets(r, s[0], s[1]), s[1], s[0] + "x" + s[1] + " sigma " + sigma);
            }
        }
    }

    @Test
    void confidentRowsAreRedoneWithMathExp() {
        // The target's gradient p gs - gs cancels to ~1e-10 of gs: far inside the C bound, so every row is redone.
        SplittableRandom r = new SplittableRandom(7);
        int n = 1000, c = 10;
        long[] y = targets(r, n, c);
        for (double gap : new double[] {8, 16, 25, 60}) {
            float[] z = new float[n * c];
            for (int i = 0; i < z.length; i++) z[i] = (float) r.nextGaussian();
            for (int i = 0; i < n; i++) z[i * c + (int) y[i]] += (float) gap;
            assertSameBits(z, y, c, "gap " + gap);
        }
    }

    @Test
    void rowsTheCLoopLeavesToJavaStillMatch() {
        float inf = Float.POSITIVE_INFINITY;
        float[] z = {
            1f,
            Float.NaN,
            0f, // a NaN wins the maximum
            inf,
            0f,
            1f, // an infinite logit
            -inf,
            0f,
            1f,
            3e6f,
            -2e6f,
            1f, // beyond the C loop's limit
            0.5f,
            -0.25f,
            2f // an ordinary row between them
        };
        assertSameBits(z, new long[] {0, 1, 2, 0, 2}, 3, "edge rows");
        float[] finite = {3e6f, -2e6f, 1f, 0.5f, -0.25f, 2f, -7e5f, 7e5f, 0f};
        assertSameBits(finite, new long[] {1, 2, 0}, 3, "huge finite rows");
    }

    @Test
    void turningTheCLoopsOffBeforeTheBackwardKeepsTheFloats() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 200, c = 7;
        float[] logits = new float[n * c];
        for (int i = 0; i < logits.length; i++) logits[i] = (float) (2 * r.nextGaussian());
        long[] y = targets(r, n, c);
        float[][] java = lossAndGrad(ComputePath.LOOP, logits, y, c, true);
        Tensor.setComputePath(ComputePath.AUTO);
        Tensor z = Tensor.fromArray(logits, n, c).requiresGrad(true);
        Tensor loss = LossPrimitives.crossEntropy(z, Tensor.of(y), true);
        Tensor.setComputePath(ComputePath.LOOP);
        loss.mul(-3.7).backward();
        float[] g = z.grad().toFloatArray();
        assertEquals(bits(java[0][0]), bits(loss.toFloatArray()[0]));
        for (int i = 0; i < g.length; i++) assertEquals(bits(java[1][i]), bits(g[i]), "gradient element " + i);
    }
}
