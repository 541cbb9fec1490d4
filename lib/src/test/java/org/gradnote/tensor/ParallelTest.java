package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.nn.Activations;
import org.gradnote.nn.Conv2d;
import org.gradnote.nn.Flatten;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.MaxPool2d;
import org.gradnote.nn.Module;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.Adam;
import org.gradnote.optim.Optimizer;
import org.gradnote.optim.SGD;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** gradnote's parallel-for: a grid fixed by the size alone, and training bits that do not depend on the threads. */
class ParallelTest {
    private final int before = Gradnote.numThreads();
    private final int blasBefore = Gradnote.blasThreads();

    @AfterEach
    void restore() {
        Gradnote.setNumThreads(before);
        Gradnote.setBlasThreads(blasBefore);
    }

    /** The chunks a range was cut into, as sorted [from, to) pairs. */
    private static List<List<Integer>> grid(int threads, int n, int min, int grain) {
        Parallel.setThreads(threads);
        List<List<Integer>> chunks = Collections.synchronizedList(new ArrayList<>());
        Parallel.range(n, min, grain, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                chunks.add(List.of(from, to));
            }
        });
        List<List<Integer>> sorted = new ArrayList<>(chunks);
        sorted.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
        return sorted;
    }

    @Test
    void theGridDependsOnTheSizeAloneAndCoversTheRangeOnce() {
        try {
            List<List<Integer>> two = grid(2, 10_001, 100, 1000), three = grid(3, 10_001, 100, 1000);
            assertEquals(two, three);
            assertEquals(11, two.size());
            assertEquals(Parallel.chunks(10_001, 1000), two.size());
            for (int c = 0; c < two.size(); c++)
                assertEquals(List.of(1000 * c, Math.min(10_001, 1000 * (c + 1))), two.get(c));
            // Below the threshold, or on one thread, the body runs once over the whole range, inline.
            assertEquals(List.of(List.of(0, 99)), grid(2, 99, 100, 10));
            assertEquals(List.of(List.of(0, 10_001)), grid(1, 10_001, 100, 1000));
            assertEquals(List.of(), grid(2, 0, 0, 10));
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void chunkSumsCombinedInOrderGiveTheSameBitsOnAnyThreadCount() {
        double[] v = new double[100_000];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble() * Math.pow(10, r.nextInt(12));
        double[] sums = new double[3];
        for (int t = 1; t <= 3; t++) {
            Parallel.setThreads(t);
            double[] partial = new double[Parallel.chunks(v.length, 4096)];
            // min 0: a single thread runs the whole range at once, so the partials are cut by the body itself.
            Parallel.range(partial.length, 0, 1, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    for (int c = from; c < to; c++) {
                        double s = 0;
                        for (int i = 4096 * c; i < Math.min(v.length, 4096 * (c + 1)); i++) s += v[i];
                        partial[c] = s;
                    }
                }
            });
            double s = 0;
            for (double p : partial) s += p;
            sums[t - 1] = s;
        }
        Parallel.setThreads(before);
        assertEquals(Double.doubleToRawLongBits(sums[0]), Double.doubleToRawLongBits(sums[1]));
        assertEquals(Double.doubleToRawLongBits(sums[0]), Double.doubleToRawLongBits(sums[2]));
    }

    @Test
    void workersThatStoppedSpinningStillTakeTheNextRange() throws InterruptedException {
        Parallel.setThreads(2);
        try {
            for (int round = 0; round < 3; round++) {
                // Longer than Parallel.SPIN_NANOS: the worker has blocked on the pool's lock by then.
                Thread.sleep(Math.max(1, 5 * Parallel.SPIN_NANOS / 1_000_000));
                // Each of the two chunks waits for the other: they only finish if a worker runs one of them.
                java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
                boolean[] met = new boolean[2];
                Parallel.range(2, 2, 1, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        both.countDown();
                        try {
                            met[from] = both.await(10, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
                assertTrue(met[0] && met[1], "round " + round + ": a worker took the second chunk");
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void aFailingChunkIsRethrownOnTheCaller() {
        Parallel.setThreads(2);
        try {
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> Parallel.range(10_000, 0, 100, new Parallel.Body() {
                        @Override
                        void run(int from, int to) {
                            if (from == 5_000) throw boom;
                        }
                    }));
            assertSame(boom, e);
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void setNumThreadsGovernsTheLoops() {
        Gradnote.setNumThreads(2);
        assertEquals(2, Parallel.threads());
        Gradnote.setNumThreads(1);
        assertEquals(1, Parallel.threads());
    }

    /** A recipe that builds its model from the seed and trains it a few steps. */
    private interface Recipe {
        Module train();
    }

    /** The parameters after training on {@code threads} threads (OpenBLAS on one: its products change bits). */
    private static List<double[]> at(int threads, Recipe r) {
        Gradnote.setNumThreads(threads);
        Gradnote.setBlasThreads(1);
        List<double[]> out = new ArrayList<>();
        for (Tensor p : r.train().parameters()) out.add(p.toDoubleArray());
        return out;
    }

    private static void bitIdentical(String name, Recipe r) {
        List<double[]> one = at(1, r);
        int splits = Parallel.splits();
        List<double[]> two = at(2, r);
        // The forced native path (a re-run of this suite) runs no Java loops; the bits must still match.
        if (Dispatch.path() != ComputePath.NATIVE)
            assertTrue(Parallel.splits() > splits + 10, name + ": the loops must take the parallel route at 2 threads");
        assertEquals(one.size(), two.size());
        for (int i = 0; i < one.size(); i++) assertArrayEquals(one.get(i), two.get(i), 0.0, name + ": parameter " + i);
    }

    private static Module steps(Module m, Optimizer opt, Tensor x, Tensor y, int steps) {
        for (int s = 0; s < steps; s++) {
            opt.zeroGrad();
            Loss.crossEntropy().apply(m.forward(x), y).backward();
            opt.step();
        }
        return m;
    }

    private static Tensor labels(int n) {
        long[] l = new long[n];
        for (int i = 0; i < n; i++) l[i] = i % 10;
        return Tensor.of(l);
    }

    @Test
    void aCifarSizeCnnAndAWideMlpTrainToTheSameBitsOnOneAndTwoThreads() {
        bitIdentical("CNN", () -> {
            Gradnote.seed(7);
            Tensor x = Tensor.randn(16, 3, 32, 32);
            Sequential m = new Sequential(
                    new Conv2d(3, 16, 3, 1, 1),
                    Activations.relu(),
                    new MaxPool2d(2),
                    new Conv2d(16, 32, 3, 1, 1),
                    Activations.relu(),
                    new MaxPool2d(2),
                    new Flatten(),
                    new Linear(32 * 8 * 8, 10));
            return steps(m, new SGD(m.parameters(), 0.01, 0.9), x, labels(16), 3);
        });
        bitIdentical("MLP", () -> {
            Gradnote.seed(8);
            Tensor x = Tensor.randn(256, 512);
            Sequential m = new Sequential(
                    new Linear(512, 1024),
                    Activations.relu(),
                    new Linear(1024, 1024),
                    Activations.relu(),
                    new Linear(1024, 10));
            return steps(m, new Adam(m.parameters(), 1e-3), x, labels(256), 3);
        });
    }
}
