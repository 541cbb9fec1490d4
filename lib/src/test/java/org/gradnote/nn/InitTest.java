package org.gradnote.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Initialisation schemes: empirical spread against theory, gains, fans, and Linear's default init. */
class InitTest {

    @BeforeEach
    void seed() {
        Gradnote.seed(11);
    }

    static double std(Tensor t) {
        double[] v = t.toDoubleArray();
        double m = Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    static double mean(Tensor t) {
        return Arrays.stream(t.toDoubleArray()).average().orElseThrow();
    }

    static double maxAbs(Tensor t) {
        return Arrays.stream(t.toDoubleArray()).map(Math::abs).max().orElseThrow();
    }

    static void assertWithinPercent(double expected, double actual, double percent) {
        assertEquals(expected, actual, expected * percent / 100, () -> "expected ~" + expected + ", got " + actual);
    }

    /** [fan_out=256, fan_in=400]: 102,400 draws, enough for a std within ~1%. */
    static Tensor big() {
        return Tensor.zeros(DType.FLOAT64, 256, 400).requiresGrad(true);
    }

    @Test
    void xavierUniformStd() {
        Tensor w = big();
        assertSame(w, Init.xavierUniform(w, 1.0));
        double a = Math.sqrt(6.0 / (400 + 256));
        assertWithinPercent(a / Math.sqrt(3), std(w), 2);
        assertTrue(maxAbs(w) <= a);
        assertEquals(0, mean(w), 0.01);
        Init.xavierUniform(w, 2.0);
        assertWithinPercent(2 * a / Math.sqrt(3), std(w), 2);
        assertTrue(w.requiresGrad() && w.isLeaf());
        assertNull(w.grad());
    }

    @Test
    void xavierNormalStd() {
        Tensor w = Init.xavierNormal(big(), Init.calculateGain("tanh"));
        assertWithinPercent(5.0 / 3 * Math.sqrt(2.0 / (400 + 256)), std(w), 2);
    }

    @Test
    void kaimingUniformStd() {
        Tensor w = Init.kaimingUniform(big());
        double std = Math.sqrt(2) / Math.sqrt(400); // relu gain over fan_in
        assertWithinPercent(std, std(w), 2);
        assertTrue(maxAbs(w) <= Math.sqrt(3) * std);
        Init.kaimingUniform(w, 0, "fan_out", "relu");
        assertWithinPercent(Math.sqrt(2) / Math.sqrt(256), std(w), 2);
    }

    @Test
    void kaimingNormalStd() {
        Tensor w = Init.kaimingNormal(big());
        assertWithinPercent(Math.sqrt(2.0 / 400), std(w), 2);
        Init.kaimingNormal(w, 0.2, "fan_in", "leaky_relu");
        assertWithinPercent(Math.sqrt(2.0 / (1 + 0.04)) / Math.sqrt(400), std(w), 2);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Init.kaimingNormal(w, 0, "fan_avg", "relu"));
        assertTrue(e.getMessage().contains("fan_avg"), e.getMessage());
    }

    @Test
    void calculateGainValues() {
        assertEquals(5.0 / 3, Init.calculateGain("tanh"), 1e-15);
        assertEquals(Math.sqrt(2), Init.calculateGain("relu"), 1e-15);
        assertEquals(1.0, Init.calculateGain("linear"), 0);
        assertEquals(1.0, Init.calculateGain("sigmoid"), 0);
        assertEquals(1.0, Init.calculateGain("conv2d"), 0);
        assertEquals(0.75, Init.calculateGain("selu"), 0);
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Init.calculateGain("leaky_relu"), 1e-15);
        assertEquals(Math.sqrt(2 / (1 + 0.2 * 0.2)), Init.calculateGain("leaky_relu", 0.2), 1e-15);
        assertEquals(Math.sqrt(2), Init.calculateGain("leaky_relu", 0), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("gelu"));
        assertTrue(e.getMessage().contains("gelu"), e.getMessage());
    }

    @Test
    void fansOfLinearAndConvWeights() {
        assertArrayEquals(new long[] {100, 55}, Init.fans(Tensor.zeros(55, 100)));
        // conv weight [out=16, in=3, 5, 5]: receptive field 25
        assertArrayEquals(new long[] {3 * 25, 16 * 25}, Init.fans(Tensor.zeros(16, 3, 5, 5)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.fans(Tensor.zeros(7)));
        assertTrue(e.getMessage().contains("[7]"), e.getMessage());
    }

    @Test
    void uniformNormalConstantFillInPlace() {
        Tensor t = Tensor.zeros(DType.FLOAT64, 1000).requiresGrad(true);
        Init.uniform(t, 2, 3);
        assertTrue(Arrays.stream(t.toDoubleArray()).allMatch(v -> v >= 2 && v < 3));
        Init.constant(t, 0.25);
        assertTrue(Arrays.stream(t.toDoubleArray()).allMatch(v -> v == 0.25));
        Init.normal(t, 10, 0.001);
        assertEquals(10, mean(t), 0.001);
        assertEquals(DType.FLOAT64, t.dtype());
    }

    @Test
    void initIsRepeatableAfterSeed() {
        Gradnote.seed(5);
        double[] a = Init.xavierUniform(Tensor.zeros(3, 4), 1).toDoubleArray();
        Gradnote.seed(5);
        assertArrayEquals(a, Init.xavierUniform(Tensor.zeros(3, 4), 1).toDoubleArray());
    }
}
