package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Direct BLAS products against a plain triple loop, for both float types and every transpose combination. */
class BlasTest {
    @ParameterizedTest
    @CsvSource({"FLOAT,3,4,5", "DOUBLE,3,4,5", "FLOAT,1,10,7", "DOUBLE,6,1,2", "FLOAT,5,3,1"})
    void gemmMatchesTheDefinition(DataType type, int m, int k, int n) {
        Tensor.defaultDType();
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                INDArray a = Nd4j.rand(type, ta ? new long[] {k, m} : new long[] {m, k});
                INDArray b = Nd4j.rand(type, tb ? new long[] {n, k} : new long[] {k, n});
                INDArray out = Nd4j.createUninitialized(type, m, n);
                assertTrue(Blas.gemm(a, b, out, ta, tb));
                double[] expected = new double[m * n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int p = 0; p < k; p++)
                            s += (ta ? a.getDouble(p, i) : a.getDouble(i, p))
                                    * (tb ? b.getDouble(j, p) : b.getDouble(p, j));
                        expected[i * n + j] = s;
                    }
                }
                assertArrayEquals(
                        expected,
                        out.data().asDouble(),
                        type == DataType.FLOAT ? 1e-5 : 1e-12,
                        "ta=" + ta + " tb=" + tb);
            }
        }
    }

    /** A transposed view of a dense matrix (what reshape of a transposed tensor returns) goes to BLAS as it is. */
    @ParameterizedTest
    @CsvSource({"FLOAT", "DOUBLE"})
    void columnMajorOperandsAreReadInPlace(DataType type) {
        Tensor.defaultDType();
        INDArray a = Nd4j.rand(type, 4, 3).transpose(),
                b = Nd4j.rand(type, 5, 4).transpose();
        INDArray out = Nd4j.createUninitialized(type, 3, 5);
        assertTrue(Blas.gemm(a, b, out, false, false));
        assertArrayEquals(
                a.dup('c').mmul(b.dup('c')).data().asDouble(), out.data().asDouble(), 1e-6);
        INDArray outT = Nd4j.createUninitialized(type, 3, 3);
        assertTrue(Blas.gemm(a, a, outT, false, true));
        assertArrayEquals(
                a.dup('c').mmul(a.dup('c').transpose()).dup('c').data().asDouble(),
                outT.data().asDouble(),
                1e-6);
    }

    @ParameterizedTest
    @CsvSource({"strided", "offset", "mixed", "int"})
    void refusesWhatItCannotAddress(String kind) {
        Tensor.defaultDType();
        INDArray big = Nd4j.rand(DataType.FLOAT, 4, 6), out = Nd4j.createUninitialized(DataType.FLOAT, 4, 4);
        INDArray a = switch (kind) {
            case "strided" -> Nd4j.create(big.data(), new long[] {4, 3}, new long[] {6, 2}, 0, 'c');
            case "offset" ->
                big.get(
                        org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                        org.nd4j.linalg.indexing.NDArrayIndex.all());
            case "mixed" -> Nd4j.rand(DataType.DOUBLE, 4, 3);
            default -> Nd4j.zeros(DataType.INT32, 4, 3);
        };
        INDArray b = Nd4j.rand(DataType.FLOAT, 3, 4);
        assertFalse(Blas.gemm(
                a, b, kind.equals("offset") ? Nd4j.createUninitialized(DataType.FLOAT, 2, 4) : out, false, false));
    }

    /** The raw form reads any dense arrays as matrices of the given sizes: the same call, so the same bits. */
    @ParameterizedTest
    @CsvSource({"FLOAT", "DOUBLE"})
    void rawSizesOverFourDimensionalArraysGiveTheTwoDimensionalProduct(DataType type) {
        Tensor.defaultDType();
        int m = 6, k = 9, n = 40;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                INDArray a2 = Nd4j.rand(type, ta ? new long[] {k, m} : new long[] {m, k});
                INDArray b2 = Nd4j.rand(type, tb ? new long[] {n, k} : new long[] {k, n});
                INDArray expected = Nd4j.createUninitialized(type, m, n);
                assertTrue(Blas.gemm(a2, b2, expected, ta, tb));
                INDArray a4 = a2.dup().reshape(ta ? new long[] {k, m, 1, 1} : new long[] {m, 1, 3, 3});
                INDArray out = Nd4j.createUninitialized(type, 2, 3, 4, 10);
                Blas.gemm(ta, tb, m, n, k, a4, b2, out);
                assertArrayEquals(expected.data().asDouble(), out.data().asDouble(), 0.0, "ta=" + ta + " tb=" + tb);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void rawSizesBeyondAnArrayOrAnOffsetViewAreRefused() {
        Tensor.defaultDType();
        INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3),
                b = Nd4j.rand(DataType.FLOAT, 3, 4),
                out = Nd4j.createUninitialized(DataType.FLOAT, 2, 4);
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Blas.gemm(false, false, 2, 5, 3, a, b, out));
        INDArray offset = Nd4j.rand(DataType.FLOAT, 4, 3)
                .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 4), org.nd4j.linalg.indexing.NDArrayIndex.all());
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Blas.gemm(false, false, 2, 4, 3, offset, b, out));
        org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class,
                () -> Blas.gemm(
                        false,
                        false,
                        2,
                        4,
                        3,
                        Nd4j.zeros(DataType.INT32, 2, 3),
                        Nd4j.zeros(DataType.INT32, 3, 4),
                        Nd4j.zeros(DataType.INT32, 2, 4)));
    }

    /**
     * OpenBLAS runs on one thread once a product ran, whatever ND4J set when it started (OMP_NUM_THREADS, else the
     * cores): its split over more threads changes bits (ThreadDeterminismTest); a user's own count is kept.
     */
    @org.junit.jupiter.api.Test
    void openBlasRunsOnOneThreadUnlessAskedForMore() {
        Tensor.defaultDType();
        INDArray a = Nd4j.rand(DataType.FLOAT, 3, 4), out = Nd4j.createUninitialized(DataType.FLOAT, 3, 3);
        assertTrue(Blas.gemm(a, a, out, false, true));
        org.junit.jupiter.api.Assertions.assertEquals(1, NativeRuntime.blasThreads());
        try {
            org.gradnote.Gradnote.setBlasThreads(2);
            assertTrue(Blas.gemm(a, a, out, false, true));
            org.junit.jupiter.api.Assertions.assertEquals(2, NativeRuntime.blasThreads());
        } finally {
            org.gradnote.Gradnote.setBlasThreads(1);
        }
    }

    /**
     * A product above Split.EVERY's size runs as blocks of rows or columns: its entries are the definition's,
     * and its bits are the same on 1 and 2 threads, for rows and columns, either type and every transpose.
     */
    @ParameterizedTest
    @CsvSource({"FLOAT,1030,128,130", "FLOAT,70,300,1000", "DOUBLE,600,100,300", "DOUBLE,64,64,4100"})
    void largeProductsAreSplitTheSameWayOnAnyThreadCount(DataType type, int m, int k, int n) {
        assertTrue((long) m * n * k >= Blas.Split.EVERY.min);
        int before = Parallel.threads();
        try {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    INDArray a = Nd4j.randn(type, ta ? new long[] {k, m} : new long[] {m, k});
                    INDArray b = Nd4j.randn(type, tb ? new long[] {n, k} : new long[] {k, n});
                    INDArray one = Nd4j.createUninitialized(type, m, n), two = Nd4j.createUninitialized(type, m, n);
                    Parallel.setThreads(1);
                    assertTrue(Blas.gemm(a, b, one, ta, tb));
                    Parallel.setThreads(2);
                    int splits = Parallel.splits();
                    assertTrue(Blas.gemm(a, b, two, ta, tb));
                    assertTrue(Parallel.splits() > splits, "the blocks ran on 2 threads");
                    assertArrayEquals(one.data().asDouble(), two.data().asDouble(), 0.0, "ta=" + ta + " tb=" + tb);
                    INDArray aa = ta ? a.transpose() : a, bb = tb ? b.transpose() : b;
                    for (int s = 0; s < 50; s++) {
                        int i = (s * 7919) % m, j = (s * 104729) % n;
                        double want = 0;
                        for (int p = 0; p < k; p++) want += aa.getDouble(i, p) * bb.getDouble(p, j);
                        assertEquals(want, one.getDouble(i, j), (type == DataType.FLOAT ? 1e-4 : 1e-10) * Math.sqrt(k));
                    }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /**
     * A recurrent step's products (Split.STEP: two column blocks from 2^20 multiply-adds, below Split.EVERY) on the
     * LSTM's and GRU's shapes at hidden size 128, batch 32: the entries are the definition's and the bits the same on
     * 1 and 2 threads (the blocks' sums may differ from one whole call's in the last bits).
     */
    @ParameterizedTest
    @CsvSource({"32,128,512,false,true", "32,512,128,false,false", "32,128,384,false,true", "32,384,128,false,false"})
    void recurrentStepBlocksAreTheSameOnAnyThreadCount(int m, int k, int n, boolean ta, boolean tb) {
        assertTrue((long) m * n * k >= Blas.Split.STEP.min);
        assertTrue((long) m * n * k < Blas.Split.EVERY.min, "split as a step product only");
        int before = Parallel.threads();
        try {
            INDArray a = Nd4j.randn(DataType.FLOAT, m, k);
            INDArray b = Nd4j.randn(DataType.FLOAT, tb ? new long[] {n, k} : new long[] {k, n});
            INDArray one = Nd4j.createUninitialized(DataType.FLOAT, m, n);
            INDArray two = Nd4j.createUninitialized(DataType.FLOAT, m, n);
            Parallel.setThreads(1);
            assertTrue(Blas.gemm(a, b, one, ta, tb, Blas.Split.STEP));
            Parallel.setThreads(2);
            int splits = Parallel.splits();
            assertTrue(Blas.gemm(a, b, two, ta, tb, Blas.Split.STEP));
            assertTrue(Parallel.splits() > splits, "the step's blocks ran on 2 threads");
            assertArrayEquals(one.data().asFloat(), two.data().asFloat(), 0f);
            INDArray bb = tb ? b.transpose() : b;
            for (int s = 0; s < 50; s++) {
                int i = (s * 7919) % m, j = (s * 104729) % n;
                double want = 0;
                for (int p = 0; p < k; p++) want += a.getDouble(i, p) * bb.getDouble(p, j);
                assertEquals(want, one.getDouble(i, j), 1e-4 * Math.sqrt(k));
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /**
     * Batched products, forward and both gradients, equal libnd4j's matmul and matmul_bp bit for bit (they make the
     * same call per matrix), on 1 and 2 threads: the Transformer's attention shapes and odd ones.
     */
    @ParameterizedTest
    @CsvSource({
        "FLOAT,128,64,32,64",
        "FLOAT,128,64,64,32",
        "DOUBLE,6,5,7,3",
        "FLOAT,3,1,9,1",
        "DOUBLE,40,33,17,65",
        "FLOAT,2,300,200,100"
    })
    void batchedProductsEqualTheOps(DataType t, int batch, int m, int k, int n) {
        Tensor.defaultDType();
        int before = Parallel.threads();
        try {
            Nd4j.getRandom().setSeed(batch * 31L + m);
            INDArray a = Nd4j.randn(t, batch, m, k), b = Nd4j.randn(t, batch, k, n), g = Nd4j.randn(t, batch, m, n);
            INDArray want = Nd4j.createUninitialized(t, batch, m, n);
            INDArray wantDa = Nd4j.createUninitialized(t, batch, m, k),
                    wantDb = Nd4j.createUninitialized(t, batch, k, n);
            Engine.exec("matmul", new INDArray[] {a, b}, want);
            Engine.exec("matmul_bp", new INDArray[] {a, b, g}, wantDa, wantDb);
            for (int threads = 1; threads <= 2; threads++) {
                Parallel.setThreads(threads);
                INDArray out = Nd4j.createUninitialized(t, batch, m, n);
                INDArray da = Nd4j.createUninitialized(t, batch, m, k), db = Nd4j.createUninitialized(t, batch, k, n);
                assertTrue(Blas.batchable(a, b, out, g, da, db));
                Blas.gemmBatched(false, false, batch, m, n, k, a, b, out);
                Blas.gemmBatched(false, true, batch, m, k, n, g, b, da);
                Blas.gemmBatched(true, false, batch, k, n, m, a, g, db);
                assertArrayEquals(want.data().asDouble(), out.data().asDouble(), 0.0, "forward, threads " + threads);
                assertArrayEquals(wantDa.data().asDouble(), da.data().asDouble(), 0.0, "da, threads " + threads);
                assertArrayEquals(wantDb.data().asDouble(), db.data().asDouble(), 0.0, "db, threads " + threads);
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Operands BLAS cannot read as stacks of matrices are refused, so the op computes them. */
    @org.junit.jupiter.api.Test
    void batchedProductsRefuseViewsAndOtherTypes() {
        Tensor.defaultDType();
        INDArray a = Nd4j.randn(DataType.FLOAT, 4, 3, 5);
        assertFalse(Blas.batchable(a, a.permute(0, 2, 1)));
        assertFalse(Blas.batchable(a, Nd4j.randn(DataType.DOUBLE, 4, 5, 3)));
        assertFalse(Blas.batchable(Nd4j.createFromArray(new int[] {1, 2}).reshape(1, 1, 2)));
    }
}
