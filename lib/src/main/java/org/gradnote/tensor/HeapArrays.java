package org.gradnote.tensor;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-thread free lists of double[] by exact length: the recurrent layers' state arrays (gates, hidden and cell
 * states of every step, their gradients), reused from one call to the next instead of allocated each time.
 *
 * <p>Why: an LSTM layer of lstm_128 (100 steps, batch 32, hidden 128) made ~60 MB of such arrays per training step.
 * That churn is what made young collections frequent and long (the saved ones are live when a collection comes, so
 * they are copied), and what a small young generation could not hold (docs/performance.md, "2026-12-06 (session
 * 12)"). Why it is safe: an array is given back only by the code that took it, once nothing reads it any more (a
 * tape entry's saved arrays when the entry is released after its backward). Contents of a taken array are whatever
 * its last user left: callers that accumulate clear it first. Bounded per length and in bytes; past the bounds an
 * array is left to the collector.
 */
final class HeapArrays {
    private static final int MAX_PER_LENGTH = 8;
    private static final long MAX_BYTES = 256L << 20;

    private final Map<Integer, ArrayDeque<double[]>> free = new HashMap<>();
    private long bytes;

    // No lambda (see BufferPool): its call site would be linked on a training step's first call.
    private static final ThreadLocal<HeapArrays> POOL = new ThreadLocal<>() {
        @Override
        protected HeapArrays initialValue() {
            return new HeapArrays();
        }
    };

    static HeapArrays get() {
        return POOL.get();
    }

    /** An array of exactly n doubles, recycled when one is free: its contents are unspecified. */
    double[] take(int n) {
        ArrayDeque<double[]> q = free.get(n);
        if (q != null && !q.isEmpty()) {
            bytes -= 8L * n;
            return q.pop();
        }
        return new double[n];
    }

    /** An array of exactly n zeros, recycled when one is free. */
    double[] zeros(int n) {
        double[] a = take(n);
        java.util.Arrays.fill(a, 0);
        return a;
    }

    /** Returns arrays nothing reads any more (null entries are skipped). */
    void give(double[]... arrays) {
        for (double[] a : arrays) {
            if (a == null || bytes + 8L * a.length > MAX_BYTES) continue;
            ArrayDeque<double[]> q = free.get(a.length);
            if (q == null) free.put(a.length, q = new ArrayDeque<>());
            if (q.size() >= MAX_PER_LENGTH) continue;
            q.push(a);
            bytes += 8L * a.length;
        }
    }
}
