package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT32;
import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Factories, dtypes and the default dtype. */
class TensorFactoryTest {

    @AfterEach
    void restoreDefaultDType() {
        Tensor.setDefaultDType(FLOAT32);
    }

    @Test
    void ofBuildsOneDAndTwoDTensorsInTheDefaultDType() {
        Tensor a = Tensor.of(1.0, 2.0, 3.0);
        assertArrayEquals(new long[] {3}, a.shape());
        assertEquals(FLOAT32, a.dtype());
        assertArrayEquals(new double[] {1, 2, 3}, a.toDoubleArray());
        Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new long[] {2, 3}, m.shape());
        assertEquals(6, m.get(1, 2));
        assertEquals(2, m.dim());
        assertEquals(6, m.numel());
        assertEquals(3, m.size(-1));
        Tensor cube = Tensor.of(new double[][][] {{{1, 2}}, {{3, 4}}});
        assertArrayEquals(new long[] {2, 1, 2}, cube.shape());
    }

    @Test
    void ofWithIntegersGivesInt64AndWithBooleansGivesBool() {
        assertEquals(DType.INT64, Tensor.of(1, 2).dtype());
        assertEquals(DType.INT64, Tensor.of(1L, 2L).dtype());
        assertEquals(DType.BOOL, Tensor.of(true, false).dtype());
        assertEquals(FLOAT32, Tensor.of(1f, 2f).dtype());
        assertArrayEquals(new long[] {7, -1}, Tensor.of(7, -1).toLongArray());
    }

    @Test
    void zerosOnesFullHaveShapeValuesAndDType() {
        assertArrayEquals(new double[6], Tensor.zeros(2, 3).toDoubleArray());
        assertArrayEquals(new long[] {2, 3}, Tensor.zeros(2, 3).shape());
        assertTrue(Arrays.stream(Tensor.ones(4).toDoubleArray()).allMatch(v -> v == 1));
        Tensor f = Tensor.full(FLOAT64, 2.5, 2, 2);
        assertEquals(FLOAT64, f.dtype());
        assertArrayEquals(new double[] {2.5, 2.5, 2.5, 2.5}, f.toDoubleArray());
        assertEquals(FLOAT32, Tensor.full(-1, 3).dtype());
        assertEquals(DType.INT64, Tensor.zeros(DType.INT64, 2).dtype());
        Tensor src = Tensor.zeros(FLOAT64, 3, 1);
        assertEquals(FLOAT64, Tensor.onesLike(src).dtype());
        assertArrayEquals(new long[] {3, 1}, Tensor.zerosLike(src).shape());
        assertEquals(0, Tensor.scalar(7).dim());
        assertEquals(7, Tensor.scalar(7).item());
    }

    @Test
    void randAndRandnAreRepeatableAfterSeed() {
        Gradnote.seed(123);
        double[] a = Tensor.rand(50).toDoubleArray();
        double[] n = Tensor.randn(FLOAT64, 7).toDoubleArray();
        Gradnote.seed(123);
        assertArrayEquals(a, Tensor.rand(50).toDoubleArray());
        assertArrayEquals(n, Tensor.randn(FLOAT64, 7).toDoubleArray());
        assertEquals(123, Gradnote.lastSeed());
        // the next draw continues the stream: different numbers
        assertFalse(Arrays.equals(a, Tensor.rand(50).toDoubleArray()));
        Gradnote.seed(124);
        assertFalse(Arrays.equals(a, Tensor.rand(50).toDoubleArray()));
    }

    @Test
    void randIsRoughlyUniformOnZeroOne() {
        Gradnote.seed(1);
        double[] v = Tensor.rand(FLOAT64, 100_000).toDoubleArray();
        double min = Arrays.stream(v).min().getAsDouble(),
                max = Arrays.stream(v).max().getAsDouble();
        assertTrue(min >= 0 && max < 1);
        assertEquals(0.5, mean(v), 0.005);
        assertEquals(Math.sqrt(1 / 12.0), std(v), 0.005);
        Tensor u = Tensor.uniform(FLOAT64, -2, 4, 10_000);
        assertEquals(1, mean(u.toDoubleArray()), 0.1);
        assertTrue(Arrays.stream(u.toDoubleArray()).allMatch(x -> x >= -2 && x < 4));
    }

    @Test
    void randnIsRoughlyStandardNormal() {
        Gradnote.seed(2);
        double[] v = Tensor.randn(FLOAT64, 100_001).toDoubleArray(); // odd length exercises the Box-Muller tail
        assertEquals(0, mean(v), 0.01);
        assertEquals(1, std(v), 0.01);
        long within1 = Arrays.stream(v).filter(x -> Math.abs(x) < 1).count();
        assertEquals(0.6827, within1 / (double) v.length, 0.01);
        double[] n = Tensor.normal(FLOAT64, 5, 0.5, 20_000).toDoubleArray();
        assertEquals(5, mean(n), 0.02);
        assertEquals(0.5, std(n), 0.02);
    }

    @Test
    void arangeLinspaceEye() {
        Tensor a = Tensor.arange(5);
        assertEquals(DType.INT64, a.dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, a.toLongArray());
        Tensor f = Tensor.arange(0, 1, 0.25);
        assertEquals(FLOAT32, f.dtype());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, f.toDoubleArray(), 1e-7);
        assertArrayEquals(new double[] {3, 2, 1}, Tensor.arange(3, 0, -1).toDoubleArray(), 0);
        assertEquals(0, Tensor.arange(0, -1, 1).numel());
        Tensor l = Tensor.linspace(0, 1, 5);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, l.toDoubleArray(), 1e-7);
        assertEquals(FLOAT32, l.dtype());
        Tensor e = Tensor.eye(3);
        assertArrayEquals(new long[] {3, 3}, e.shape());
        assertArrayEquals(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, e.toDoubleArray());
        assertEquals(FLOAT32, e.dtype());
    }

    @Test
    void fromArrayIsRowMajor() {
        Tensor t = Tensor.fromArray(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(FLOAT32, t.dtype());
        assertEquals(4, t.get(1, 0));
        assertEquals(3, t.get(0, 2));
        assertArrayEquals(new double[][] {{1, 2, 3}, {4, 5, 6}}, t.toDoubleMatrix());
        Tensor i = Tensor.fromArray(DType.INT64, new double[] {1, 2}, 2, 1);
        assertEquals(DType.INT64, i.dtype());
    }

    @Test
    void float32IsTheDefaultAndFloat64IsUsedOnRequest() {
        assertEquals(FLOAT32, Tensor.defaultDType());
        assertEquals(FLOAT32, Tensor.zeros(2).dtype());
        assertEquals(FLOAT64, Tensor.zeros(FLOAT64, 2).dtype());
        assertEquals(FLOAT64, Tensor.rand(FLOAT64, 2).dtype());
        assertEquals(FLOAT64, Tensor.zeros(2).toDouble().dtype());
        assertEquals(FLOAT32, Tensor.zeros(FLOAT64, 2).toFloat().dtype());
        assertEquals(DType.INT64, Tensor.of(1.7, 2.2).toLong().dtype());
        assertArrayEquals(new long[] {1, 2}, Tensor.of(1.7, 2.2).toLong().toLongArray());
    }

    @Test
    void setDefaultDTypeChangesEveryFloatFactory() {
        Tensor.setDefaultDType(FLOAT64);
        assertEquals(FLOAT64, Tensor.defaultDType());
        assertEquals(FLOAT64, Tensor.of(1.0, 2.0).dtype());
        assertEquals(FLOAT64, Tensor.of(new double[][] {{1}}).dtype());
        assertEquals(FLOAT64, Tensor.zeros(2).dtype());
        assertEquals(FLOAT64, Tensor.ones(2).dtype());
        assertEquals(FLOAT64, Tensor.full(1, 2).dtype());
        assertEquals(FLOAT64, Tensor.rand(2).dtype());
        assertEquals(FLOAT64, Tensor.randn(2).dtype());
        assertEquals(FLOAT64, Tensor.arange(0.0, 2, 1).dtype()); // int arguments give int64, as torch.arange
        assertEquals(FLOAT64, Tensor.linspace(0, 1, 3).dtype());
        assertEquals(FLOAT64, Tensor.eye(2).dtype());
        assertEquals(FLOAT64, Tensor.scalar(1).dtype());
        assertEquals(FLOAT64, Tensor.fromArray(new double[] {1}, 1).dtype());
        assertEquals(FLOAT64, Tensor.of(2L).oneHot(3).dtype());
        // integers stay integers
        assertEquals(DType.INT64, Tensor.arange(3).dtype());
        // float64 keeps digits float32 would lose
        assertEquals(0.1, Tensor.of(0.1).item(), 0);
        Tensor.setDefaultDType(FLOAT32);
        assertEquals(FLOAT32, Tensor.zeros(2).dtype());
        assertEquals((float) 0.1, Tensor.of(0.1).item(), 0);
    }

    @Test
    void shapeIsAFreshCopy() {
        Tensor t = Tensor.zeros(2, 3);
        long[] s = t.shape();
        s[0] = 99;
        assertArrayEquals(new long[] {2, 3}, t.shape());
    }

    @Test
    void allCloseComparesShapesAndValues() {
        Tensor a = Tensor.of(1.0, 2.0);
        assertTrue(a.allClose(Tensor.of(1.0, 2.0000001), 1e-5, 1e-8));
        assertFalse(a.allClose(Tensor.of(1.0, 2.1), 1e-5, 1e-8));
        assertFalse(a.allClose(Tensor.of(1.0, 2.0, 3.0), 1e-5, 1e-8));
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    static double std(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }
}
