package org.gradnote.tensor;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The system's OpenBLAS gives the bundled build's products bit for bit, also with two threads calling it at once. */
class SystemBlasTest {
    /** Where the system's library is installed (gradnote's launcher installs it on Debian), it must be taken. */
    @Test
    void theInstalledLibraryIsTaken() {
        Tensor.defaultDType();
        assumeTrue(NativeLoops.status().startsWith("on"), "C loops not built");
        assumeTrue(Files.isReadable(Path.of(SystemBlas.DEBIAN)), "no system OpenBLAS here");
        assumeTrue(!System.getProperty("gradnote.blas", "auto").equals("bundled"));
        assertTrue(SystemBlas.ON, SystemBlas.status());
    }

    /**
     * Shapes from the workloads (a recurrent step, the weight gradients over 3,200 rows, the wide MLP, a conv's
     * im2col product) and odd ones: remainders of every register tile and of OpenBLAS's k blocks.
     */
    @ParameterizedTest
    @CsvSource({
        "32,512,128", "32,128,512", "3200,512,32", "512,128,3200", "512,32,3200", "256,1024,1024", "100,55,1000",
        "64,288,2000", "7,3,5000", "1,1,1", "17,33,65", "129,257,383", "1000,1,700", "2,900,3"
    })
    void productsEqualTheBundledBuilds(int m, int n, int k) {
        Tensor.defaultDType();
        assumeTrue(SystemBlas.ON, SystemBlas.status());
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int ta = 0; ta < 2; ta++) {
                for (int tb = 0; tb < 2; tb++) {
                    Case c = new Case(t, m, n, k, ta == 1, tb == 1, m * 131L + n * 17L + k);
                    assertArrayEquals(
                            c.bundled(), c.system(), t + " " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb);
                }
            }
        }
    }

    /** Products from four threads at once, each checked against the same product computed alone. */
    @Test
    void concurrentCallersGetTheirOwnProducts() throws Exception {
        Tensor.defaultDType();
        assumeTrue(SystemBlas.ON, SystemBlas.status());
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 8; i++) cases.add(new Case(DataType.FLOAT, 32 + i, 512, 128 + 8 * i, false, true, i));
        for (int i = 0; i < 4; i++) cases.add(new Case(DataType.FLOAT, 512, 128, 1600 + i, true, false, 100 + i));
        List<double[]> alone = new ArrayList<>();
        for (Case c : cases) alone.add(c.system());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int first = w;
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 25; round++) {
                        for (int i = first; i < cases.size(); i += 2) {
                            assertArrayEquals(alone.get(i), cases.get(i).system(), "case " + i + " round " + round);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : runs) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One product's operands, computed through either library into a fresh output. */
    private static final class Case {
        final DataType t;
        final int m, n, k, lda, ldb;
        final boolean ta, tb;
        final INDArray a, b;

        Case(DataType t, int m, int n, int k, boolean ta, boolean tb, long seed) {
            this.t = t;
            this.m = m;
            this.n = n;
            this.k = k;
            this.ta = ta;
            this.tb = tb;
            Nd4j.getRandom().setSeed(seed);
            a = Nd4j.randn(t, ta ? new long[] {k, m} : new long[] {m, k});
            b = Nd4j.randn(t, tb ? new long[] {n, k} : new long[] {k, n});
            lda = ta ? m : k;
            ldb = tb ? k : n;
        }

        double[] system() {
            INDArray out = Nd4j.createUninitialized(t, m, n);
            long pa = Memory.address(a, t, 0), pb = Memory.address(b, t, 0), po = Memory.address(out, t, 0);
            int cta = ta ? CblasTrans : CblasNoTrans, ctb = tb ? CblasTrans : CblasNoTrans;
            if (t == DataType.FLOAT) SystemBlas.sgemm(cta, ctb, m, n, k, pa, lda, pb, ldb, po, n);
            else SystemBlas.dgemm(cta, ctb, m, n, k, pa, lda, pb, ldb, po, n);
            return out.data().asDouble();
        }

        double[] bundled() {
            INDArray out = Nd4j.createUninitialized(t, m, n);
            int cta = ta ? CblasTrans : CblasNoTrans, ctb = tb ? CblasTrans : CblasNoTrans;
            if (t == DataType.FLOAT) {
                cblas_sgemm(
                        CblasRowMajor,
                        cta,
                        ctb,
                        m,
                        n,
                        k,
                        1f,
                        new FloatPointer(a.data().addressPointer()),
                        lda,
                        new FloatPointer(b.data().addressPointer()),
                        ldb,
                        0f,
                        new FloatPointer(out.data().addressPointer()),
                        n);
            } else {
                cblas_dgemm(
                        CblasRowMajor,
                        cta,
                        ctb,
                        m,
                        n,
                        k,
                        1.0,
                        new DoublePointer(a.data().addressPointer()),
                        lda,
                        new DoublePointer(b.data().addressPointer()),
                        ldb,
                        0.0,
                        new DoublePointer(out.data().addressPointer()),
                        n);
            }
            return out.data().asDouble();
        }
    }
}
