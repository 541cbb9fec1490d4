package org.gradnote.grid;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What one run sends back to the driver: its status ({@code ok}, {@code failed}, {@code timeout}), the metrics it
 * recorded with {@code Notebook.metric}, its wall time, the error's summary, its output and its charts (PNG bytes by
 * file name), and where and on what it ran. The driver writes all of it under the run's directory.
 */
public record RunResult(
        String id,
        String status,
        LinkedHashMap<String, Double> metrics,
        double seconds,
        String error,
        String stdout,
        String stderr,
        LinkedHashMap<String, byte[]> charts,
        String jdk,
        String host,
        int attempt)
        implements Serializable {

    /** Whether the run finished without an error. */
    public boolean ok() {
        return status.equals("ok");
    }
}
