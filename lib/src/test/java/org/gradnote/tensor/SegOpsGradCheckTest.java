package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finite-difference checks (float64) of the segmentation ops: transposed convolution and interpolation. */
class SegOpsGradCheckTest {
    @BeforeEach
    void seed() {
        Gradnote.seed(11);
    }

    static Tensor r(long... shape) {
        return Tensor.randn(FLOAT64, shape).requiresGrad(true);
    }

    @Test
    void convTranspose2dStridePaddingOutputPaddingDilation() {
        int[][][] cases = { // stride, padding, output padding, dilation
            {{1, 1}, {0, 0}, {0, 0}, {1, 1}},
            {{2, 2}, {0, 0}, {0, 0}, {1, 1}},
            {{2, 1}, {1, 0}, {1, 0}, {1, 1}},
            {{3, 2}, {1, 1}, {2, 0}, {1, 2}},
            {{1, 1}, {1, 0}, {0, 0}, {2, 2}}
        };
        for (int[][] c : cases) {
            GradCheck.check(
                    "convTranspose2d " + java.util.Arrays.deepToString(c),
                    t -> Functional.convTranspose2d(t[0], t[1], t[2], c[0], c[1], c[2], c[3]),
                    r(2, 3, 4, 3),
                    r(3, 2, 3, 2),
                    r(2));
        }
        GradCheck.check(
                "convTranspose2d one sample, no bias",
                t -> Functional.convTranspose2d(t[0], t[1], null, 2, 1),
                r(1, 2, 3, 3),
                r(2, 3, 3, 3));
    }

    @Test
    void interpolateNearestAndBilinear() {
        GradCheck.check("nearest x2", t -> Functional.interpolate(t[0], 2, "nearest", false), r(2, 2, 3, 4));
        GradCheck.check(
                "nearest to 5x3",
                t -> Functional.interpolate(t[0], new long[] {5, 3}, "nearest", false),
                r(1, 2, 3, 4));
        for (boolean align : new boolean[] {false, true}) {
            GradCheck.check(
                    "bilinear x2 align " + align,
                    t -> Functional.interpolate(t[0], 2, "bilinear", align),
                    r(2, 2, 3, 4));
            GradCheck.check(
                    "bilinear to 7x2 align " + align,
                    t -> Functional.interpolate(t[0], new long[] {7, 2}, "bilinear", align),
                    r(1, 2, 3, 4));
        }
    }

    @Test
    void convTransposeShapeAndErrors() {
        Tensor x = Tensor.randn(FLOAT64, 2, 3, 5, 5), w = Tensor.randn(FLOAT64, 3, 4, 2, 2);
        assertArrayEquals(
                new long[] {2, 4, 10, 10},
                Functional.convTranspose2d(x, w, null, 2, 0).shape());
        ShapeException e = assertThrows(
                ShapeException.class,
                () -> Functional.convTranspose2d(Tensor.randn(FLOAT64, 2, 5, 5, 5), w, null, 2, 0));
        assertTrue(
                e.getMessage().contains("convTranspose2d")
                        && e.getMessage().contains("[3, 4, 2, 2]")
                        && e.getMessage().contains("[2, 5, 5, 5]"),
                e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Functional.convTranspose2d(
                        x, w, null, new int[] {2, 2}, new int[] {0, 0}, new int[] {2, 0}, new int[] {1, 1}));
        ShapeException i = assertThrows(
                ShapeException.class, () -> Functional.interpolate(Tensor.randn(FLOAT64, 3, 5), 2, "nearest", false));
        assertTrue(i.getMessage().contains("[3, 5]"), i.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Functional.interpolate(x, 2, "bicubic", false));
    }
}
