package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Shared plumbing of the ops in ShapeOps, SortOps, LogicalOps, ScanOps, MathOps: values as c-order doubles (any
 * dtype, optionally broadcast to a shape), arrays built back from them, and the line geometry of a dimension.
 */
final class OpsSupport {
    private OpsSupport() {}

    /** The elements of t in c order as doubles (bool as 0/1; int64 beyond 2^53 rounds). */
    static double[] values(Tensor t) {
        Small s = t.small();
        if (s != null) return s.v.clone();
        return values(t.data());
    }

    static double[] values(INDArray a) {
        if (a.length() == 0) return new double[0];
        if (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE) return Engine.toDoubles(a);
        return Engine.doubles(Engine.cast(a, DataType.DOUBLE));
    }

    /** The elements of t broadcast to shape (numpy rule, checked by the caller), in c order. */
    static double[] values(Tensor t, long[] shape) {
        if (java.util.Arrays.equals(t.shape(), shape)) return values(t);
        if (Shapes.numel(shape) == 0) return new double[0];
        INDArray d = t.data().dataType() == DataType.DOUBLE ? t.data() : Engine.cast(t.data(), DataType.DOUBLE);
        long[] s = t.shape();
        if (s.length < shape.length) {
            // Leading 1s first: ND4J's broadcast needs equal ranks.
            long[] padded = new long[shape.length];
            java.util.Arrays.fill(padded, 1);
            System.arraycopy(s, 0, padded, shape.length - s.length, s.length);
            d = d.reshape(padded);
        }
        return Engine.doubles(d.broadcast(shape).dup('c'));
    }

    /** A fresh c-order array of the given type holding values (rounded to the type). */
    static INDArray array(DataType type, double[] v, long[] shape) {
        if (v.length == 0) return Factory.create(type, shape);
        INDArray a = shape.length == 0 ? Factory.scalar(v[0]) : Factory.create(v, shape);
        return a.dataType() == type ? a : Engine.cast(a, type);
    }

    /** An int64 array from longs, exact beyond 2^53. */
    static INDArray longArray(long[] v, long[] shape) {
        if (v.length == 0) return Factory.create(DType.INT64.nd4j(), shape);
        return Factory.fromArray(v).reshape(shape);
    }

    /** A new tensor (no history) of the given type. */
    static Tensor constant(DataType type, double[] v, long[] shape) {
        return new Tensor(array(type, v, shape));
    }

    /** Tensor.fromArray(float[], shape): one copy of the floats, straight into native memory. */
    static Tensor fromFloats(float[] values, long[] shape) {
        if (Shapes.numel(shape) != values.length)
            throw new ShapeException("fromArray: " + values.length + " values do not fill shape " + Shapes.str(shape));
        return new Tensor(values.length == 0 ? Factory.create(DataType.FLOAT, shape) : Factory.create(values, shape));
    }

    /** Tensor.arange with integer arguments: int64 values, exact beyond 2^53, as torch.arange. */
    static Tensor arange(long start, long end, long step) {
        if (step == 0) throw new IllegalArgumentException("arange: step must be non-zero");
        long n = Math.max(
                0,
                step > 0 ? Math.floorDiv(end - start + step - 1, step) : Math.floorDiv(start - end - step - 1, -step));
        long[] v = new long[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) v[i] = start + i * step;
        return new Tensor(longArray(v, new long[] {v.length}));
    }

    /** Product of the sizes before dimension d: the number of lines along d. */
    static int outer(long[] shape, int d) {
        long n = 1;
        for (int i = 0; i < d; i++) n *= shape[i];
        return Math.toIntExact(n);
    }

    /** Product of the sizes after dimension d: the stride of d in c order. */
    static int inner(long[] shape, int d) {
        long n = 1;
        for (int i = d + 1; i < shape.length; i++) n *= shape[i];
        return Math.toIntExact(n);
    }
}
