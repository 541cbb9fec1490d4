package org.gradnote.tensor;

/**
 * GELU, SiLU, ELU, SELU, Mish and Hardtanh as compositions of differentiable ops (PyTorch's formulas; no backward
 * code here). Branches that could overflow are fed clamped inputs, so the branch not taken never turns the
 * gradient into 0 * inf = NaN.
 */
final class ActivationOps {
    private ActivationOps() {}

    /** SELU's constants, as in PyTorch (Klambauer et al. 2017). */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** F.gelu(x, approximate='none'): x Phi(x) = x/2 (1 + erf(x / sqrt 2)); 'tanh': the tanh approximation. */
    static Tensor gelu(Tensor x, String approximate) {
        if ("none".equals(approximate))
            return x.mul(0.5).mul(ElementOps.erf(x.mul(Math.sqrt(0.5))).add(1));
        if ("tanh".equals(approximate)) {
            Tensor inner = x.add(x.pow(3).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
            return x.mul(0.5).mul(inner.tanh().add(1));
        }
        throw new IllegalArgumentException("gelu: approximate must be 'none' or 'tanh', got '" + approximate + "'");
    }

    /** F.silu: x sigmoid(x). */
    static Tensor silu(Tensor x) {
        return x.mul(x.sigmoid());
    }

    /**
     * F.elu: x for x > 0, alpha (exp(x) - 1) otherwise. The exp branch reads 0 where x > 0, so a large x cannot
     * overflow it (and NaN stays NaN, which Tensor.clamp would not keep).
     */
    static Tensor elu(Tensor x, double alpha) {
        Tensor positive = x.gt(0);
        Tensor neg = SafeWhere.where("elu", positive, SafeWhere.scalarLike(x, 0), x)
                .exp()
                .sub(1)
                .mul(alpha);
        return SafeWhere.where("elu", positive, x, neg);
    }

    /** F.selu: scale * elu(x, alpha) with PyTorch's fixed constants. */
    static Tensor selu(Tensor x) {
        return elu(x, SELU_ALPHA).mul(SELU_SCALE);
    }

    /** F.mish: x tanh(softplus(x)). */
    static Tensor mish(Tensor x) {
        return x.mul(x.softplus().tanh());
    }

    /**
     * F.hardtanh: clamp(x, min, max), but with PyTorch's gradient, which is zero at the bounds themselves
     * (clamp's passes there).
     */
    static Tensor hardtanh(Tensor x, double min, double max) {
        if (min > max)
            throw new IllegalArgumentException("hardtanh: min_val " + min + " must not exceed max_val " + max);
        Tensor inside = LogicalOps.logical("hardtanh", LogicalOps.Logic.AND, x.gt(min), x.lt(max));
        // The clamped values as a constant, NaN kept (torch.clamp keeps NaN; Tensor.clamp's ND4J max/min do not).
        double[] v = OpsSupport.values(x);
        for (int i = 0; i < v.length; i++) v[i] = v[i] < min ? min : v[i] > max ? max : v[i];
        return SafeWhere.where(
                "hardtanh", inside, x, OpsSupport.constant(x.data().dataType(), v, x.shape()));
    }
}
