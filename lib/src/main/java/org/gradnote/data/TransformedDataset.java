package org.gradnote.data;

import java.util.SplittableRandom;
import org.gradnote.tensor.Tensor;

/**
 * A data set whose inputs (the first tensor of each example) go through a {@link Transform} each time they are
 * loaded, like the {@code transform=} argument of torchvision data sets; targets pass unchanged.
 *
 * <p>Randomness comes from one generator seeded at construction, split once per loaded example: the same seed and
 * the same sequence of loads (a {@link DataLoader} shuffled with its own seed) give the same augmented batches, while
 * loading an example again (next epoch) draws a new variant.
 */
public final class TransformedDataset implements Dataset {
    private final Dataset source;
    private final Transform transform;
    private final long seed;
    private SplittableRandom rng;

    /** The examples of {@code source} with their inputs passed through {@code transform}, drawing from {@code seed}. */
    public TransformedDataset(Dataset source, Transform transform, long seed) {
        this.source = source;
        this.transform = transform;
        this.seed = seed;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Tensor[] get(int index) {
        Tensor[] ex = source.get(index).clone();
        SplittableRandom own;
        synchronized (this) {
            own = rng.split();
        }
        ex[0] = transform.apply(ex[0], own);
        return ex;
    }

    /** Restarts the random draws from the construction seed, so the next loads repeat the first ones. */
    public synchronized void reset() {
        rng = new SplittableRandom(seed);
    }

    /** The untransformed data set. */
    public Dataset source() {
        return source;
    }
}
