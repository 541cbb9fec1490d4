package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finite-difference gradient checks (float64) of every {@link Functional} layer op, input and parameter gradients. */
class LayerGradCheckTest {
    @BeforeEach
    void seed() {
        Gradnote.seed(7);
    }

    static Tensor r(long... shape) {
        return Tensor.randn(FLOAT64, shape).requiresGrad(true);
    }

    @Test
    void conv2dStridePaddingDilationSame() {
        int[][][] cases = { // stride, padding, dilation
            {{1, 1}, {0, 0}, {1, 1}}, {{2, 1}, {1, 0}, {1, 1}}, {{1, 2}, {1, 2}, {2, 1}}, {{2, 2}, {0, 1}, {1, 2}}
        };
        for (int[][] c : cases) {
            String tag = java.util.Arrays.deepToString(c);
            GradCheck.check(
                    "conv2d " + tag,
                    t -> Functional.conv2d(t[0], t[1], t[2], c[0], c[1], c[2]),
                    r(2, 2, 6, 5),
                    r(3, 2, 3, 2),
                    r(3));
        }
        GradCheck.check(
                "conv2d no bias", t -> Functional.conv2d(t[0], t[1], null, 1, 1, 1), r(2, 2, 5, 5), r(3, 2, 3, 3));
        GradCheck.check(
                "conv2d same odd",
                t -> Functional.conv2d(t[0], t[1], t[2], new int[] {1, 1}, "same", new int[] {1, 1}),
                r(1, 2, 5, 6),
                r(3, 2, 3, 3),
                r(3));
        GradCheck.check(
                "conv2d same even dilated",
                t -> Functional.conv2d(t[0], t[1], t[2], new int[] {1, 1}, "same", new int[] {2, 1}),
                r(1, 2, 6, 5),
                r(2, 2, 2, 4),
                r(2));
    }

    @Test
    void conv1dStridePaddingDilationSame() {
        int[][] cases = {{1, 0, 1}, {2, 1, 1}, {1, 2, 2}, {3, 1, 2}};
        for (int[] c : cases) {
            GradCheck.check(
                    "conv1d " + java.util.Arrays.toString(c),
                    t -> Functional.conv1d(t[0], t[1], t[2], c[0], c[1], c[2]),
                    r(2, 2, 9),
                    r(3, 2, 3),
                    r(3));
        }
        GradCheck.check(
                "conv1d same even",
                t -> Functional.conv1d(t[0], t[1], t[2], 1, "same", 1),
                r(2, 2, 9),
                r(3, 2, 4),
                r(3));
        GradCheck.check(
                "conv1d valid no bias",
                t -> Functional.conv1d(t[0], t[1], null, 1, "valid", 1),
                r(1, 1, 8),
                r(2, 1, 3));
    }

    @Test
    void maxPoolTiesAndNaNAsPyTorch() {
        // torch.nn.functional.max_pool2d: the first maximum of a window takes the whole gradient; NaN wins a window.
        Tensor x =
                Tensor.of(1, 3, 3, 2, Double.NaN, 0, 5, 5).reshape(1, 2, 1, 4).requiresGrad(true);
        Tensor y = Functional.maxPool2d(x, new int[] {1, 2}, new int[] {1, 2}, new int[] {0, 0}, new int[] {1, 1});
        double[] v = y.toDoubleArray();
        assertEquals(3, v[0]);
        assertEquals(3, v[1]);
        assertTrue(Double.isNaN(v[2]));
        assertEquals(5, v[3]);
        y.mul(Tensor.of(1, 2, 3, 4).reshape(1, 2, 1, 2)).sum().backward();
        assertArrayEquals(new double[] {0, 1, 2, 0, 3, 0, 4, 0}, x.grad().toDoubleArray());
    }

