package org.gradnote;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.gradnote.tensor.ComputePath;
import org.gradnote.tensor.NativeRuntime;
import org.gradnote.tensor.NativeVariant;
import org.gradnote.tensor.Tensor;

/**
 * Global switches of the library: the random seed that makes a run bit-for-bit repeatable, the native thread
 * count, and the JVM options training runs start with.
 *
 * <p>ND4J's random generator is per thread, so gradnote never uses it: every random draw (init, dropout masks,
 * shuffles) comes from this one generator, and {@link #seed(long)} resets it for all threads at once.
 */
public final class Gradnote {
    private static final Object LOCK = new Object();
    private static SplitMix random = new SplitMix(new SplittableRandom().nextLong());
    private static volatile long lastSeed = -1;

    private Gradnote() {}

    /** Makes every following random draw repeatable, like {@code torch.manual_seed}. */
    public static void seed(long seed) {
        synchronized (LOCK) {
            random = new SplitMix(seed);
            lastSeed = seed;
        }
    }

    /**
     * Sets how many threads gradnote's own loops on large arrays and its large matrix products use, like {@code
     * torch.set_num_threads}; they split work on a grid fixed by the sizes alone, so a seeded run's bits do not depend
     * on the count (each block of a product is one single-threaded OpenBLAS call; ND4J's own ops stay on the
     * OMP_NUM_THREADS they started with: docs/performance.md, "Threads"). The default is OMP_NUM_THREADS when set (the
     * kernelspec sets 1), else every core.
     */
    public static void setNumThreads(int threads) {
        if (threads < 1)
            throw new IllegalArgumentException("setNumThreads: threads must be at least 1, got " + threads);
        NativeRuntime.setLoopThreads(threads);
    }

    /**
     * Lets OpenBLAS split each matrix product over {@code threads} threads (gradnote sets 1); its split changes the
     * last bits of many entries, so a seeded run's bits then depend on the count.
     */
    public static void setBlasThreads(int threads) {
        if (threads < 1)
            throw new IllegalArgumentException("setBlasThreads: threads must be at least 1, got " + threads);
        NativeRuntime.setBlasThreads(threads);
    }

    /** The number of threads OpenBLAS splits a product over: 1 unless {@link #setBlasThreads} asked for more. */
    public static int blasThreads() {
        return NativeRuntime.blasThreads();
    }

    /**
     * The JVM options gradnote starts its training JVMs with (the kernel's evaluator, {@code gradnote run}, replay,
     * the demo, the benchmarks); pass them to your own {@code java} too. Why: a training step here is mostly short
     * JNI calls and small allocations on one thread, and a lab's whole run is often under a second. The serial
     * collector has no concurrent threads to compete with that thread on a 2-core machine; C1 alone, at a tenth of
     * the usual compile thresholds and with smaller inlining, compiles a step's hot paths in the first epochs instead
     * of after them; one compiler thread leaves the other core to the training thread. The young generation is 8 MB
     * and stays so: a step makes little Java garbage but much native memory that only a collection gives back
     * (tensor/BlockCache), and a young collection, cheap, finds a step's dead arrays at its end when eden is small
     * enough to fill on demand (the collector grew it to a third of the heap after a full collection).
     * Measurements: docs/performance.md. Later options on a command line win.
     */
    public static List<String> jvmOptions() {
        return List.of(
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=0.1",
                "-XX:CICompilerCount=1",
                "-XX:C1MaxInlineSize=20",
                "-XX:NewSize=8m",
                "-XX:MaxNewSize=8m");
    }

    /**
     * Environment variables gradnote starts its training processes with, beside {@link #jvmOptions()} (a JVM cannot
     * set them for itself: OpenMP reads them when ND4J's native library loads). OMP_WAIT_POLICY=PASSIVE puts ND4J's
     * OpenMP workers to sleep between ops instead of spinning: with 2 threads on 2 cores the spinning workers took
     * the CPU from the thread that issues the next op and from the JIT. DNNL_MAX_CPU_ISA=AVX2 keeps oneDNN's
     * convolutions on their AVX2 kernels on CPUs with AVX-512 too, so that a notebook's stored outputs replay on both
     * kinds of host (its AVX-512 kernels sum in other orders; here they were no faster). A value the user already set
     * wins.
     */
    public static Map<String, String> nativeEnvironment() {
        return Map.of("OMP_WAIT_POLICY", "PASSIVE", "DNNL_MAX_CPU_ISA", "AVX2");
    }

