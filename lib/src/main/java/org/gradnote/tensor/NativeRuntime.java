package org.gradnote.tensor;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.presets.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Internal: the native runtime's settings and figures that code outside this package needs (thread counts, the
 * process's physical memory), so that nothing outside it talks to ND4J or JavaCPP. Users call
 * {@code Gradnote.setNumThreads} and friends; this class may change without notice.
 */
public final class NativeRuntime {
    private NativeRuntime() {}

    /** The number of threads ND4J's native ops use. */
    public static int opThreads() {
        Tensor.defaultDType(); // Tensor's initialiser configures JavaCPP before ND4J loads
        return Nd4j.getEnvironment().maxThreads();
    }

    /** Sets how many threads ND4J's native ops use (not OpenBLAS's: see {@link #setBlasThreads}). */
    public static void setOpThreads(int threads) {
        Tensor.defaultDType();
        Nd4j.getEnvironment().setMaxThreads(threads);
    }

    /** The number of threads gradnote's own Java loops use (see {@code Parallel}). */
    public static int loopThreads() {
        return Parallel.threads();
    }

    /** Sets how many threads gradnote's own Java loops use; their results do not depend on it. */
    public static void setLoopThreads(int threads) {
        Parallel.setThreads(threads);
    }

    /** The number of threads OpenBLAS's matrix products use. */
    public static int blasThreads() {
        Tensor.defaultDType();
        return openblas_nolapack.blas_get_num_threads();
    }

    /** Sets how many threads OpenBLAS's matrix products use (ND4J's thread setting does not reach them). */
    public static void setBlasThreads(int threads) {
        Tensor.defaultDType();
        openblas_nolapack.blas_set_num_threads(threads);
    }

    /** The process's resident physical memory in bytes, as JavaCPP measures it (native memory growth in tests). */
    public static long physicalBytes() {
        Tensor.defaultDType();
        return Pointer.physicalBytes();
    }
}
