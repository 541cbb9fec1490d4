package org.gradnote.bench;

import java.util.Map;

/** One benchmark workload written with gradnote, twin of a PyTorch script in tests/bench/pytorch. */
interface Workload {
    /** The name shared with the PyTorch script (and its file name without .py). */
    String name();

    /** What one timed unit is ("epoch", "iter", "step", "batch"), for the table's per-unit column. */
    default String unit() {
        return "epoch";
    }

    /** Arguments passed to both sides (iterations or epochs), scaled down in quick mode. */
    String[] args(boolean quick);

    /** Runs the workload and returns seconds spent in the timed part plus its quality figures. */
    Result run(String[] args);

    /**
     * Wall seconds and the process's CPU seconds of the timed part: on a shared machine wall time swings 2-4x
     * with the load, CPU time much less, so the runner prints both.
     */
    record Result(double seconds, double cpuSeconds, int units, Map<String, Object> extra) {}

    /**
     * The whole process's CPU time in nanoseconds (every thread: the caller, native OpenMP workers, the JIT and the
     * collector), the same measure as PyTorch's {@code time.process_time()} on the other side.
     */
    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** This process's peak resident memory in MiB (VmHWM of /proc/self/status), or NaN where there is none. */
    static double peakRssMb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        } catch (java.io.IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return Double.NaN;
    }
}
