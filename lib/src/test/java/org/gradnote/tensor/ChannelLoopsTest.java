package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Java bias loops against the native ops they replace, bit for bit, in float32 and float64; bias gradients
 * against sums accumulated in double in row order and rounded once (ND4J's float32 reduce_sum keeps a float32
 * running total, which loses the low bits of large sums; for float64 the two agree bit for bit).
 */
class ChannelLoopsTest {
    enum Type {
        FLOAT(DataType.FLOAT),
        DOUBLE(DataType.DOUBLE);

        final DataType nd4j;

        Type(DataType t) {
            nd4j = t;
        }
    }

    private static INDArray random(DataType t, long seed, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        long n = 1;
        for (long d : shape) n *= d;
        double[] v = new double[(int) n];
        // Magnitudes over several decades, so that a different summation order would show in the last bits.
        for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(-3, 4));
        if (v.length > 2) {
            v[0] = -0.0;
            v[1] = 0.0;
        }
        return Nd4j.createFromArray(v).castTo(t).reshape('c', shape);
    }

    private static void assertSameBits(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape(), "shape");
        INDArray e = expected.castTo(DataType.DOUBLE).dup('c'),
                a = actual.castTo(DataType.DOUBLE).dup('c');
        long[] eb = new long[(int) e.length()], ab = new long[(int) a.length()];
        for (int i = 0; i < eb.length; i++) {
            eb[i] = Double.doubleToRawLongBits(e.getDouble(i));
            ab[i] = Double.doubleToRawLongBits(a.getDouble(i));
        }
        assertArrayEquals(eb, ab, "bit patterns");
    }

    /** Sums of a dense 2-D array along dim (0: down the columns, 1: along the rows) in double, in index order, rounded to t. */
    private static INDArray sumsInDouble(INDArray a, int dim, DataType t) {
        INDArray d = a.castTo(DataType.DOUBLE).dup('c');
        int rows = (int) d.size(0), cols = (int) d.size(1);
        double[] acc = new double[dim == 0 ? cols : rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) acc[dim == 0 ? j : i] += d.getDouble(i, j);
        }
        return Nd4j.createFromArray(acc).castTo(t);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void toBatchMajorIsThePermutedGemmOutputPlusTheBiasAsBiasaddComputesIt(Type type) {
        DataType t = type.nd4j;
        int n = 5, c = 7, p = 13;
        INDArray y = random(t, 1, c, (long) n * p), bias = random(t, 2, c);
        INDArray view = Nd4j.create(y.data(), new long[] {n, c, p}, new long[] {p, (long) n * p, 1}, 0, 'c');
        INDArray expected = Nd4j.createUninitialized(t, n, c, p);
        Engine.exec(
                "biasadd", new INDArray[] {view, bias}, new INDArray[] {expected}, null, new boolean[] {true}, null);
        INDArray actual = Nd4j.createUninitialized(t, n, c, p);
        ChannelLoops.toBatchMajor(y, bias, actual, n, c, p);
        assertSameBits(expected, actual);

        INDArray plain = Nd4j.createUninitialized(t, n, c, p);
        ChannelLoops.toBatchMajor(y, null, plain, n, c, p);
        assertSameBits(view.dup('c'), plain);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void toChannelMajorIsThePermuteAndItsRowSumsAreReduceSums(Type type) {
        DataType t = type.nd4j;
        int n = 32, c = 6, p = 64;
        INDArray g = random(t, 3, n, c, p);
        INDArray gT = Nd4j.createUninitialized(t, c, (long) n * p), db = Nd4j.createUninitialized(t, c);
        ChannelLoops.toChannelMajor(g, gT, db, n, c, p);
        assertSameBits(g.permute(1, 0, 2).dup('c').reshape(c, (long) n * p), gT);
        INDArray sums = Nd4j.createUninitialized(t, c);
        Engine.exec("reduce_sum", new INDArray[] {gT}, new INDArray[] {sums}, new long[] {1}, null, null);
        if (t == DataType.DOUBLE) assertSameBits(sums, db);
        assertSameBits(sumsInDouble(gT, 1, t), db);

        INDArray gT2 = Nd4j.createUninitialized(t, c, (long) n * p);
        ChannelLoops.toChannelMajor(g, gT2, null, n, c, p);
        assertSameBits(gT, gT2);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void rowBiasAndItsGradientMatchTheNativeAddAndReduceSum(Type type) {
        DataType t = type.nd4j;
        int rows = 37, features = 11;
        INDArray x = random(t, 4, rows, features), bias = random(t, 5, features);
        INDArray expected = Nd4j.createUninitialized(t, rows, features);
        Engine.exec("add", new INDArray[] {x, bias}, expected);
        INDArray actual = x.dup();
        ChannelLoops.addBias(actual, bias, rows, features, 1);
        assertSameBits(expected, actual);

        INDArray sums = Nd4j.createUninitialized(t, features), db = Nd4j.createUninitialized(t, features);
        Engine.exec("reduce_sum", new INDArray[] {x}, new INDArray[] {sums}, new long[] {0}, null, null);
        ChannelLoops.sumBias(x, db, rows, features, 1);
        if (t == DataType.DOUBLE) assertSameBits(sums, db);
        assertSameBits(sumsInDouble(x, 0, t), db);
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void oneSampleChannelBiasAndItsGradientMatchBiasaddAndReduceSum(Type type) {
        DataType t = type.nd4j;
        int c = 10, p = 362;
        INDArray x = random(t, 6, 1, c, p), bias = random(t, 7, c);
        INDArray expected = Nd4j.createUninitialized(t, 1, c, p);
        Engine.exec("biasadd", new INDArray[] {x, bias}, new INDArray[] {expected}, null, new boolean[] {true}, null);
        INDArray actual = x.dup();
        ChannelLoops.addBias(actual, bias, 1, c, p);
        assertSameBits(expected, actual);

        INDArray sums = Nd4j.createUninitialized(t, c), db = Nd4j.createUninitialized(t, c);
        Engine.exec("reduce_sum", new INDArray[] {x.reshape(c, p)}, new INDArray[] {sums}, new long[] {1}, null, null);
        ChannelLoops.sumBias(x, db, 1, c, p);
        if (t == DataType.DOUBLE) assertSameBits(sums, db);
        assertSameBits(sumsInDouble(x.reshape(c, p), 1, t), db);
    }

    @Test
    void sumBiasRefusesALayoutWhoseOrderItCannotKeep() {
        INDArray x = Nd4j.createUninitialized(DataType.FLOAT, 2, 3, 4);
        assertThrows(
                IllegalArgumentException.class,
                () -> ChannelLoops.sumBias(x, Nd4j.createUninitialized(DataType.FLOAT, 3), 2, 3, 4));
    }
}
