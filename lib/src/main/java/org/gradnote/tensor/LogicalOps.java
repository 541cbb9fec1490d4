package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * all/any, the logical operators (bool results, any input dtype: non-zero is true, NaN included, as in PyTorch),
 * and the boolean-mask ops maskedFill, maskedSelect (x[mask]) and maskedAssign (x[mask] = v), composed from
 * SafeWhere and indexSelect so their gradients come from those.
 */
final class LogicalOps {
    private LogicalOps() {}

    /** The four element-wise logical operators; enum constants, not lambdas (see Node.Backward). */
    enum Logic {
        AND {
            boolean of(boolean a, boolean b) {
                return a && b;
            }
        },
        OR {
            boolean of(boolean a, boolean b) {
                return a || b;
            }
        },
        XOR {
            boolean of(boolean a, boolean b) {
                return a ^ b;
            }
        },
        NOT {
            boolean of(boolean a, boolean b) {
                return !a;
            }
        };

        abstract boolean of(boolean a, boolean b);
    }

    static Tensor logical(String op, Logic f, Tensor a, Tensor b) {
        long[] shape = b == null ? a.shape() : Engine.broadcastShape(op, a.shape(), b.shape());
        double[] va = OpsSupport.values(a, shape), vb = b == null ? va : OpsSupport.values(b, shape);
        double[] out = new double[va.length];
        for (int i = 0; i < out.length; i++) out[i] = f.of(va[i] != 0, vb[i] != 0) ? 1 : 0;
        return OpsSupport.constant(DataType.BOOL, out, shape);
    }

    /** all (or any) over the whole tensor: a 0-d bool. */
    static Tensor allAny(Tensor x, boolean all) {
        double[] v = OpsSupport.values(x);
        boolean r = all;
        for (double e : v) {
            if ((e != 0) != all) {
                r = !all;
                break;
            }
        }
        return OpsSupport.constant(DataType.BOOL, new double[] {r ? 1 : 0}, new long[0]);
    }

