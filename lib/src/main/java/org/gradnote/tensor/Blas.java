package org.gradnote.tensor;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads;
import static org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Matrix products straight into the OpenBLAS that ND4J itself loads (the same sgemm/dgemm its matmul op ends in),
 * skipping the op's shape checks and array wrappers, bit-identical to the op (BlasTest; docs/performance.md, "Blas");
 * single-threaded products go to the system's build of the same kernels instead where {@link SystemBlas} is on.
 *
 * <p>OpenBLAS runs on one thread unless a user asks for more ({@code Gradnote.setBlasThreads}). Why: its kernels'
 * sums depend on how a product's output is split, and its split depends on the thread count: with 2 threads a third
 * to a half of the entries of LeNet's products changed in their last bits, and the lab's chaotic SGD then ended at
 * chance accuracy (docs/performance.md, "Threads").
 */
final class Blas {
    private Blas() {}

    /** OpenBLAS's thread count as last set here; 0 until the first product or native op sets 1. */
    private static volatile int threads;

    /**
     * Sets OpenBLAS's thread count. ND4J first: ND4J sets that count itself when it starts (to OMP_NUM_THREADS, else
     * the cores), which would undo a count set before. Only when it differs: a set took 1-11 ms here, a read 0.01.
     */
    static synchronized void setThreads(int n) {
        org.nd4j.linalg.factory.Nd4j.getBlasWrapper();
        if (openBlasThreads() != n) blas_set_num_threads(n);
        threads = n;
    }

    /** The thread count OpenBLAS splits a product over now. */
    static int openBlasThreads() {
        return blas_get_num_threads();
    }

    /** Puts OpenBLAS on one thread before the first product or native op, unless {@link #setThreads} ran. */
    static void configure() {
        if (threads == 0) {
            synchronized (Blas.class) {
                if (threads == 0) setThreads(1);
            }
        }
    }

    /**
     * out[m, n] = op(a) · op(b) for 2-D float or double arrays of one type, a and b each dense in row or column
     * order, out in row order; false, computing nothing, for anything else (the caller then uses the op).
     */
    static boolean gemm(INDArray a, INDArray b, INDArray out, boolean transA, boolean transB) {
        return gemm(a, b, out, transA, transB, Split.EVERY);
    }

    /** {@link #gemm(INDArray, INDArray, INDArray, boolean, boolean)}, cut into blocks as split says. */
    static boolean gemm(INDArray a, INDArray b, INDArray out, boolean transA, boolean transB, Split split) {
        DataType t = out.dataType();
        if (a.dataType() != t || b.dataType() != t || !dense(out) || out.length() == 0) return false;
        // A column-major operand (a transposed view of a dense matrix) is that dense matrix, transposed once more.
        boolean aT = columnMajor(a), bT = columnMajor(b);
        if (!aT && !dense(a) || !bT && !dense(b)) return false;
        int m = (int) out.size(0), n = (int) out.size(1), k = (int) (transA ? a.size(0) : a.size(1));
        // Mismatched sizes go to the op, whose error names them.
        if (k == 0
                || (transA ? a.size(1) : a.size(0)) != m
                || (transB ? b.size(1) : b.size(0)) != k
                || (transB ? b.size(0) : b.size(1)) != n) {
            return false;
        }
        int lda = (int) (aT ? a.size(0) : a.size(1)), ldb = (int) (bT ? b.size(0) : b.size(1));
        int ta = transA != aT ? CblasTrans : CblasNoTrans, tb = transB != bT ? CblasTrans : CblasNoTrans;
        if (t != DataType.FLOAT && t != DataType.DOUBLE) return false;
        call(t, ta, tb, m, n, k, a, lda, b, ldb, out, split);
        return true;
    }

