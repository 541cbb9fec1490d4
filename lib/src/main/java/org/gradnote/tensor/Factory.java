package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Part of the ND4J gateway (with {@link Engine}): every ND4J array gradnote makes from Java values or a fill. Each
 * method is the ND4J factory call it names, unchanged, so callers keep their exact bits.
 */
final class Factory {
    private Factory() {}

    static INDArray fromArray(double[] v) {
        return Nd4j.createFromArray(v);
    }

    static INDArray fromArray(float[] v) {
        return Nd4j.createFromArray(v);
    }

    static INDArray fromArray(long[] v) {
        return Nd4j.createFromArray(v);
    }

    static INDArray fromArray(boolean[] v) {
        return Nd4j.createFromArray(v);
    }

    static INDArray fromArray(double[][] v) {
        return Nd4j.createFromArray(v);
    }

    static INDArray fromArray(double[][][] v) {
        return Nd4j.createFromArray(v);
    }

    static INDArray fromArray(float[][] v) {
        return Nd4j.createFromArray(v);
    }

    /** A c-order float64 array of shape holding v. */
    static INDArray create(double[] v, long[] shape) {
        return Nd4j.create(v, shape, 'c');
    }

    /** A c-order float32 array of shape holding v. */
    static INDArray create(float[] v, long[] shape) {
        return Nd4j.create(v, shape, 'c');
    }

    /** A zero-filled array (ND4J's create: no values given). */
    static INDArray create(DataType type, long... shape) {
        return Nd4j.create(type, shape);
    }

    /** A rank-0 float64 array. */
    static INDArray scalar(double v) {
        return Nd4j.scalar(v);
    }

    /** A rank-0 int64 array. */
    static INDArray scalar(long v) {
        return Nd4j.scalar(v);
    }

    /** A rank-0 array of the given type. */
    static INDArray scalar(DataType type, double v) {
        return Nd4j.scalar(type, v);
    }

    static INDArray zeros(DataType type, long... shape) {
        return Nd4j.zeros(type, shape);
    }

    static INDArray ones(DataType type, long... shape) {
        return Nd4j.ones(type, shape);
    }

    static INDArray full(long[] shape, double value, DataType type) {
        return Nd4j.valueArrayOf(shape, value, type);
    }

    /** A fresh array whose content is not set (the caller writes all of it). */
    static INDArray uninitialized(DataType type, long... shape) {
        return Nd4j.createUninitialized(type, shape);
    }

    /** 0, 1, ..., end - 1 as ND4J's arange makes them (float32). */
    static INDArray arange(long end) {
        return Nd4j.arange(0, end);
    }

    static INDArray linspace(double start, double end, long n, DataType type) {
        return Nd4j.linspace(start, end, n, type);
    }

    /** The n × n identity (ND4J's default dtype). */
    static INDArray eye(long n) {
        return Nd4j.eye(n);
    }

    /** The arrays joined along dim. */
    static INDArray concat(int dim, INDArray... arrays) {
        return Nd4j.concat(dim, arrays);
    }
}
