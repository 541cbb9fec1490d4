package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** nn.SELU: scale * ELU(x, alpha) with the self-normalising constants. */
public final class SELU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.selu();
    }
}
