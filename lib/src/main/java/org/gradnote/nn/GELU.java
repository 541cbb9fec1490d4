package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** nn.GELU: x Phi(x) with the exact erf form (approximate 'none', the default) or the 'tanh' approximation. */
public final class GELU extends Module {
    private final String approximate;

    /** The exact form, {@code GELU(approximate='none')}. */
    public GELU() {
        this("none");
    }

    /** approximate is "none" or "tanh", as in PyTorch. */
    public GELU(String approximate) {
        if (!"none".equals(approximate) && !"tanh".equals(approximate)) {
            throw new IllegalArgumentException("GELU: approximate must be 'none' or 'tanh', got '" + approximate + "'");
        }
        this.approximate = approximate;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.gelu(approximate);
    }

    @Override
    protected String extraRepr() {
        return "approximate='" + approximate + "'";
    }
}
