package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/** Layer normalisation over the trailing dimensions, like {@code nn.LayerNorm}, with element-wise affine γ/β. */
public class LayerNorm extends Module {
    private final long[] normalizedShape;
    private final double eps;
    private final boolean affine;

    /**
     * Layer normalisation over the trailing dimensions of the given shape, eps 1e-5, with learnable γ/β ({@code
     * nn.LayerNorm(normalized_shape)}).
     */
    public LayerNorm(long... normalizedShape) {
        this(normalizedShape, 1e-5, true);
    }

    /**
     * Layer normalisation over the trailing dimensions {@code normalizedShape} with the given eps and optional
     * learnable γ/β ({@code nn.LayerNorm}'s full signature).
     */
    public LayerNorm(long[] normalizedShape, double eps, boolean elementwiseAffine) {
        if (normalizedShape.length == 0)
            throw new IllegalArgumentException("LayerNorm: normalized_shape must have at least one dimension");
        this.normalizedShape = normalizedShape.clone();
        this.eps = eps;
        this.affine = elementwiseAffine;
        if (affine) {
            registerParameter("weight", Tensor.ones(normalizedShape));
            registerParameter("bias", Tensor.zeros(normalizedShape));
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        long[] s = x.shape();
        int k = normalizedShape.length;
        if (s.length < k
                || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(s, s.length - k, s.length), normalizedShape)) {
            throw new ShapeException(this + ": expected input [*, "
                    + java.util.Arrays.toString(normalizedShape).replaceAll("[\\[\\]]", "") + "], got "
                    + java.util.Arrays.toString(s));
        }
        return Functional.layerNorm(
                x, normalizedShape, affine ? local("weight") : null, affine ? local("bias") : null, eps);
    }

    @Override
    protected String extraRepr() {
        return Repr.tuple(normalizedShape) + ", eps=" + Repr.pyFloat(eps) + ", elementwise_affine=" + Repr.bool(affine);
    }
}
