package org.gradnote.tensor;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Internal: the native runtime's settings and figures that code outside this package needs (thread counts, the
 * process's physical memory), so that nothing outside it talks to ND4J or JavaCPP. Users call
 * {@code Gradnote.setNumThreads} and friends; this class may change without notice.
 */
public final class NativeRuntime {
    private NativeRuntime() {}

    /** The number of threads ND4J's native ops use: OMP_NUM_THREADS at start-up, else every core. */
    public static int opThreads() {
        Tensor.defaultDType(); // Tensor's initialiser configures JavaCPP before ND4J loads
        return Nd4j.getEnvironment().maxThreads();
    }

    /**
     * Asks ND4J to run its native ops on {@code threads} threads. libnd4j M2.1 ignores it (measured: {@link
     * #opThreads} and the OpenMP workers' CPU time stay as OMP_NUM_THREADS set them at start-up).
     */
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

    /** The number of threads OpenBLAS uses for one product: 1 unless {@link #setBlasThreads} asked for more. */
    public static int blasThreads() {
        Tensor.defaultDType();
        Blas.configure();
        return Blas.openBlasThreads();
    }

    /** Sets how many threads OpenBLAS splits one product over; above 1 the product's bits depend on it (see Blas). */
    public static void setBlasThreads(int threads) {
        Tensor.defaultDType();
        Blas.setThreads(threads);
    }

    /**
     * Whether gradnote's C loops (lib/src/main/c) run: "on: FILE", or "off: " and why (not built without gcc, another
     * platform, {@code -Dgradnote.cloops=false}). Off, the same Java loops run, with the same results.
     */
    public static String cLoops() {
        return NativeLoops.status();
    }

    /**
     * Which OpenBLAS computes gradnote's matrix products: "on: FILE (its configuration)" for the system's build, whose
     * products equal the bundled build's bit for bit, or "off: " and why (then the bundled build computes them).
     */
    public static String systemBlas() {
        Tensor.defaultDType();
        return SystemBlas.status();
    }

    /** The process's resident physical memory in bytes, as JavaCPP measures it (native memory growth in tests). */
    public static long physicalBytes() {
        Tensor.defaultDType();
        return Pointer.physicalBytes();
    }
}