    /**
     * Forces which implementation tensor ops use ({@link ComputePath#AUTO} by default, or the system property
     * {@code gradnote.path}): every path gives the same numbers, AUTO the fastest; the others exist for tests.
     */
    public static void setPath(ComputePath path) {
        Tensor.setComputePath(path);
    }

    /** The implementation tensor ops use now (see {@link #setPath}). */
    public static ComputePath path() {
        return Tensor.computePath();
    }

    /**
     * The build of ND4J's natives this JVM runs on (loading them if needed): chosen at start-up from the CPU (oneDNN
     * AVX2 where it has AVX2, else generic), or by {@code -Dgradnote.native=generic|avx2|onednn-avx2} or {@code
     * GRADNOTE_NATIVE}.
     */
    public static NativeVariant nativeVariant() {
        return NativeVariant.loaded();
    }

    /** The number of threads set by {@link #setNumThreads} (or its default), which gradnote's own loops use. */
    public static int numThreads() {
        return NativeRuntime.loopThreads();
    }

    /** The seed last given to {@link #seed(long)}, or -1 when none was. */
    public static long lastSeed() {
        return lastSeed;
    }

    /** Draws a fresh 64-bit seed from the global generator, for a component that keeps its own generator. */
    public static long nextSeed() {
        synchronized (LOCK) {
            return random.nextLong();
        }
    }

    /** Fills an array with uniform values in [low, high). */
    public static void fillUniform(double[] out, double low, double high) {
        synchronized (LOCK) {
            random.fillUniform(out, low, high);
        }
    }

    /**
     * Reserves the next count uniform draws of the global generator for dropout's keep-mask: the stream moves past
     * them at once, and the returned draws fill any range of the mask, from any thread, with the values a sequential
     * fill would give. Mask entry i is hit where draw i (as {@link #fillUniform} makes it) is below keep: for float32
     * both rounded to float32, so the same mask as {@code Tensor.rand(FLOAT32, ...).lt(keep)} after the same seed.
     */
    public static KeepDraws reserveKeep(long count, double keep, boolean float32) {
        long below = SplitMix.keepBelow(keep, float32);
        synchronized (LOCK) {
            return new KeepDraws(random.reserve(count), below);
        }
    }

    /** Draws reserved by {@link #reserveKeep}: immutable, so ranges may be filled concurrently. */
    public static final class KeepDraws {
        private final long base, below;

        private KeepDraws(long base, long below) {
            this.base = base;
            this.below = below;
        }

        /** out[i] = hit where draw i keeps, else 0, for i in [from, to). */
        public void fill(float[] out, int from, int to, float hit) {
            SplitMix.fillKeep(out, from, to, base, below, hit);
        }

        /** The same in float64. */
        public void fill(double[] out, int from, int to, double hit) {
            SplitMix.fillKeep(out, from, to, base, below, hit);
        }

        /** The counter the first reserved draw follows: with {@link #below()}, what gradnote's C fill reads. */
        public long base() {
            return base;
        }

        /** The 53-bit draws below this keep their element. */
        public long below() {
            return below;
        }
    }

    /** Fills an array with normal values (Box-Muller over the global generator, so it is seed-stable). */
    public static void fillNormal(double[] out, double mean, double std) {
        synchronized (LOCK) {
            for (int i = 0; i < out.length; i += 2) {
                double u1 = random.nextDouble();
                double u2 = random.nextDouble();
                double r = Math.sqrt(-2 * Math.log(1 - u1));
                out[i] = mean + std * r * Math.cos(2 * Math.PI * u2);
                if (i + 1 < out.length) out[i + 1] = mean + std * r * Math.sin(2 * Math.PI * u2);
            }
        }
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates over the given generator). */
    public static int[] permutation(int n, SplittableRandom rng) {
        return permutation(n, rng::nextInt);
    }

    /** A permutation drawn from the global generator (the same as from a SplittableRandom in its state). */
    public static int[] permutation(int n) {
        synchronized (LOCK) {
            return permutation(n, random::nextInt);
        }
    }

    private static int[] permutation(int n, IntUnaryOperator below) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = below.applyAsInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
