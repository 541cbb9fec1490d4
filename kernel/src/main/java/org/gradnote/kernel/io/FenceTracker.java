package org.gradnote.kernel.io;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a fence written by the evaluator after a cell has come back on both stdout and stderr: only then has
 * all of the cell's output been forwarded from the evaluator JVM and the reply may be sent.
 */
public final class FenceTracker {
    private final Map<String, Integer> seen = new HashMap<>();

    public String newFence() {
        return UUID.randomUUID().toString();
    }

    public synchronized void seen(String id) {
        seen.merge(id, 1, Integer::sum);
        notifyAll();
    }

    /** True when the fence arrived on both streams within the timeout. */
    public synchronized boolean await(String id, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (seen.getOrDefault(id, 0) < 2) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        seen.remove(id);
        return true;
    }
}
