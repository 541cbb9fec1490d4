package org.gradnote.tensor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Thread CPU time per native op name and input shapes, printed at exit, when run with {@code -Dgradnote.opprof=true}:
 * the tool that showed conv2d_bp and then im2col dominating LeNet's step. Off by default (a constant the JIT folds).
 */
final class OpProfile {
    private OpProfile() {}

    static final boolean ON = Boolean.getBoolean("gradnote.opprof");
    private static final Map<String, long[]> TOTALS = new ConcurrentHashMap<>();

    /** Loaded only when profiling: the management classes cost the first training step ~10 ms to load. */
    private static final class Clock {
        static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    }

    static {
        if (ON) Runtime.getRuntime().addShutdownHook(new Thread(OpProfile::print));
    }

    /** The thread's CPU time before an op, for {@link #record}. */
    static long start() {
        return Clock.MX.getCurrentThreadCpuTime();
    }

    /** Adds the thread CPU time since c0 to the op's name and input shapes. */
    static void record(String name, INDArray[] inputs, long c0) {
        long d = Clock.MX.getCurrentThreadCpuTime() - c0;
        StringBuilder k = new StringBuilder(name);
        for (INDArray a : inputs) k.append(' ').append(Arrays.toString(a.shape()));
        long[] acc = TOTALS.computeIfAbsent(k.toString(), q -> new long[2]);
        acc[0] += d;
        acc[1]++;
    }

    private static void print() {
        TOTALS.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(40)
                .forEach(e -> System.err.printf(
                        "%10.1f ms %7d calls %8.1f us  %s%n",
                        e.getValue()[0] / 1e6, e.getValue()[1], e.getValue()[0] / 1e3 / e.getValue()[1], e.getKey()));
    }
}
