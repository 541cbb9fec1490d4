package org.gradnote.bench;

import java.util.Map;

/** One benchmark workload written with gradnote, twin of a PyTorch script in tests/bench/pytorch. */
interface Workload {
    /** The name shared with the PyTorch script (and its file name without .py). */
    String name();

    /** Arguments passed to both sides (iterations or epochs), scaled down in quick mode. */
    String[] args(boolean quick);

    /** Runs the workload and returns seconds spent in the timed part plus its quality figures. */
    Result run(String[] args);

    /**
     * Wall seconds and this thread's CPU seconds of the timed part: on a shared machine wall time swings 2-4x
     * with the load, CPU time much less, so the runner prints both.
     */
    record Result(double seconds, double cpuSeconds, int units, Map<String, Object> extra) {}

    /** This thread's CPU time in nanoseconds (ND4J runs its ops on the calling thread with OMP_NUM_THREADS=1). */
    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
