package org.gradnote.data;

import java.util.SplittableRandom;
import org.gradnote.tensor.Tensor;

/**
 * A per-example change of an input, like a torchvision transform: applied when an example is loaded, so each epoch
 * sees freshly drawn variants. Random transforms draw only from the generator they are given, which keeps runs
 * repeatable; {@link Transforms} has the usual ones.
 */
@FunctionalInterface
public interface Transform {
    /** The transformed copy of one input (e.g. an image [C, H, W]); {@code rng} is the only source of randomness. */
    Tensor apply(Tensor x, SplittableRandom rng);

    /** This transform followed by {@code next}. */
    default Transform andThen(Transform next) {
        return (x, rng) -> next.apply(apply(x, rng), rng);
    }
}
