package org.gradnote.tensor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * gradnote's own parallel-for: a range cut into a fixed grid of chunks that depends only on its length and grain
 * (never on the thread count), run by the calling thread and a small pool of daemon workers sized by
 * {@code Gradnote.setNumThreads}.
 *
 * <p>Why a fixed grid: a body that sums within a chunk, with chunks combined afterwards in index order, then gives
 * the same bits on any number of threads, and the same as a single-threaded run over the same grid. Small ranges
 * (below the caller's {@link Dispatch} threshold) and a thread count of 1 run the body inline over the whole range,
 * with no allocation and no synchronisation: the course labs' loops are a few microseconds each.
 */
final class Parallel {
    private Parallel() {}

    /** A loop body over [from, to) of a range; an abstract class, not a lambda (a lambda's first call links ~0.5 ms). */
    abstract static class Body {
        /** Runs indices [from, to) of the range; must write only what those indices own. */
        abstract void run(int from, int to);
    }

    private static volatile int threads = initialThreads();

    /** How many ranges have been split across threads so far (tests check that a size takes the parallel route). */
    private static final AtomicInteger SPLIT = new AtomicInteger();

    /** OMP_NUM_THREADS when set (the kernelspec sets 1), else every core, as ND4J's OpenMP runtime does. */
    private static int initialThreads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            try {
                return Math.max(1, Integer.parseInt(omp.trim()));
            } catch (NumberFormatException e) {
                // fall through to the core count, as OpenMP ignores a malformed value
            }
        }
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The number of threads the loops here use (the caller included). */
    static int threads() {
        return threads;
    }

    /** Sets the number of threads the loops here use (the caller included); workers start on first use. */
    static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("Parallel.setThreads: threads must be at least 1, got " + n);
        threads = n;
    }

    /** How many ranges have been split across threads since start-up. */
    static int splits() {
        return SPLIT.get();
    }

    /** The number of chunks of at most {@code grain} indices that cover {@code n}: the grid, fixed by n and grain. */
    static int chunks(int n, int grain) {
        return n <= 0 ? 0 : (int) ((n + (long) grain - 1) / grain);
    }

    /**
     * Runs body over [0, n): inline in one call when n is below {@code min} or one thread is set, else chunk by
     * chunk of {@code grain} indices (the last one shorter) on the pool and the calling thread. Chunks may run in any
     * order and concurrently, so a body's chunks must write disjoint data.
     */
    static void range(int n, int min, int grain, Body body) {
        int t = threads;
        int count = chunks(n, grain);
        if (t <= 1 || n < min || count <= 1) {
            if (n > 0) body.run(0, n);
            return;
        }
        SPLIT.incrementAndGet();
        Job job = new Job(body, n, grain, count, Thread.currentThread());
        Pool.submit(job, Math.min(t, count) - 1);
        job.work();
        job.await();
    }

    /**
     * Runs body over [0, count) items of {@code size} elements of work each: the element thresholds of
     * {@link Dispatch} turned into item counts (the grid still depends only on count and size).
     */
    static void items(int count, long size, Body body) {
        long per = Math.max(1, size);
        int min = (int) Math.min(Integer.MAX_VALUE, (Dispatch.PARALLEL_MIN + per - 1) / per);
        int grain = (int) Math.max(1, Dispatch.PARALLEL_GRAIN / per);
        range(count, min, grain, body);
    }

    /** One parallel-for in flight: its chunks are claimed in order from a counter, by the caller and the workers. */
    private static final class Job {
        final Body body;
        final int n, grain, count;
        final Thread caller;
        final AtomicInteger next = new AtomicInteger(), left;
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(Body body, int n, int grain, int count, Thread caller) {
            this.body = body;
            this.n = n;
            this.grain = grain;
            this.count = count;
            this.caller = caller;
            this.left = new AtomicInteger(count);
        }

        /** Claims and runs chunks until none is left. */
        void work() {
            for (int c; (c = next.getAndIncrement()) < count; ) {
                try {
                    if (failure.get() == null) body.run(c * grain, (int) Math.min(n, (long) (c + 1) * grain));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    if (left.decrementAndGet() == 0) LockSupport.unpark(caller);
                }
            }
        }

        /** Waits for the last chunk (spinning first, see {@link #SPIN_NANOS}), then rethrows the first failure. */
        void await() {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (left.get() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
            while (left.get() > 0) LockSupport.park(this);
            Throwable e = failure.get();
            if (e instanceof RuntimeException r) throw r;
            if (e instanceof Error err) throw err;
            if (e != null) throw new IllegalStateException(e);
        }
    }

    /**
     * How long a worker waiting for a job, and a caller waiting for its helpers, spin before they block. Why: waking a
     * blocked thread took 20-60 µs here, as long as an LSTM step's product or a 64k-element loop, so on two threads
     * these ran no faster than on one (docs/performance.md, "session 17").
     */
    static final long SPIN_NANOS = Long.getLong("gradnote.spinNanos", 100_000L);

    /** The daemon workers: each waits for a job, helps with its chunks, and waits again. */
    private static final class Pool {
        private static final Object LOCK = new Object();
        private static final java.util.ArrayDeque<Job> QUEUE = new java.util.ArrayDeque<>();
        /** QUEUE's size, for the spinning workers to read without the lock. */
        private static volatile int queued;

        private static int started, sleeping;

        /** Hands job to {@code helpers} workers, starting workers as needed (they never stop: daemon threads). */
        static void submit(Job job, int helpers) {
            synchronized (LOCK) {
                while (started < helpers) {
                    Thread w = new Thread(new Worker(), "gradnote-loop-" + started++);
                    w.setDaemon(true);
                    w.start();
                }
                for (int i = 0; i < helpers; i++) QUEUE.add(job);
                queued = QUEUE.size();
                if (sleeping > 0) LOCK.notifyAll();
            }
        }

        static Job take() throws InterruptedException {
            long deadline = System.nanoTime() + SPIN_NANOS;
            while (queued == 0 && System.nanoTime() < deadline) Thread.onSpinWait();
            synchronized (LOCK) {
                while (QUEUE.isEmpty()) {
                    sleeping++;
                    try {
                        LOCK.wait();
                    } finally {
                        sleeping--;
                    }
                }
                Job job = QUEUE.poll();
                queued = QUEUE.size();
                return job;
            }
        }
    }

    private static final class Worker implements Runnable {
        @Override
        public void run() {
            try {
                while (true) Pool.take().work();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
