package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code cond ? a : b} that copies the picked value, so an infinity or NaN in the branch not taken never leaks into
 * the result or the gradient ((a - b) * cond + b, Tensor.where's former rule, turned where(m, -inf, x) into NaN
 * where m is false). Tensor.where and the composed ops of this package (maskedFill, minimum, clamp with tensors, the activations) rely
 * on it. Gradient: g where cond to a, g where not cond to b, each summed back over broadcast dimensions.
 */
final class SafeWhere {
    private SafeWhere() {}

    static Tensor where(String op, Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype() != DType.BOOL)
            throw new IllegalArgumentException(op + ": condition must be a bool tensor, got " + cond.dtype());
        long[] shape = Engine.broadcastShape(op, Engine.broadcastShape(op, a.shape(), b.shape()), cond.shape());
        DataType type = Engine.resultType(a.data().dataType(), b.data().dataType());
        double[] c = OpsSupport.values(cond, shape), va = OpsSupport.values(a, shape), vb = OpsSupport.values(b, shape);
        double[] out = new double[c.length];
        for (int i = 0; i < out.length; i++) out[i] = c[i] != 0 ? va[i] : vb[i];
        long[] sa = a.shape(), sb = b.shape();
        return Tensor.record(
                OpsSupport.array(type, out, shape), op, new Tensor[] {a, b}, Tensor.NONE, new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        double[] gv = OpsSupport.values(g), ga = new double[gv.length], gb = new double[gv.length];
                        for (int i = 0; i < gv.length; i++) {
                            if (c[i] != 0) ga[i] = gv[i];
                            else gb[i] = gv[i];
                        }
                        DataType t = g.dataType();
                        return new INDArray[] {
                            a.requiresGrad() ? Engine.sumToShape(OpsSupport.array(t, ga, shape), sa) : null,
                            b.requiresGrad() ? Engine.sumToShape(OpsSupport.array(t, gb, shape), sb) : null
                        };
                    }
                });
    }

    /** A 0-d constant of t's dtype, to use as one branch (torch casts a fill value to the tensor's type). */
    static Tensor scalarLike(Tensor t, double v) {
        return OpsSupport.constant(t.data().dataType(), new double[] {v}, new long[0]);
    }
}
