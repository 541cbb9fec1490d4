package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MaxPoolTest {
    /** First maximum in row-major window order, a NaN beating any number: PyTorch's choice, written plainly. */
    private static int reference(float[] src, int base, int w, int y, int x) {
        int at = -1;
        float best = 0;
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                int i = base + (2 * y + dy) * w + 2 * x + dx;
                boolean better = at < 0 || (!Float.isNaN(best) && (Float.isNaN(src[i]) || src[i] > best));
                if (better) best = src[at = i];
            }
        }
        return at;
    }

    /**
     * Few distinct values, so that windows hold ties (-0 against +0 too); NaNs of both signs, infinities, denormals.
     */
    private static final float[] PICK = {
        Float.NaN,
        Float.intBitsToFloat(0xffc00001),
        Float.NEGATIVE_INFINITY,
        Float.POSITIVE_INFINITY,
        0f,
        -0f,
        1f,
        2f,
        -1f,
        -2f,
        Float.MIN_VALUE,
        -Float.MIN_VALUE,
        Float.MAX_VALUE,
        0f,
        1f,
        -1f
    };

    private static float[] windows(SplittableRandom r, int n) {
        float[] src = new float[n];
        for (int i = 0; i < n; i++) src[i] = PICK[r.nextInt(PICK.length)];
        return src;
    }

    /**
     * The C loop (eight windows at a time in vector lanes, the rest one by one) against the same rule, on rows wide
     * enough for both: values bit for bit (a zero's sign, a NaN's payload) and winners.
     */
    @Test
    void theCLoopPicksTheSameWinnersInItsVectorLanesAndItsTail() {
        SplittableRandom r = new SplittableRandom(8);
        for (int[] dims : new int[][] {{2, 4, 32}, {3, 6, 34}, {1, 2, 50}, {64, 16, 16}, {2, 8, 15}}) {
            int planes = dims[0], h = dims[1], w = dims[2], n = planes * h * w, oh = h / 2, ow = w / 2;
            float[] src = windows(r, n);
            INDArray x = Nd4j.createFromArray(src), out = Nd4j.create(DataType.FLOAT, (long) planes * oh * ow);
            long[] at = NativeLoops.addresses(DataType.FLOAT, n, x);
            long[] to = NativeLoops.addresses(DataType.FLOAT, out.length(), out);
            assumeTrue(at != null && to != null, "C loops not loaded: " + NativeLoops.status());
            int[] argmax = new int[planes * oh * ow];
            NativeLoops.maxPool2x2(at[0], 0, planes, h, w, to[0], argmax);
            float[] dst = Engine.floats(out);
            int o = 0;
            for (int p = 0; p < planes; p++) {
                for (int y = 0; y < oh; y++) {
                    for (int q = 0; q < ow; q++, o++) {
                        int want = reference(src, p * h * w, w, y, q);
                        String where = java.util.Arrays.toString(dims) + " output " + o;
                        assertTrue(argmax[o] == want, "winner at " + where);
                        assertTrue(
                                Float.floatToRawIntBits(dst[o]) == Float.floatToRawIntBits(src[want]),
                                "value at " + where);
                    }
                }
            }
        }
    }

    @Test
    void theTwoByTwoPathPicksWhatTheGeneralRuleSaysWithTiesNansAndOddEdges() {
        SplittableRandom r = new SplittableRandom(5);
        for (int[] dims : new int[][] {{3, 8, 8}, {2, 5, 7}, {1, 2, 2}, {4, 3, 9}, {64, 16, 16}}) {
            int planes = dims[0], h = dims[1], w = dims[2], n = planes * h * w, oh = h / 2, ow = w / 2;
            float[] src = windows(r, n);
            float[] dst = new float[planes * oh * ow];
            int[] argmax = new int[dst.length];
            MaxPool.forward2x2(src, 0, planes, h, w, dst, argmax);
            int[] expected = new int[dst.length];
            float[] values = new float[dst.length];
            int o = 0;
            for (int p = 0; p < planes; p++) {
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++, o++) values[o] = src[expected[o] = reference(src, p * h * w, w, y, x)];
                }
            }
            assertArrayEquals(expected, argmax, "argmax for " + java.util.Arrays.toString(dims));
            assertArrayEquals(values, dst, "values for " + java.util.Arrays.toString(dims));
            // Inference's loop, without the indices: the same bits (the sign of a zero, a NaN's payload).
            float[] only = new float[dst.length];
            MaxPool.values2x2(src, 0, planes, h, w, only);
            for (int i = 0; i < only.length; i++) {
                assertTrue(
                        Float.floatToRawIntBits(only[i]) == Float.floatToRawIntBits(dst[i]),
                        "values2x2 at " + i + " for " + java.util.Arrays.toString(dims));
            }
        }
    }

    @Test
    void onlyThePlainCoursesWindowTakesTheShortcut() {
        assertTrue(MaxPool.isPlain2x2(new LayerPrimitives.Window(2, 2, 2, 2, 0, 0, 1, 1, false)));
        for (LayerPrimitives.Window w : new LayerPrimitives.Window[] {
            new LayerPrimitives.Window(2, 2, 1, 1, 0, 0, 1, 1, false),
                    new LayerPrimitives.Window(2, 2, 2, 2, 1, 1, 1, 1, false),
            new LayerPrimitives.Window(2, 2, 2, 2, 0, 0, 2, 2, false),
                    new LayerPrimitives.Window(2, 2, 2, 2, 0, 0, 1, 1, true),
            new LayerPrimitives.Window(3, 3, 2, 2, 0, 0, 1, 1, false)
        }) {
            assertTrue(!MaxPool.isPlain2x2(w), w.toString());
        }
    }

    @Test
    void withoutGradientTheSameValues() {
        org.gradnote.Gradnote.seed(8);
        for (int[] k : new int[][] {{2, 2, 0}, {3, 1, 1}}) {
            for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                Tensor x = Tensor.randn(type, 4, 3, 10, 12);
                Tensor tracked = Functional.maxPool2d(x.detach().requiresGrad(true), k[0], k[1], k[2]);
                Tensor plain;
                try (var g = Tensor.noGrad()) {
                    plain = Functional.maxPool2d(x, k[0], k[1], k[2]);
                }
                assertArrayEquals(tracked.toDoubleArray(), plain.toDoubleArray(), 0.0, type + " kernel " + k[0]);
            }
        }
    }
}