    /**
     * out[m, n] = op(a) · op(b) over dense, offset-free float or double arrays of one type read as row-major
     * matrices of the given sizes, whatever their own shapes (a is stored [m, k], or [k, m] when transposed; b
     * [k, n] or [n, k]). The convolutions call this on their 4-D arrays: a 2-D view of each would cost ND4J a
     * native shape buffer per call.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, INDArray a, INDArray b, INDArray out) {
        DataType t = out.dataType();
        if (a.dataType() != t
                || b.dataType() != t
                || a.offset() != 0
                || b.offset() != 0
                || out.offset() != 0
                || (long) m * k > a.length()
                || (long) k * n > b.length()
                || (long) m * n > out.length()) {
            throw new IllegalArgumentException(
                    "gemm: " + a.dataType() + " " + java.util.Arrays.toString(a.shape()) + " x " + b.dataType() + " "
                            + java.util.Arrays.toString(b.shape()) + " -> " + t + " "
                            + java.util.Arrays.toString(out.shape()) + " cannot hold a "
                            + m + "x" + k + " by " + k + "x" + n + " product");
        }
        int lda = transA ? m : k, ldb = transB ? k : n;
        int ta = transA ? CblasTrans : CblasNoTrans, tb = transB ? CblasTrans : CblasNoTrans;
        if (t != DataType.FLOAT && t != DataType.DOUBLE) {
            throw new IllegalArgumentException("gemm: no BLAS product for " + t);
        }
        call(t, ta, tb, m, n, k, a, lda, b, ldb, out, Split.EVERY);
    }

    /** Whether arrays can be {@link #gemmBatched}'s operands: float or double, all of one type, dense and offset-free. */
    static boolean batchable(INDArray... arrays) {
        DataType t = arrays[0].dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE) return false;
        for (INDArray x : arrays) {
            if (x.dataType() != t || !Engine.isDense(x)) return false;
        }
        return true;
    }

    /**
     * out[i] = op(a[i]) · op(b[i]) for i below batch, over dense, offset-free float or double arrays of one type read
     * as row-major stacks of matrices (a[i] is [m, k], or [k, m] when transposed; b[i] [k, n] or [n, k]; out[i] [m,
     * n]). Each matrix is one single-threaded call, the same call libnd4j's batched matmul and matmul_bp make per
     * matrix, so the bits are theirs (BlasTest) and do not depend on the thread count; the matrices are shared by
     * gradnote's threads from 2^20 multiply-adds in all.
     */
    static void gemmBatched(
            boolean transA, boolean transB, int batch, int m, int n, int k, INDArray a, INDArray b, INDArray out) {
        DataType t = out.dataType();
        long mk = (long) m * k, kn = (long) k * n, mn = (long) m * n;
        if (a.dataType() != t
                || b.dataType() != t
                || (t != DataType.FLOAT && t != DataType.DOUBLE)
                || a.offset() != 0
                || b.offset() != 0
                || out.offset() != 0
                || batch * mk > a.length()
                || batch * kn > b.length()
                || batch * mn > out.length()) {
            throw new IllegalArgumentException("gemmBatched: " + a.dataType() + " "
                    + java.util.Arrays.toString(a.shape()) + " x " + b.dataType() + " "
                    + java.util.Arrays.toString(b.shape()) + " -> " + t + " " + java.util.Arrays.toString(out.shape())
                    + " cannot hold " + batch + " products of " + m + "x" + k + " by " + k + "x" + n);
        }
        configure();
        int ta = transA ? CblasTrans : CblasNoTrans, tb = transB ? CblasTrans : CblasNoTrans;
        int lda = transA ? m : k, ldb = transB ? k : n;
        int min = batch * mk * n < (1L << 20) ? Integer.MAX_VALUE : 2;
        Parallel.range(batch, min, Math.max(1, batch / 8), new Parallel.Body() {
            @Override
            void run(int from, int to) {
                for (int i = from; i < to; i++)
                    call(t, ta, tb, m, n, k, a, i * mk, lda, b, i * kn, ldb, out, i * mn, n);
            }
        });
    }

    /** How products are cut into blocks for gradnote's threads: from how many multiply-adds, into how many blocks. */
    enum Split {
        /** Every product: four blocks from 2^24 multiply-adds. */
        EVERY(1L << 24, 4),
        /**
         * A recurrent layer's per-step products h·W_hh^T and dz·W_hh ({@link RecurrentPrimitives}): at hidden size 128
         * and batch 32 each is 2M multiply-adds, ~60 µs, a hundred per sequence. Two blocks, so that one thread pays
         * one extra call, not three. The blocks' sums differ from one call's in the last bits of some entries, but no
         * notebook's output changed and lstm_128's and gru_128's losses kept every float32 bit, where cutting every
         * product from 2^20 changed 14 notebook cells (docs/performance.md, "session 17").
         */
        STEP(1L << 20, 2);

        final long min;
        final int parts;

        Split(long min, int parts) {
            this.min = min;
            this.parts = parts;
        }
    }

    /**
     * out = op(a) · op(b) through sgemm or dgemm for t, FLOAT or DOUBLE (both gemm forms end here). A large product
     * is cut along the longer side of out into blocks of rows or columns ({@link Split}), a grid fixed by the sizes
     * alone, each block one single-threaded OpenBLAS call, and the blocks shared by gradnote's threads: every entry
     * is then computed by the same kernel call whatever the thread count, so the bits do not depend on it (unlike
     * OpenBLAS's own threading), while a second core still halves the product.
     */
    private static void call(
            DataType t,
            int ta,
            int tb,
            int m,
            int n,
            int k,
            INDArray a,
            int lda,
            INDArray b,
            int ldb,
            INDArray out,
            Split split) {
        configure();
        if ((long) m * n * k < split.min) {
            call(t, ta, tb, m, n, k, a, 0, lda, b, 0, ldb, out, 0, n);
            return;
        }
        boolean rows = m >= n;
        int side = rows ? m : n;
        // Whole register tiles in all blocks but the last.
        int block = ((side + split.parts - 1) / split.parts + 15) / 16 * 16;
        int parts = (side + block - 1) / block;
        Parallel.range(parts, 2, 1, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                for (int q = from; q < to; q++) {
                    int lo = q * block, len = Math.min(side, lo + block) - lo;
                    if (rows) {
                        long aOff = ta == CblasNoTrans ? (long) lo * lda : lo;
                        call(t, ta, tb, len, n, k, a, aOff, lda, b, 0, ldb, out, (long) lo * n, n);
                    } else {
                        long bOff = tb == CblasNoTrans ? lo : (long) lo * ldb;
                        call(t, ta, tb, m, len, k, a, 0, lda, b, bOff, ldb, out, lo, n);
                    }
                }
            }
        });
    }

    /** One OpenBLAS call on the blocks of a, b and out that start at the given element offsets. */
    private static void call(
            DataType t,
            int ta,
            int tb,
            int m,
            int n,
            int k,
            INDArray a,
            long aOff,
            int lda,
            INDArray b,
            long bOff,
            int ldb,
            INDArray out,
            long outOff,
            int ldc) {
        if (SystemBlas.ON && threads == 1) {
            // Through the system's build when every array has a plain address (an offset buffer has none).
            long pa = Memory.address(a, t, 0), pb = Memory.address(b, t, 0), po = Memory.address(out, t, 0);
            if (pa != 0 && pb != 0 && po != 0) {
                int w = t.width();
                if (t == DataType.FLOAT) {
                    SystemBlas.sgemm(ta, tb, m, n, k, pa + aOff * w, lda, pb + bOff * w, ldb, po + outOff * w, ldc);
                } else {
                    SystemBlas.dgemm(ta, tb, m, n, k, pa + aOff * w, lda, pb + bOff * w, ldb, po + outOff * w, ldc);
                }
                return;
            }
        }
        if (t == DataType.FLOAT) {
            cblas_sgemm(
                    CblasRowMajor,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    1f,
                    floats(a, aOff),
                    lda,
                    floats(b, bOff),
                    ldb,
                    0f,
                    floats(out, outOff),
                    ldc);
        } else {
            cblas_dgemm(
                    CblasRowMajor,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    1.0,
                    doubles(a, aOff),
                    lda,
                    doubles(b, bOff),
                    ldb,
                    0.0,
                    doubles(out, outOff),
                    ldc);
        }
    }

    /** x's memory from element off on, as sgemm reads it. */
    private static FloatPointer floats(INDArray x, long off) {
        FloatPointer p = new FloatPointer(x.data().addressPointer());
        return p.position(p.position() + off);
    }

    /** x's memory from element off on, as dgemm reads it. */
    private static DoublePointer doubles(INDArray x, long off) {
        DoublePointer p = new DoublePointer(x.data().addressPointer());
        return p.position(p.position() + off);
    }

    /** 2-D, offset-free, with unit strides down the columns and at least 2 rows and columns (else dense() decides). */
    private static boolean columnMajor(INDArray x) {
        if (x.rank() != 2 || x.offset() != 0) return false;
        long rows = x.size(0), cols = x.size(1);
        return rows > 1 && cols > 1 && x.stride(0) == 1 && x.stride(1) == rows;
    }

    /** 2-D, offset-free, with c-order unit strides (a strided view flagged 'c', as conv builds, is not). */
    private static boolean dense(INDArray x) {
        if (x.rank() != 2 || x.offset() != 0) return false;
        long rows = x.size(0), cols = x.size(1);
        return (cols == 1 || x.stride(1) == 1) && (rows == 1 || x.stride(0) == cols);
    }
}
