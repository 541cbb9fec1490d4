package org.gradnote.kernel;

/**
 * Start-up phase timestamps on the kernel's stderr (Jupyter's log) when the environment sets
 * {@code GRADNOTE_STARTUP_TRACE=1}, as {@code tests/bench/kernel-startup --trace} does: where the time to the first
 * result goes.
 */
public final class StartupTrace {
    private static final boolean ON = "1".equals(System.getenv("GRADNOTE_STARTUP_TRACE"));

    private StartupTrace() {}

    /**
     * Prints the milliseconds since this JVM's process started (10 ms resolution; the start is known to the second
     * only, so compare marks with each other), the process's CPU milliseconds so far, and the thread, when on.
     */
    public static void mark(String phase) {
        if (!ON) return;
        ProcessHandle.Info info = ProcessHandle.current().info();
        long started = info.startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        long cpu = info.totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        System.err.printf(
                "[startup] %5d ms (cpu %5d ms) %s (%s)%n",
                System.currentTimeMillis() - started,
                cpu,
                phase,
                Thread.currentThread().getName());
    }
}
