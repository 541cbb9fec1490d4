package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluGradTest {
    @Test
    void javaLoopIsBitIdenticalToNativeReluBpIncludingZerosAndNaN() {
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
        INDArray xa = Nd4j.createFromArray(x).reshape(32, 6, 8, 8), ga = Nd4j.createFromArray(g).reshape(32, 6, 8, 8);
        INDArray expected = Nd4j.createUninitialized(DataType.FLOAT, 32, 6, 8, 8);
        Engine.exec("relu_bp", new INDArray[] {xa, ga}, new INDArray[] {expected}, null, null, new double[] {0.0});
        INDArray actual = Nd4j.createUninitialized(DataType.FLOAT, 32, 6, 8, 8);
        ReluGrad.backward(xa, ga, actual);
        assertArrayEquals(expected.data().asInt(), actual.data().asInt(), "bit patterns");
        assertEquals(0f, actual.getFloat(2), "a NaN input passes no gradient");
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
}
