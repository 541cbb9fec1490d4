package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** nn.ELU: x for x > 0, alpha (exp(x) - 1) otherwise. */
public final class ELU extends Module {
    private final double alpha;

    /** alpha = 1.0, PyTorch's default. */
    public ELU() {
        this(1.0);
    }

    /** ELU with the given alpha: x for x > 0, alpha (e^x - 1) otherwise ({@code nn.ELU(alpha)}). */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.elu(alpha);
    }

    @Override
    protected String extraRepr() {
        return "alpha=" + Repr.pyFloat(alpha);
    }
}
