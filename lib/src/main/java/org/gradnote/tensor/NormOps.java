package org.gradnote.tensor;

/**
 * logsumexp, vector norms, and var/std over several dimensions, all composed from differentiable ops (no backward
 * code here). Where PyTorch masks a gradient that the plain composition would make 0 * inf = NaN (the 2-norm or std
 * of all zeros), a square root is taken through {@link #safeRoot}, which gives 0 there as PyTorch does.
 */
final class NormOps {
    private NormOps() {}

    /** torch.logsumexp(x, dims, keepdim): m + log(sum(exp(x - m))) with m the detached max (0 where it is infinite). */
    static Tensor logsumexp(Tensor x, int[] dims, boolean keepDim) {
        if (!x.dtype().isFloatingPoint()) x = x.to(Tensor.defaultDType());
        int[] d = dims.length == 0 ? Primitives.allDims(x.dim()) : dims("logsumexp", dims, x.dim());
        long[] kept = Primitives.keptShape(x.shape(), d);
        // Empty input: log(0) = -inf wherever a reduced line is empty (the engine's reductions refuse empty arrays).
        if (x.numel() == 0) return emptyReduction(x, d, keepDim, Double.NEGATIVE_INFINITY);
        double[] m;
        if (x.dim() == 0) m = new double[1];
        else {
            m = OpsSupport.values(Engine.maxKeepDims(x.data(), kept, d));
            for (int i = 0; i < m.length; i++) if (Double.isInfinite(m[i])) m[i] = 0; // -inf - -inf would be NaN
        }
        Tensor shift = OpsSupport.constant(x.data().dataType(), m, kept);
        Tensor out = x.sub(shift).exp().sum(d, true).log().add(shift);
        return keepDim ? out : out.reshape(Primitives.dropDims(kept, d));
    }

    /** torch.linalg.vector_norm(x, p, dims, keepdim) for p = 0, 1, 2, +-inf or any other positive p. */
    static Tensor norm(Tensor x, double p, int[] dims, boolean keepDim) {
        Signature.NORM.check(x);
        int[] d = dims.length == 0 ? Primitives.allDims(x.dim()) : dims("norm", dims, x.dim());
        Tensor a = x.abs();
        if (x.dim() == 0) d = new int[0];
        boolean infinite = p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY;
        if (x.numel() == 0 && !infinite) return emptyReduction(x, d, keepDim, 0);
        if (p == Double.POSITIVE_INFINITY || p == Double.NEGATIVE_INFINITY) {
            if (x.numel() == 0)
                throw new IllegalArgumentException("norm: the " + (p > 0 ? "inf" : "-inf")
                        + "-norm of an empty tensor is undefined (shape " + Shapes.str(x.shape()) + ")");
            if (d.length == 0) return a;
            return extremeOver(a, d, keepDim, p > 0);
        }
        if (p == 0) return sum(ElementOps.step(a, ElementOps.Step.SIGN), d, keepDim);
        if (p == 1) return sum(a, d, keepDim);
        if (p == 2) return safeRoot(sum(x.square(), d, keepDim), 2);
        if (!(p > 0)) throw new IllegalArgumentException("norm: p must be positive, 0 or +-inf, got " + p);
        return safeRoot(sum(a.pow(p), d, keepDim), p);
    }

    /** torch.var(x, dims, unbiased, keepdim), through the accurate two-pass {@link ReduceOp#VAR}. */
    static Tensor var(Tensor x, int[] dims, boolean unbiased, boolean keepDim) {
        if (dims.length > 0) dims("var", dims, x.dim());
        return ReduceOp.VAR.apply(x, dims, keepDim, unbiased ? 1 : 0);
    }

    /** torch.std: the square root of var, with a zero gradient where it is 0 (as PyTorch masks it). */
    static Tensor std(Tensor x, int[] dims, boolean unbiased, boolean keepDim) {
        if (dims.length > 0) dims("std", dims, x.dim());
        return ReduceOp.STD.apply(x, dims, keepDim, unbiased ? 1 : 0);
    }

    /**
     * Max (or min) of |x| over several dims at once: the reduced dims are moved last and flattened, so that ties
     * across the whole reduced set share the gradient, as torch's amax over dims does.
     */
    private static Tensor extremeOver(Tensor a, int[] d, boolean keepDim, boolean max) {
        if (d.length == 1) return (max ? ReduceOp.AMAX : ReduceOp.AMIN).apply(a, d[0], keepDim);
        int r = a.dim();
        boolean[] red = new boolean[r];
        for (int k : d) red[k] = true;
        int[] perm = new int[r];
        int p = 0;
        for (int i = 0; i < r; i++) if (!red[i]) perm[p++] = i;
        for (int i = 0; i < r; i++) if (red[i]) perm[p++] = i;
        int kept = r - d.length;
        long[] in = a.shape(), flat = new long[kept + 1];
        flat[kept] = 1;
        for (int i = 0; i < r; i++) {
            if (red[i]) flat[kept] *= in[i];
        }
        for (int i = 0; i < kept; i++) flat[i] = in[perm[i]];
        Tensor out = (max ? ReduceOp.AMAX : ReduceOp.AMIN).apply(a.permute(perm).reshape(flat), kept, false);
        return keepDim ? out.reshape(Primitives.keptShape(in, d)) : out;
    }

    /** The result of reducing an empty x over d: value everywhere (no history: there is nothing to differentiate). */
    private static Tensor emptyReduction(Tensor x, int[] d, boolean keepDim, double value) {
        long[] kept = Primitives.keptShape(x.shape(), d);
        long[] shape = keepDim ? kept : Primitives.dropDims(x.shape(), d);
        double[] v = new double[Math.toIntExact(Shapes.numel(shape))];
        java.util.Arrays.fill(v, value);
        return OpsSupport.constant(x.data().dataType(), v, shape);
    }

    /** Normalised, sorted dims, refusing repeats as torch does ("dim 0 appears multiple times"). */
    private static int[] dims(String op, int[] dims, int rank) {
        ShapeOps.distinct(op, dims, rank);
        return Shapes.dims(op, dims, rank);
    }

    private static Tensor sum(Tensor t, int[] d, boolean keepDim) {
        return d.length == 0 ? t.copy() : t.sum(d, keepDim);
    }

    /** s^(1/p) for s >= 0 whose gradient is 0 (not inf * 0) where s == 0. */
    static Tensor safeRoot(Tensor s, double p) {
        Tensor zero = s.eq(0);
        Tensor safe = SafeWhere.where("norm", zero, SafeWhere.scalarLike(s, 1), s);
        Tensor root = p == 2 ? safe.sqrt() : safe.pow(1 / p);
        return SafeWhere.where("norm", zero, SafeWhere.scalarLike(s, 0), root);
    }
}
