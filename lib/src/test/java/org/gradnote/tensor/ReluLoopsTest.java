package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluLoopsTest {
    // This class checks the AUTO policy's own choices (what starts on the heap, which sizes loop): pinned to AUTO
    // when the suite runs on a forced path.
    private ComputePath forced;

    @org.junit.jupiter.api.BeforeEach
    void pinAuto() {
        forced = Tensor.computePath();
        Tensor.setComputePath(ComputePath.AUTO);
    }

    @org.junit.jupiter.api.AfterEach
    void restorePath() {
        Tensor.setComputePath(forced);
    }

    @Test
    void javaLoopIsBitIdenticalToNativeReluBpIncludingZerosAndPassesGradientAtNaNAsTorch() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 12_288;
        float[] x = new float[n], g = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
            g[i] = (float) r.nextGaussian();
        }
        x[0] = 0f;
        x[1] = -0f;
        x[2] = Float.NaN;
        x[3] = Float.MIN_VALUE;
        x[4] = Float.POSITIVE_INFINITY;
        x[5] = Float.NEGATIVE_INFINITY;
        g[6] = Float.NaN;
        x[6] = 1f;
        x[7] = -Float.MIN_VALUE;
        x[8] = Float.intBitsToFloat(0xffc00001); // a NaN with the sign bit set
        x[9] = Float.MAX_VALUE;
        x[10] = -Float.MAX_VALUE;
        INDArray xa = Nd4j.createFromArray(x).reshape(32, 6, 8, 8),
                ga = Nd4j.createFromArray(g).reshape(32, 6, 8, 8);
        INDArray expected = Nd4j.createUninitialized(DataType.FLOAT, 32, 6, 8, 8);
        Engine.exec("relu_bp", new INDArray[] {xa, ga}, new INDArray[] {expected}, null, null, new double[] {0.0});
        INDArray actual = Nd4j.createUninitialized(DataType.FLOAT, 32, 6, 8, 8);
        ReluLoops.backward(xa, ga, actual);
        // relu_bp passes nothing at a NaN input; torch's threshold_backward (x <= 0 ? 0 : g) passes g there.
        expected.putScalar(2, g[2]);
        expected.putScalar(8, g[8]);
        assertArrayEquals(expected.data().asInt(), actual.data().asInt(), "bit patterns");
        assertEquals(g[2], actual.getFloat(2), "a NaN input passes its gradient, as torch's relu");
        assertEquals(g[8], actual.getFloat(8), "so does a NaN with its sign bit set");
        assertEquals(0, Float.floatToRawIntBits(actual.getFloat(7)), "a negative denormal input gives +0");
        assertEquals(Float.NaN, actual.getFloat(6), "a NaN gradient at a positive input passes");
    }

    @Test
    void reluGradientThroughAutogradMatchesTheNativePairInFloat32AndFloat64() {
        Tensor x = Tensor.randn(32, 6, 8, 8).requiresGrad(true);
        Tensor y = x.relu();
        Tensor w = Tensor.randn(32, 6, 8, 8);
        y.mul(w).sum().backward();
        Tensor x64 = x.detach().to(DType.FLOAT64).requiresGrad(true);
        x64.relu().mul(w.to(DType.FLOAT64)).sum().backward();
        assertArrayEquals(x64.grad().to(DType.FLOAT32).toFloatArray(), x.grad().toFloatArray());
    }

    @Test
    void forwardLoopsAreBitIdenticalToTheNativeRelu() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 3620;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * Math.pow(10, r.nextInt(-40, 30)));
        float[] special = {
            0f,
            -0f,
            Float.NaN,
            -Float.NaN,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY
        };
        System.arraycopy(special, 0, x, 0, special.length);
        INDArray xa = Nd4j.createFromArray(x).reshape(1, 10, 362);
        INDArray expected = Nd4j.createUninitialized(DataType.FLOAT, 1, 10, 362);
        Engine.exec("relu", new INDArray[] {xa}, new INDArray[] {expected}, null, null, new double[] {0.0});
        INDArray actual = Nd4j.createUninitialized(DataType.FLOAT, 1, 10, 362);
        org.junit.jupiter.api.Assertions.assertTrue(ReluLoops.forward(xa, actual));
        assertArrayEquals(expected.data().asInt(), actual.data().asInt(), "bit patterns");
        // Past the Java loop's limit only the C loop (when loaded) takes the forward, with the same bits.
        INDArray big = Nd4j.createFromArray(java.util.Arrays.copyOf(x, 50_000)),
                bigOut = Nd4j.zeros(DataType.FLOAT, 50_000);
        org.junit.jupiter.api.Assertions.assertEquals(
                NativeLoops.enabled() || Dispatch.loop(50_000, Dispatch.RELU_FORWARD_LOOP_MAX),
                ReluLoops.forward(big, bigOut));
        if (NativeLoops.enabled() || Dispatch.loop(50_000, Dispatch.RELU_FORWARD_LOOP_MAX)) {
            INDArray bigExpected = Nd4j.createUninitialized(DataType.FLOAT, 50_000);
            Engine.exec("relu", new INDArray[] {big}, new INDArray[] {bigExpected}, null, null, new double[] {0.0});
            assertArrayEquals(bigExpected.data().asInt(), bigOut.data().asInt(), "bit patterns, 50,000 elements");
        }
    }

    @Test
    void smallStridedCopiesGatherTheViewInCOrder() {
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray base = Nd4j.linspace(1, 3620, 3620).castTo(t).reshape(1, 362, 10);
            INDArray view = base.permute(0, 2, 1);
            INDArray dst = Nd4j.createUninitialized(t, 1, 10, 362);
            org.junit.jupiter.api.Assertions.assertTrue(StridedCopy.copy(view, dst));
            assertEquals(view.dup('c'), dst);
            // A stepped slice from the first element; an offset one is left to the native copy.
            INDArray big = Nd4j.linspace(1, 600, 600).castTo(t).reshape(20, 30);
            INDArray part = big.get(
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2, 15),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 3, 29));
            INDArray d2 = Nd4j.createUninitialized(t, part.shape());
            org.junit.jupiter.api.Assertions.assertTrue(StridedCopy.copy(part, d2));
            assertEquals(part.dup('c'), d2);
            INDArray shifted = big.get(
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(3, 2, 15),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(5, 3, 29));
            org.junit.jupiter.api.Assertions.assertFalse(
                    StridedCopy.copy(shifted, Nd4j.createUninitialized(t, shifted.shape())));
            assertEquals(shifted.dup('c'), Engine.contiguous(shifted));
            assertEquals(shifted.permute(1, 0).dup('c'), Engine.contiguous(shifted.permute(1, 0)));
        }
        INDArray cube = Nd4j.linspace(1, 120, 120)
                .castTo(DataType.FLOAT)
                .reshape(4, 5, 6)
                .permute(2, 0, 1);
        INDArray c3 = Nd4j.createUninitialized(DataType.FLOAT, 6, 4, 5);
        org.junit.jupiter.api.Assertions.assertTrue(StridedCopy.copy(cube, c3));
        assertEquals(cube.dup('c'), c3);
        INDArray four = Nd4j.linspace(1, 120, 120)
                .castTo(DataType.FLOAT)
                .reshape(2, 3, 4, 5)
                .permute(3, 2, 1, 0);
        org.junit.jupiter.api.Assertions.assertFalse(
                StridedCopy.copy(four, Nd4j.createUninitialized(DataType.FLOAT, 5, 4, 3, 2)));
        assertEquals(four.dup('c'), Engine.contiguous(four), "four real dimensions go to the native copy");
        org.junit.jupiter.api.Assertions.assertFalse(
                StridedCopy.copy(Nd4j.zeros(DataType.INT32, 3, 4).transpose(), Nd4j.zeros(DataType.INT32, 4, 3)));
    }
}
