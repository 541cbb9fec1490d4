package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The table of element-wise ops whose every output element is one of their operands' elements, picked by comparing
 * them (clamp): each constant is one op, described once — its name, dtype rule ({@link DTypeRule}, enforced by
 * {@link #apply}), the pick and, beside it, which operands the gradient flows to where (PyTorch's derivatives.yaml
 * rule for the op). The operands after the first may be tensors (broadcast with it) or Java numbers, or absent.
 * {@code where}, {@code maximum} and {@code minimum} have this shape too and are candidates (still in
 * {@link SafeWhere} and {@link ElementOps}).
 *
 * <p>One runner for the table: operands read as doubles broadcast to the result's shape (exact for float32, float64
 * and integers to 2^53), the pick in Java, and at the forward the per-element mask of which operands get g, so the
 * rule reads no tensor again. Native arrays only, no heap path.
 */
enum SelectOp {
    /**
     * torch.clamp(x, lo, hi): x, unless x &lt; lo (then lo) or the result &gt; hi (then hi), so lo &gt; hi gives hi; a
     * NaN in x or in a bound gives NaN, and a tie keeps x (-0.0 stays -0.0 at a bound of 0.0). Gradient (torch's
     * clamp_backward and clamp_backward_min_max): x gets g where lo &lt;= x &lt;= hi, lo where x &lt; lo &lt; hi, hi
     * where x &gt; hi or hi &lt; lo; where a bound is NaN, or lo = hi with x outside, nothing gets g. The result's
     * dtype is torch.result_type of x and the bounds: a double bound is a Python float (an int64 tensor clamped to
     * [0.5, 2] gives float32), a long bound a Python int (a bool tensor gives int64).
     */
    CLAMP("clamp", DTypeRule.PROMOTE) {
        @Override
        double pick(double x, double lo, double hi) {
            double v = x;
            if (v < lo || Double.isNaN(lo)) v = lo;
            if (v > hi || Double.isNaN(hi)) v = hi;
            return v;
        }

        @Override
        int gets(double x, double lo, double hi, boolean hasLo, boolean hasHi) {
            int m = 0;
            if (x >= lo && x <= hi) m |= FIRST;
            if (x < lo && (!hasHi || lo < hi)) m |= SECOND;
            if (x > hi || (hasLo && hi < lo)) m |= THIRD;
            return m;
        }
    };

    /** Mask bits of {@link #gets}: the operands that get the gradient at an element. */
    static final int FIRST = 1, SECOND = 2, THIRD = 4;

    private static final String[] NAMES = {"the input", "min", "max"};
    /** The mask bit of each recorded input, by which operands are tensors. */
    private static final int[] ONE_BIT = {FIRST},
            TWO_BITS_B = {FIRST, SECOND},
            TWO_BITS_C = {FIRST, THIRD},
            THREE_BITS = {FIRST, SECOND, THIRD};

    final String label;
    /** The dtype rule: what the op takes and returns. */
    final DTypeRule types;

    SelectOp(String label, DTypeRule types) {
        this.label = label;
        this.types = types;
    }

    /** The picked value from the three operands' elements (an absent operand reads as the op's neutral value). */
    abstract double pick(double a, double b, double c);

    /** The {@link #FIRST} / {@link #SECOND} / {@link #THIRD} bits of the operands whose gradient is g here. */
    abstract int gets(double a, double b, double c, boolean hasB, boolean hasC);

    /**
     * The op with tensor operands b and c (either may be null, not both): broadcast, promoted with a by the dtype
     * rule, and differentiable in all three.
     */
    final Tensor apply(Tensor a, Tensor b, Tensor c) {
        if (b == null && c == null)
            throw new IllegalArgumentException(label + ": at least one of min and max must be given");
        DType type = types.of(label, NAMES, a, b, c);
        long[] shape = a.shape();
        if (b != null) shape = Engine.broadcastShape(label, shape, b.shape());
        if (c != null) shape = Engine.broadcastShape(label, shape, c.shape());
        double[] va = OpsSupport.values(a, shape);
        double[] vb = b == null ? null : OpsSupport.values(b, shape),
                vc = c == null ? null : OpsSupport.values(c, shape);
        double[] out = new double[va.length];
        byte[] mask = new byte[va.length];
        for (int i = 0; i < out.length; i++) {
            double x = va[i], lo = vb == null ? Double.NEGATIVE_INFINITY : vb[i];
            double hi = vc == null ? Double.POSITIVE_INFINITY : vc[i];
            out[i] = pick(x, lo, hi);
            mask[i] = (byte) gets(x, lo, hi, vb != null, vc != null);
        }
        Tensor[] inputs = b == null ? new Tensor[] {a, c} : c == null ? new Tensor[] {a, b} : new Tensor[] {a, b, c};
        int[] bits = b == null ? TWO_BITS_C : c == null ? TWO_BITS_B : THREE_BITS;
        return Tensor.record(array(out, type, shape), label, inputs, Tensor.NONE, new Rule(inputs, bits, shape, mask));
    }

    /**
     * The op with Java numbers b and c (infinities for an absent bound), int64 operands when {@code integral} (torch's
     * Python ints) and else of the default float type: the dtype rule promotes them with a as a {@link BinaryOp}
     * promotes its number, and they are rounded to the result's type as its number is. Differentiable in a.
     */
    final Tensor apply(Tensor a, double b, double c, boolean integral) {
        DType type = types.withNumber(label, a, Promotion.withScalar(a, integral));
        DataType t = type.nd4j();
        double lo = Small.round(t, b), hi = Small.round(t, c);
        double[] va = Extremes.doubles(a), out = new double[va.length];
        byte[] mask = new byte[va.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = pick(va[i], lo, hi);
            mask[i] = (byte) gets(va[i], lo, hi, false, false);
        }
        long[] shape = a.shape();
        Tensor[] inputs = {a};
        return Tensor.record(
                array(out, type, shape), label, inputs, Tensor.NONE, new Rule(inputs, ONE_BIT, shape, mask));
    }

    /** Values computed in double into a fresh array of the type (integers through a cast of the doubles). */
    private static INDArray array(double[] v, DType type, long[] shape) {
        if (type.isFloatingPoint()) return Reduce.toArray(v, type.nd4j(), shape);
        return Engine.cast(Reduce.toArray(v, DType.FLOAT64.nd4j(), shape), type.nd4j());
    }

    /** The rule: g where each tensor operand's mask bit is set, 0 elsewhere, summed back over broadcast dimensions. */
    private static final class Rule implements Node.Backward {
        private final Tensor[] inputs;
        private final int[] bits;
        private final long[] shape;
        private final byte[] mask;

        Rule(Tensor[] inputs, int[] bits, long[] shape, byte[] mask) {
            this.inputs = inputs;
            this.bits = bits;
            this.shape = shape;
            this.mask = mask;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            double[] gv = Engine.toDoubles(g);
            INDArray[] r = new INDArray[inputs.length];
            for (int k = 0; k < inputs.length; k++) {
                Tensor t = inputs[k];
                if (!t.requiresGrad()) continue;
                int bit = bits[k];
                double[] d = new double[gv.length];
                for (int i = 0; i < d.length; i++) if ((mask[i] & bit) != 0) d[i] = gv[i];
                r[k] = Engine.sumToShape(Reduce.toArray(d, g.dataType(), shape), t.shape());
            }
            return r;
        }
    }
}