    @Test
    void poolingWithStrideAndPadding() {
        // Distinct values: max pooling's finite differences are only meaningful away from ties.
        GradCheck.check("maxPool2d k2", t -> Functional.maxPool2d(t[0], 2, 2, 0), r(2, 3, 6, 6));
        GradCheck.check("maxPool2d k3 s2 p1", t -> Functional.maxPool2d(t[0], 3, 2, 1), r(2, 2, 7, 5));
        GradCheck.check(
                "maxPool2d rect dilated",
                t -> Functional.maxPool2d(t[0], new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 1}, new int[] {2, 1}),
                r(1, 2, 7, 8));
        GradCheck.check("avgPool2d k2", t -> Functional.avgPool2d(t[0], 2, 2, 0), r(2, 3, 6, 6));
        GradCheck.check("avgPool2d k3 s2 p1", t -> Functional.avgPool2d(t[0], 3, 2, 1), r(2, 2, 7, 5));
        GradCheck.check(
                "avgPool2d exclude pad",
                t -> Functional.avgPool2d(t[0], new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, false),
                r(1, 2, 5, 5));
        GradCheck.check("maxPool1d k3 s2 p1", t -> Functional.maxPool1d(t[0], 3, 2, 1, 1), r(2, 3, 10));
        GradCheck.check("maxPool1d dilated", t -> Functional.maxPool1d(t[0], 2, 1, 0, 2), r(2, 2, 9));
        GradCheck.check("avgPool1d k2", t -> Functional.avgPool1d(t[0], 2, 2, 0, true), r(2, 3, 9));
        GradCheck.check("avgPool1d k3 s1 p1", t -> Functional.avgPool1d(t[0], 3, 1, 1, true), r(2, 2, 7));
        GradCheck.check("globalAvgPool", t -> Functional.globalAvgPool(t[0]), r(2, 3, 4, 5));
    }

    @Test
    void batchNormTrainAndEval() {
        for (long[] shape : new long[][] {{6, 3}, {4, 3, 5}, {3, 2, 4, 4}}) {
            String tag = java.util.Arrays.toString(shape);
            GradCheck.check(
                    "batchNorm train " + tag,
                    t -> Functional.batchNorm(t[0], null, null, t[1], t[2], true, 0.1, 1e-5),
                    r(shape),
                    r(shape[1]),
                    r(shape[1]));
            Tensor rm = Tensor.randn(FLOAT64, shape[1]), rv = Tensor.uniform(FLOAT64, 0.5, 2, shape[1]);
            GradCheck.check(
                    "batchNorm eval " + tag,
                    t -> Functional.batchNorm(t[0], rm, rv, t[1], t[2], false, 0.1, 1e-5),
                    r(shape),
                    r(shape[1]),
                    r(shape[1]));
        }
        GradCheck.check(
                "batchNorm no affine",
                t -> Functional.batchNorm(t[0], null, null, null, null, true, 0.1, 1e-5),
                r(5, 4));
    }

    @Test
    void batchNormUpdatesRunningStatisticsWithUnbiasedVariance() {
        Tensor x = Tensor.fromArray(FLOAT64, new double[] {1, 10, 3, 20, 5, 60}, 3, 2);
        Tensor rm = Tensor.zeros(FLOAT64, 2), rv = Tensor.ones(FLOAT64, 2);
        Functional.batchNorm(x, rm, rv, null, null, true, 0.1, 1e-5);
        assertArrayEquals(new double[] {0.3, 3.0}, rm.toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0.9 + 0.1 * 4, 0.9 + 0.1 * 700}, rv.toDoubleArray(), 1e-12);
    }

    @Test
    void layerNorm() {
        GradCheck.check(
                "layerNorm last",
                t -> Functional.layerNorm(t[0], new long[] {5}, t[1], t[2], 1e-5),
                r(3, 5),
                r(5),
                r(5));
        GradCheck.check(
                "layerNorm last two",
                t -> Functional.layerNorm(t[0], new long[] {3, 4}, t[1], t[2], 1e-5),
                r(2, 3, 4),
                r(3, 4),
                r(3, 4));
        GradCheck.check(
                "layerNorm whole",
                t -> Functional.layerNorm(t[0], new long[] {2, 3}, t[1], t[2], 1e-5),
                r(2, 3),
                r(2, 3),
                r(2, 3));
        GradCheck.check(
                "layerNorm no affine", t -> Functional.layerNorm(t[0], new long[] {6}, null, null, 1e-5), r(2, 2, 6));
    }

    @Test
    void embeddingWithRepeatedIndices() {
        Tensor idx = Tensor.fromArray(DType.INT64, new double[] {1, 3, 1, 0, 3, 3}, 2, 3);
        GradCheck.check("embedding", t -> Functional.embedding(idx, t[0]), r(5, 4));
        Tensor w = r(5, 2);
        Functional.embedding(idx, w).sum().backward();
        assertArrayEquals(new double[] {1, 1, 2, 2, 0, 0, 3, 3, 0, 0}, w.grad().toDoubleArray());
    }

    @Test
    void dropoutWithSeededMask() {
        // Reseeding inside f gives every finite-difference evaluation the same mask.
        GradCheck.check(
                "dropout",
                t -> {
                    Gradnote.seed(3);
                    return Functional.dropout(t[0], 0.4, true);
                },
                r(4, 6));
        Gradnote.seed(3);
        Tensor x = Tensor.ones(FLOAT64, 1000);
        double[] y = Functional.dropout(x, 0.4, true).toDoubleArray();
        long kept = java.util.Arrays.stream(y).filter(v -> v != 0).count();
        for (double v : y)
            assertTrue(v == 0 || Math.abs(v - 1 / 0.6) < 1e-12, "kept values are scaled by 1/keep: " + v);
        assertTrue(kept > 550 && kept < 650, "about 60% kept, got " + kept);
        assertSame(x, Functional.dropout(x, 0.4, false));
    }

    @Test
    void errorsNameTheShapes() {
        var e = assertThrows(
                ShapeException.class,
                () -> Functional.conv2d(Tensor.zeros(2, 3, 8, 8), Tensor.zeros(6, 1, 3, 3), null, 1, 0, 1));
        assertTrue(e.getMessage().contains("[N, 1, H, W]") && e.getMessage().contains("[2, 3, 8, 8]"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Functional.conv1d(Tensor.zeros(1, 1, 8), Tensor.zeros(1, 1, 3), null, 2, "same", 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Functional.embedding(Tensor.of(0, 5), Tensor.zeros(5, 2)));
        assertThrows(ShapeException.class, () -> Functional.maxPool2d(Tensor.zeros(2, 8, 8), 2, 2, 0));
    }
}
