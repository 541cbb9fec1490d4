package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * Averages each channel over all its positions, [N, C, ...] to [N, C]: {@code nn.AdaptiveAvgPool2d(1)} followed by
 * flattening, as global-average-pooling networks use it before their classifier.
 */
public class GlobalAvgPool extends Module {
    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() < 3)
            throw new ShapeException(
                    this + ": expected input [N, C, ...spatial], got " + java.util.Arrays.toString(x.shape()));
        return Functional.globalAvgPool(x);
    }
}
