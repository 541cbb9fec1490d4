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

    record Result(double seconds, int units, Map<String, Object> extra) {}
}
