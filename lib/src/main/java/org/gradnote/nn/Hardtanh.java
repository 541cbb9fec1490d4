package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** nn.Hardtanh: x clamped to [min_val, max_val] (gradient zero outside the open interval, as in PyTorch). */
public final class Hardtanh extends Module {
    private final double min;
    private final double max;

    /** [-1, 1], PyTorch's default. */
    public Hardtanh() {
        this(-1.0, 1.0);
    }

    /** Clamps every element to [minVal, maxVal] ({@code nn.Hardtanh(min_val, max_val)}). */
    public Hardtanh(double minVal, double maxVal) {
        if (minVal > maxVal)
            throw new IllegalArgumentException("Hardtanh: min_val " + minVal + " must not exceed max_val " + maxVal);
        this.min = minVal;
        this.max = maxVal;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.hardtanh(min, max);
    }

    @Override
    protected String extraRepr() {
        return "min_val=" + Repr.pyFloat(min) + ", max_val=" + Repr.pyFloat(max);
    }
}
