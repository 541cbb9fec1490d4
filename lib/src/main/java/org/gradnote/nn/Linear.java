package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** A fully connected layer y = x W^T + b, with PyTorch's weight layout [out, in] and default initialisation. */
public class Linear extends Module {
    private final long inFeatures;
    private final long outFeatures;
    private final boolean hasBias;

    /**
     * A fully connected layer y = x Wᵀ + b from {@code inFeatures} to {@code outFeatures}: input [..., in], output
     * [..., out], PyTorch's uniform initialisation ({@code nn.Linear(in, out)}).
     */
    public Linear(long inFeatures, long outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    /** A fully connected layer, with or without its bias ({@code nn.Linear(in, out, bias)}). */
    public Linear(long inFeatures, long outFeatures, boolean bias) {
        if (inFeatures <= 0 || outFeatures <= 0) {
            throw new IllegalArgumentException(
                    "Linear: feature counts must be positive, got in=" + inFeatures + " out=" + outFeatures);
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.hasBias = bias;
        // PyTorch's reset_parameters: kaiming_uniform(a=sqrt(5)) gives U(-1/sqrt(in), 1/sqrt(in)) for both.
        double bound = 1 / Math.sqrt(inFeatures);
        registerParameter("weight", Init.uniform(Tensor.zeros(outFeatures, inFeatures), -bound, bound));
        if (bias) registerParameter("bias", Init.uniform(Tensor.zeros(outFeatures), -bound, bound));
    }

    /** The weight matrix W, [outFeatures, inFeatures], a parameter. */
    public Tensor weight() {
        return local("weight");
    }

    /** The bias, or null for a layer built without one. */
    public Tensor bias() {
        return hasBias ? local("bias") : null;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (x.dim() == 0 || x.size(-1) != inFeatures) {
            throw new org.gradnote.tensor.ShapeException(
                    "Linear(" + inFeatures + ", " + outFeatures + "): expected input with last dimension " + inFeatures
                            + ", got shape " + java.util.Arrays.toString(x.shape()));
        }
        return Tensor.linear(x, weight(), bias());
    }

    @Override
    protected String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + (hasBias ? "True" : "False");
    }
}
