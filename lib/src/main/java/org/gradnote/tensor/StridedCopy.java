package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An offset-free strided view of a small float32/float64 array copied into a dense one by a Java gather: the span of memory the
 * view covers is read in one bulk copy, the elements are picked by their strides in a Java array, and the result is
 * written in one bulk copy.
 *
 * <p>Why: the native identity op cost ~20 µs for the meteo CNN's transposed [1, 10, 362] ReLU gradient, every step;
 * the gather takes a few. Large arrays keep the native copy (vectorised, and no span to stage).
 */
final class StridedCopy {
    private StridedCopy() {}

    static final int MAX_ELEMENTS = 16_384;

    /** Copies a into the dense c-order dst of the same shape and type; false, copying nothing, when not handled. */
    static boolean copy(INDArray a, INDArray dst) {
        DataType t = a.dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE || a.length() > MAX_ELEMENTS || a.length() == 0 || a.rank() > 6) return false;
        long[] shape = a.shape(), strides = a.stride();
        long span = 1;
        for (int i = 0; i < shape.length; i++) {
            if (strides[i] < 0) return false;
            span += (shape[i] - 1) * strides[i];
        }
        // Offset-free views only: ND4J gives an offset view its own buffer object whose NIO view still starts at
        // the base's first element, so offsets are left to the native copy.
        if (a.offset() != 0 || a.data().offset() != 0 || span > MAX_ELEMENTS * 4L || span > a.data().length()) return false;
        int n = (int) a.length(), len = (int) span, rank = shape.length;
        int[] size = new int[rank], step = new int[rank], at = new int[rank];
        for (int i = 0; i < rank; i++) {
            size[i] = (int) shape[i];
            step[i] = (int) strides[i];
        }
        Unfold.Scratch s = Unfold.scratch();
        if (t == DataType.FLOAT) {
            float[] src = s.floats(0, len), out = s.floats(1, n);
            Memory.get(a, src, 0, len);
            int pos = 0;
            for (int k = 0; k < n; k++) {
                out[k] = src[pos];
                pos = next(size, step, at, pos);
            }
            Memory.put(dst, out, 0, n);
        } else {
            double[] src = s.doubles(0, len), out = s.doubles(1, n);
            Memory.get(a, src, 0, len);
            int pos = 0;
            for (int k = 0; k < n; k++) {
                out[k] = src[pos];
                pos = next(size, step, at, pos);
            }
            Memory.put(dst, out, 0, n);
        }
        return true;
    }

    /** Advances the c-order counter at (last dimension fastest) and returns the new position in the span. */
    private static int next(int[] size, int[] step, int[] at, int pos) {
        for (int d = size.length - 1; d >= 0; d--) {
            if (++at[d] < size[d]) return pos + step[d];
            at[d] = 0;
            pos -= (size[d] - 1) * step[d];
        }
        return pos;
    }
}
