package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** nn.SiLU (swish): x sigmoid(x). */
public final class SiLU extends Module {
    @Override
    public Tensor forward(Tensor x) {
        return x.silu();
    }
}
