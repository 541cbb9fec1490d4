package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Batching, drop-last and per-epoch shuffling. */
class DataLoaderTest {

    /** n examples: x row i = (i, 10 i), y = i, so every batch reveals the indices it holds. */
    static TensorDataset data(int n) {
        double[] x = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = 10 * i;
        }
        long[] y = new long[n];
        for (int i = 0; i < n; i++) y[i] = i;
        return new TensorDataset(Tensor.fromArray(DType.FLOAT64, x, n, 2), Tensor.of(y));
    }

    static List<Long> epoch(DataLoader loader) {
        List<Long> ids = new ArrayList<>();
        for (Batch b : loader) for (long v : b.y().toLongArray()) ids.add(v);
        return ids;
    }

    @ParameterizedTest(name = "n={0} batch={1}")
    @CsvSource({"10, 3, 4, 3, 1", "9, 3, 3, 3, 3", "5, 8, 1, 0, 5", "1, 1, 1, 1, 1"})
    void batchCountsWithAndWithoutDropLast(int n, int batch, int count, int countDropLast, int lastSize) {
        DataLoader loader = DataLoader.of(data(n), batch);
        assertEquals(count, loader.batches());
        List<Batch> all = new ArrayList<>();
        loader.forEach(all::add);
        assertEquals(count, all.size());
        assertEquals(lastSize, all.get(all.size() - 1).size());
        for (int i = 0; i < all.size() - 1; i++) assertEquals(batch, all.get(i).size());
        DataLoader dl = loader.dropLast();
        assertEquals(countDropLast, dl.batches());
        int seen = 0;
        for (Batch b : dl) {
            assertEquals(batch, b.size());
            seen++;
        }
        assertEquals(countDropLast, seen);
    }

    @Test
    void unshuffledBatchesKeepOrderAndRows() {
        List<Batch> all = new ArrayList<>();
        DataLoader.of(data(5), 2).forEach(all::add);
        assertArrayEquals(new long[] {2, 2}, all.get(0).x().shape());
        assertArrayEquals(new double[] {2, 20, 3, 30}, all.get(1).x().toDoubleArray());
        assertArrayEquals(new long[] {4}, all.get(2).y().toLongArray());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), epoch(DataLoader.of(data(5), 2)));
    }

    @Test
    void batchSizeZeroOrNegativeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DataLoader.of(data(3), 0));
        assertTrue(e.getMessage().contains("batch size") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataLoader.of(data(3), -2));
    }

    @Test
    void shuffleCoversEveryIndexExactlyOncePerEpoch() {
        DataLoader loader = DataLoader.of(data(23), 4).shuffled(99);
        for (int e = 0; e < 3; e++) {
            List<Long> ids = epoch(loader);
            assertEquals(23, ids.size());
            long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
            for (int i = 0; i < 23; i++) assertEquals(i, sorted[i]);
            assertFalse(ids.equals(epoch(DataLoader.of(data(23), 4))), "a shuffled epoch should not be in order");
        }
    }

    @Test
    void rowsStayPairedAfterShuffling() {
        for (Batch b : DataLoader.of(data(17), 5).shuffled(1)) {
            double[] x = b.x().toDoubleArray();
            long[] y = b.y().toLongArray();
            for (int i = 0; i < y.length; i++) {
                assertEquals(y[i], x[2 * i], 0);
                assertEquals(10 * y[i], x[2 * i + 1], 0);
            }
        }
    }

    @Test
    void sameSeedSameOrderDifferentEpochsDifferentOrders() {
        DataLoader a = DataLoader.of(data(30), 7).shuffled(42),
                b = DataLoader.of(data(30), 7).shuffled(42);
        List<Long> a1 = epoch(a), a2 = epoch(a);
        assertEquals(a1, epoch(b));
        assertEquals(a2, epoch(b));
        assertFalse(a1.equals(a2), "each epoch should reshuffle");
        assertFalse(a1.equals(epoch(DataLoader.of(data(30), 7).shuffled(43))));
    }

    @Test
    void shuffledWithoutSeedFollowsGradnoteSeed() {
        Gradnote.seed(5);
        List<Long> first = epoch(DataLoader.of(data(20), 3).shuffled());
        Gradnote.seed(5);
        assertEquals(first, epoch(DataLoader.of(data(20), 3).shuffled()));
    }

    @Test
    void dropLastWithShuffleDropsTheRemainderOnly() {
        DataLoader loader = DataLoader.of(data(10), 3).shuffled(8).dropLast();
        List<Long> ids = epoch(loader);
        assertEquals(9, ids.size());
        assertEquals(9, ids.stream().distinct().count());
        // the seed given to shuffled() decides the order, whichever call comes first
        assertEquals(ids, epoch(DataLoader.of(data(10), 3).dropLast().shuffled(8)));
        assertEquals(epoch(DataLoader.of(data(10), 3).shuffled(8)).subList(0, 9), ids);
    }

    @Test
    void worksOverASubsetAndTheDefaultStackingBatch() {
        Dataset plain = new Dataset() {
            @Override
            public int size() {
                return 4;
            }

            @Override
            public Tensor[] get(int index) {
                return new Tensor[] {
                    Tensor.full(DType.FLOAT64, index, 3),
                    Tensor.of((long) index).reshape()
                };
            }
        };
        List<Batch> all = new ArrayList<>();
        DataLoader.of(new Subset(plain, new int[] {3, 1, 2}), 2).forEach(all::add);
        assertEquals(2, all.size());
        assertArrayEquals(new long[] {2, 3}, all.get(0).x().shape());
        assertArrayEquals(new long[] {3, 1}, all.get(0).y().toLongArray());
        assertArrayEquals(new double[] {2, 2, 2}, all.get(1).x().toDoubleArray());
    }

    @Test
    void singleTensorBatchHasNoY() {
        Batch b = DataLoader.of(new TensorDataset(Tensor.zeros(4, 2)), 4)
                .iterator()
                .next();
        IllegalStateException e = assertThrows(IllegalStateException.class, b::y);
        assertTrue(e.getMessage().contains("y()"), e.getMessage());
        assertEquals(4, b.size());
    }

    @Test
    void iteratorEndsCleanly() {
        var it = DataLoader.of(data(2), 2).iterator();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
        assertTrue(Arrays.equals(new int[0], new int[0]));
    }
}
