package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** nn.Mish: x tanh(softplus(x)). */
public final class Mish extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.mish();
    }
}
