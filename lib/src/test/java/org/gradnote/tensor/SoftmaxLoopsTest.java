package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * softmax's backward from the saved output, as a Java loop and as native ops: both libnd4j's softmax_bp (which reads
 * the input) bit for bit, along every dimension, float32 and float64, masked (-inf) and NaN entries included.
 */
class SoftmaxLoopsTest {
    private static final long[][] SHAPES = {{32, 4, 64, 64}, {7, 13}, {3, 5, 1000}, {2, 3, 4}, {5, 1}, {100, 257}};

    private ComputePath forced;

    @BeforeEach
    void remember() {
        forced = Tensor.computePath();
    }

    @AfterEach
    void restorePath() {
        Tensor.setComputePath(forced);
    }

    @Test
    void loopAndNativeRuleAreSoftmaxBpToTheBit() {
        Nd4j.getRandom().setSeed(7);
        for (ComputePath path : new ComputePath[] {ComputePath.AUTO, ComputePath.NATIVE}) {
            Tensor.setComputePath(path);
            for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                for (long[] shape : SHAPES) {
                    for (int d = 0; d < shape.length; d++) {
                        INDArray x = Nd4j.randn(t, shape).muli(3), g = Nd4j.randn(t, shape);
                        maskSome(x);
                        check(path + " " + t + " " + Arrays.toString(shape) + " along " + d, x, g, d);
                    }
                }
            }
        }
    }

    @Test
    void loopRunsUnderAutoAndNotUnderNative() {
        INDArray y = Nd4j.rand(DataType.FLOAT, 4, 5), g = Nd4j.rand(DataType.FLOAT, 4, 5);
        Tensor.setComputePath(ComputePath.AUTO);
        assertNotNull(SoftmaxLoops.backward(y, g, 1));
        Tensor.setComputePath(ComputePath.NATIVE);
        assertNull(SoftmaxLoops.backward(y, g, 1));
    }

    @Test
    void fullyMaskedRowGivesNaNAsTorch() {
        Tensor.setComputePath(ComputePath.AUTO);
        double inf = Double.NEGATIVE_INFINITY;
        Tensor x = Tensor.of(new double[] {inf, inf, 0, 1}).reshape(2, 2).requiresGrad(true);
        x.softmax(1)
                .mul(Tensor.of(new double[] {1, 2, 3, 4}).reshape(2, 2))
                .sum()
                .backward();
        double[] dx = x.grad().toDoubleArray();
        assertEquals(Double.NaN, dx[0]);
        assertEquals(Double.NaN, dx[1]);
        double p0 = 1 / (1 + Math.E), p1 = Math.E / (1 + Math.E), mean = 3 * p0 + 4 * p1;
        assertEquals(p0 * (3 - mean), dx[2], 1e-7); // float32, the default dtype
        assertEquals(p1 * (4 - mean), dx[3], 1e-7);
    }

    @Test
    void theRuleReadsTheOutputSoChangingItInPlaceIsRefused() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor y = x.softmax(0);
        y.mul_(2);
        assertThrows(IllegalStateException.class, () -> y.sum().backward());
    }

    /** A quarter of the rows along the last dimension get a -inf entry, as an attention mask's. */
    private static void maskSome(INDArray x) {
        long last = x.size(x.rank() - 1);
        for (long i = 0; i < x.length(); i += 4 * last + 1) x.putScalar(i, Double.NEGATIVE_INFINITY);
    }

    private static void check(String what, INDArray x, INDArray g, int d) {
        INDArray y = Engine.empty(x.dataType(), x.shape()), expected = Engine.empty(x.dataType(), x.shape());
        Engine.exec("softmax", new INDArray[] {x}, new INDArray[] {y}, new long[] {d}, null, null);
        Engine.exec("softmax_bp", new INDArray[] {x, g}, new INDArray[] {expected}, new long[] {d}, null, null);
        INDArray actual = DimOp.SOFTMAX.grad(g, y, d);
        if (x.dataType() == DataType.FLOAT) {
            assertArrayEquals(bits(Engine.floats(expected)), bits(Engine.floats(actual)), what);
        } else {
            assertArrayEquals(bits(Engine.doubles(expected)), bits(Engine.doubles(actual)), what);
        }
    }

    private static int[] bits(float[] v) {
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Float.floatToIntBits(v[i]);
        return b;
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Double.doubleToLongBits(v[i]);
        return b;
    }
}
