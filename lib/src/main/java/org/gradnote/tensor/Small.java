package org.gradnote.tensor;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The values of a tiny float32/float64 tensor on the Java heap, in row-major order.
 *
 * <p>Why: an ND4J array and a native call each cost more than a tiny op's maths (docs/performance.md, "Small";
 * the threshold's own measurement is in {@link Dispatch}). Tensors of at most
 * {@link Dispatch#HEAP_MAX} elements therefore start on the heap and the element-wise ops ({@link UnaryOp}, {@link BinaryOp}) run on
 * them in Java; any other op moves them to ND4J once ({@link Storage#nd}). float32 values are kept rounded to
 * float, so +, -, *, / give the bits ND4J's float kernels give.
 */
final class Small {
    final DataType type;
    final long[] shape;
    final double[] v;

    Small(DataType type, long[] shape, double[] v) {
        this.type = type;
        this.shape = shape;
        this.v = v;
    }

    /** True when a tensor of this type and size starts on the heap (the policy is {@link Dispatch#onHeap}). */
    static boolean fits(DataType type, long numel) {
        return Dispatch.onHeap(type, numel);
    }

    /** A heap copy of an ND4J array (used when a native gradient meets a heap rule). */
    static Small of(INDArray a) {
        DataType t = a.dataType() == DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        return new Small(t, a.shape().clone(), Engine.toDoubles(a));
    }

    static Small filled(DataType type, long[] shape, double value) {
        double[] v = new double[Math.toIntExact(Shapes.numel(shape))];
        Arrays.fill(v, round(type, value));
        return new Small(type, shape, v);
    }

    /** Values rounded to the type (float32 keeps float precision, as ND4J would store it). */
    static Small rounded(DataType type, long[] shape, double[] v) {
        if (type == DataType.FLOAT) for (int i = 0; i < v.length; i++) v[i] = (float) v[i];
        return new Small(type, shape, v);
    }

    static double round(DataType type, double x) {
        return type == DataType.FLOAT ? (float) x : x;
    }

    int numel() {
        return v.length;
    }

    Small copy() {
        return new Small(type, shape, v.clone());
    }

    Small castTo(DataType t) {
        return t == type ? this : rounded(t, shape, v.clone());
    }

    /** The same values in a fresh ND4J array. */
    INDArray toNd() {
        INDArray a = Factory.uninitialized(type, shape);
        if (v.length > 0) Engine.putDoubles(a, v, 0, v.length);
        return a;
    }
}