    /** all (or any) along one dimension, the dimension kept as size 1 when keepDim. */
    static Tensor allAny(Tensor x, int dim, boolean keepDim, boolean all) {
        String op = all ? "all" : "any";
        if (x.dim() == 0) {
            Shapes.dim(op, dim, 0);
            return allAny(x, all);
        }
        int d = Shapes.dim(op, dim, x.dim());
        long[] shape = x.shape();
        double[] v = OpsSupport.values(x);
        int n = Math.toIntExact(shape[d]), outer = OpsSupport.outer(shape, d), inner = OpsSupport.inner(shape, d);
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                boolean r = all;
                for (int k = 0; k < n; k++) {
                    if ((v[(o * n + k) * inner + in] != 0) != all) {
                        r = !all;
                        break;
                    }
                }
                out[o * inner + in] = r ? 1 : 0;
            }
        }
        long[] kept = shape.clone();
        kept[d] = 1;
        return OpsSupport.constant(DataType.BOOL, out, keepDim ? kept : Primitives.dropDims(shape, new int[] {d}));
    }

    /** torch.masked_fill: value where the bool mask (broadcast to x's shape) is true; the gradient flows where false. */
    static Tensor maskedFill(Tensor x, Tensor mask, double value) {
        checkMask("maskedFill", x, mask);
        if (!java.util.Arrays.equals(Engine.broadcastShape("maskedFill", x.shape(), mask.shape()), x.shape())) {
            throw new ShapeException("maskedFill: mask of shape " + Shapes.str(mask.shape())
                    + " does not broadcast to the" + " input's shape " + Shapes.str(x.shape()));
        }
        return SafeWhere.where("maskedFill", mask, SafeWhere.scalarLike(x, value), x);
    }

    /**
     * x[mask] = value in place (torch's masked_fill_ with a broadcast mask). Refused on a tensor that requires grad
     * while grad mode is on: gradnote's in-place ops are not recorded, so the gradient would silently miss the fill.
     */
    static Tensor maskedFillInPlace(Tensor x, Tensor mask, double value) {
        if (GradMode.isEnabled() && x.requiresGrad())
            throw new IllegalStateException("maskedFill_: tensor of shape "
                    + Shapes.str(x.shape())
                    + " requires grad and in-place ops are not recorded; use maskedFill (out of place),"
                    + " or do it inside Tensor.noGrad()");
        Tensor filled;
        GradMode off = Tensor.noGrad();
        try {
            filled = maskedFill(x, mask, value);
        } finally {
            off.close();
        }
        return x.copy_(filled);
    }

    /** x[mask] for a bool mask whose shape is x's leading dimensions: the picked elements (or rows), flattened. */
    static Tensor maskedSelect(Tensor x, Tensor mask) {
        long[] rest = leading("maskedSelect", x, mask);
        return rows(x, mask, rest).indexSelect(0, picks(mask));
    }

    /** A copy of x with x[mask] = values (torch's index_put with a bool mask); values broadcast to [count, rest...]. */
    static Tensor maskedAssign(Tensor x, Tensor mask, Tensor values) {
        long[] rest = leading("maskedAssign", x, mask);
        int[] picks = picks(mask);
        long[] target = new long[rest.length + 1];
        target[0] = picks.length;
        System.arraycopy(rest, 0, target, 1, rest.length);
        long[] b = Engine.broadcastShape("maskedAssign", values.shape(), target);
        if (!java.util.Arrays.equals(b, target))
            throw new ShapeException("maskedAssign: values of shape " + Shapes.str(values.shape()) + " do not fit the "
                    + picks.length + " masked elements (shape " + Shapes.str(target) + ")");
        if (picks.length == 0) return x.copy();
        // The result keeps x's dtype, as index_put does (a float-to-float cast keeps the gradient).
        Tensor typed = values.dtype() == x.dtype() ? values : values.to(x.dtype());
        Tensor v = java.util.Arrays.equals(typed.shape(), target) ? typed : typed.expand(target);
        // Row r of the flattened x takes v's row rank(r) among the masked rows; unmasked rows read row 0, unused.
        double[] m = OpsSupport.values(mask);
        int[] slot = new int[m.length];
        for (int r = 0, k = 0; r < m.length; r++) slot[r] = m[r] != 0 ? k++ : 0;
        Tensor scattered = v.indexSelect(0, slot);
        Tensor flatMask = OpsSupport.constant(DataType.BOOL, m, lead(m.length, rest.length));
        return SafeWhere.where("maskedAssign", flatMask, scattered, rows(x, mask, rest))
                .reshape(x.shape());
    }

    private static long[] lead(long n, int restRank) {
        long[] s = new long[restRank + 1];
        java.util.Arrays.fill(s, 1);
        s[0] = n;
        return s;
    }

    /** x as [mask.numel(), rest...]. */
    private static Tensor rows(Tensor x, Tensor mask, long[] rest) {
        long[] s = new long[rest.length + 1];
        s[0] = mask.numel();
        System.arraycopy(rest, 0, s, 1, rest.length);
        return x.reshape(s);
    }

    private static int[] picks(Tensor mask) {
        double[] m = OpsSupport.values(mask);
        int count = 0;
        for (double e : m) if (e != 0) count++;
        int[] p = new int[count];
        for (int i = 0, k = 0; i < m.length; i++) if (m[i] != 0) p[k++] = i;
        return p;
    }

    /** The trailing dimensions of x after the mask's (which must match x's leading ones, as torch's indexing needs). */
    private static long[] leading(String op, Tensor x, Tensor mask) {
        checkMask(op, x, mask);
        long[] s = x.shape(), m = mask.shape();
        boolean ok = m.length <= s.length;
        for (int i = 0; ok && i < m.length; i++) ok = m[i] == s[i];
        if (!ok)
            throw new ShapeException(op + ": mask of shape " + Shapes.str(m) + " does not match the leading dimensions"
                    + " of the input's shape " + Shapes.str(s));
        return java.util.Arrays.copyOfRange(s, m.length, s.length);
    }

    private static void checkMask(String op, Tensor x, Tensor mask) {
        if (mask.dtype() != DType.BOOL)
            throw new IllegalArgumentException(op + ": mask must be a bool tensor, got " + mask.dtype() + " (input "
                    + x.dtype() + " of shape " + Shapes.str(x.shape()) + ")");
    }
}
