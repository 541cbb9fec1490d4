package org.gradnote.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.gradnote.Gradnote;

/**
 * Iterates over a data set in mini-batches, like {@code torch.utils.data.DataLoader}: batch size, shuffling with
 * a seed (a new order each epoch, repeatable run to run), and drop-last.
 */
public final class DataLoader implements Iterable<Batch> {
    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final boolean dropLast;
    private final long seed;
    private final SplittableRandom rng;

    private DataLoader(Dataset dataset, int batchSize, boolean shuffle, boolean dropLast, long seed) {
        if (batchSize <= 0)
            throw new IllegalArgumentException("DataLoader: batch size must be positive, got " + batchSize);
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.dropLast = dropLast;
        this.seed = seed;
        this.rng = new SplittableRandom(seed);
    }

    /** Batches in order. */
    public static DataLoader of(Dataset dataset, int batchSize) {
        return new DataLoader(dataset, batchSize, false, false, 0);
    }

    /** A loader that reshuffles each epoch; its generator is seeded from {@link Gradnote#seed}. */
    public DataLoader shuffled() {
        return new DataLoader(dataset, batchSize, true, dropLast, Gradnote.nextSeed());
    }

    /** A loader that reshuffles each epoch from its own seed. */
    public DataLoader shuffled(long seed) {
        return new DataLoader(dataset, batchSize, true, dropLast, seed);
    }

    /** Drops the last batch when it is smaller than the batch size (same seed: the order does not depend on call order). */
    public DataLoader dropLast() {
        return new DataLoader(dataset, batchSize, shuffle, true, seed);
    }

    /** The data set this loader draws its batches from. */
    public Dataset dataset() {
        return dataset;
    }

    /** Number of batches per epoch. */
    public int batches() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    @Override
    public Iterator<Batch> iterator() {
        int n = dataset.size();
        int[] order = shuffle ? Gradnote.permutation(n, rng) : identity(n);
        int count = batches();
        return new Iterator<>() {
            int b;

            @Override
            public boolean hasNext() {
                return b < count;
            }

            @Override
            public Batch next() {
                if (!hasNext()) throw new NoSuchElementException();
                int from = b * batchSize, to = Math.min(n, from + batchSize);
                b++;
                return new Batch(dataset.batch(java.util.Arrays.copyOfRange(order, from, to)));
            }
        };
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }
}
