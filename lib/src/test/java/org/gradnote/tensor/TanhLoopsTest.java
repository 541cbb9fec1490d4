package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** tanh's loops: a correctly rounded forward; torch's g (1 - y²) backward, bit for bit, close to libnd4j's tanh_bp. */
class TanhLoopsTest {
    private ComputePath forced;

    @BeforeEach
    void pinAuto() {
        forced = Tensor.computePath();
        Tensor.setComputePath(ComputePath.AUTO);
    }

    @AfterEach
    void restorePath() {
        Tensor.setComputePath(forced);
    }

    @Test
    void float32LoopIsTorchsArithmeticAndAgreesWithTanhBp() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 55_000;
        float[] x = new float[n], g = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (4 * r.nextGaussian());
            g[i] = (float) r.nextGaussian();
        }
        INDArray xa = Nd4j.createFromArray(x), ga = Nd4j.createFromArray(g);
        INDArray y = Engine.unary("tanh", xa, null);
        INDArray dx = TanhLoops.backward(y, ga);
        assertNotNull(dx);
        INDArray bp = Engine.unaryBackward("tanh_bp", xa, ga, null);
        float[] ys = Engine.floats(y), d = Engine.floats(dx), b = Engine.floats(bp);
        for (int i = 0; i < n; i++) {
            assertEquals(g[i] * (1f - ys[i] * ys[i]), d[i], 0f, "element " + i);
            assertEquals(b[i], d[i], 1e-6 * Math.abs(g[i]) + 1e-30, "tanh_bp at element " + i);
        }
    }

    @Test
    void forwardIsCorrectlyRoundedWhereLibnd4jIsNot() {
        SplittableRandom r = new SplittableRandom(6);
        int n = 55_000, nativeOff = 0;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (3 * (r.nextDouble() - 0.5) * Math.exp(-5 * r.nextDouble()));
        INDArray xa = Nd4j.createFromArray(x);
        float[] y = Engine.floats(TanhLoops.forward(xa)), nat = Engine.floats(Engine.unary("tanh", xa, null));
        for (int i = 0; i < n; i++) {
            float exact = (float) Math.tanh(x[i]);
            assertEquals(exact, y[i], Math.ulp(exact), "element " + i + " (x = " + x[i] + ")");
            if (Math.abs(nat[i] - exact) > 4 * Math.ulp(exact)) nativeOff++;
        }
        // Why the loop exists: were libnd4j's tanh as close, this test would say so.
        org.junit.jupiter.api.Assertions.assertTrue(nativeOff > 0, "libnd4j's tanh is within 4 ulp everywhere now");
        float[] edges = {0, -0f, 1e-30f, -1e-10f, 0.0625f, -0.0625f, 20, -20, Float.MAX_VALUE, Float.NaN};
        float[] out = Engine.floats(TanhLoops.forward(Nd4j.createFromArray(edges)));
        for (int i = 0; i < edges.length; i++) {
            assertEquals((float) Math.tanh(edges[i]), out[i], 0f, "tanh(" + edges[i] + ")");
        }
        assertNull(TanhLoops.forward(Nd4j.createFromArray(0.5, 1.0)), "float64 stays with libnd4j's accurate tanh");
    }

    /**
     * The forward loop writes RecurrentPrimitives.tanh out: the same float as that function rounded, NaN bits
     * included. This sweeps every 4093rd bit pattern (both signs, subnormals, infinities, NaNs) and the values around
     * the polynomial's bound.
     */
    @Test
    void forwardIsRecurrentPrimitivesTanhToTheBit() {
        int n = (int) ((1L << 32) / 4093) + 1;
        float[] x = new float[n + 4];
        for (int i = 0; i < n; i++) x[i] = Float.intBitsToFloat((int) (i * 4093L));
        x[n] = Math.nextDown(0.0625f);
        x[n + 1] = -Math.nextDown(0.0625f);
        x[n + 2] = Float.intBitsToFloat(0xffc00001); // a NaN with its sign bit set
        x[n + 3] = Float.NEGATIVE_INFINITY;
        float[] y = Engine.floats(TanhLoops.forward(Nd4j.createFromArray(x)));
        for (int i = 0; i < x.length; i++) {
            int want = Float.floatToRawIntBits((float) RecurrentPrimitives.tanh(x[i]));
            if (want != Float.floatToRawIntBits(y[i])) {
                assertEquals(
                        Integer.toHexString(want),
                        Integer.toHexString(Float.floatToRawIntBits(y[i])),
                        "tanh of bits " + Integer.toHexString(Float.floatToRawIntBits(x[i])));
            }
        }
    }

    @Test
    void float64LoopAndEmptyArrays() {
        double[] x = {-20, -1, -1e-9, 0, 1e-9, 0.5, 3, 20}, g = {1, 2, 3, 4, 5, 6, 7, 8};
        INDArray y = Engine.unary("tanh", Nd4j.createFromArray(x), null);
        double[] d = Engine.doubles(TanhLoops.backward(y, Nd4j.createFromArray(g)));
        double[] ys = Engine.doubles(y);
        for (int i = 0; i < x.length; i++) assertEquals(g[i] * (1 - ys[i] * ys[i]), d[i], 0.0);
        INDArray empty = Nd4j.create(DataType.FLOAT, 0);
        assertEquals(0, TanhLoops.backward(empty, empty).length());
    }

    @Test
    void forcedNativePathLeavesItToTanhBp() {
        Tensor.setComputePath(ComputePath.NATIVE);
        INDArray y = Nd4j.createFromArray(0.5f, -0.25f);
        assertNull(TanhLoops.backward(y, Nd4j.createFromArray(1f, 1f)));
        assertNull(TanhLoops.forward(y));
    }
}
