// GENERATED from lib/src/main/twins/org/gradnote/tensor/StridedCopy.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
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

    /** Copies a into the dense c-order dst of the same shape and type; false, copying nothing, when not handled. */
    static boolean copy(INDArray a, INDArray dst) {
        DataType t = a.dataType();
        long max = Dispatch.loopLimit(Dispatch.STRIDED_COPY_MAX);
        if (t != DataType.FLOAT && t != DataType.DOUBLE || a.length() > max || a.length() == 0) return false;
        long[] shape = a.shape(), strides = a.stride();
        long span = 1;
        for (int i = 0; i < shape.length; i++) {
            if (strides[i] < 0) return false;
            span += (shape[i] - 1) * strides[i];
        }
        // Offset-free views only: ND4J gives an offset view its own buffer object whose NIO view still starts at
        // the base's first element, so offsets are left to the native copy.
        if (a.offset() != 0
                || a.data().offset() != 0
                || span > max * 4L
                || span > a.data().length()) return false;
        int n = (int) a.length(), len = (int) span;
        // Size-1 dimensions dropped and at most three left, so the gather is three plain loops (a per-element
        // counter call ran ~20x slower in the interpreter, where a run's first epochs execute it).
        int[] size = {1, 1, 1}, step = {0, 0, 0};
        int kept = 0;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == 1) continue;
            if (kept == 3) return false;
            size[kept] = (int) shape[i];
            step[kept++] = (int) strides[i];
        }
        // Right-align: the last kept dimension is the innermost loop.
        int shift = 3 - kept;
        for (int i = 2; i >= 0; i--) {
            size[i] = i >= shift ? size[i - shift] : 1;
            step[i] = i >= shift ? step[i - shift] : 0;
        }
        Unfold.Scratch s = Unfold.scratch();
        if (t == DataType.FLOAT) {
            float[] src = s.floats(0, len), out = s.floats(1, n);
            Memory.get(a, src, 0, len);
            int k = 0;
            for (int i = 0, pi = 0; i < size[0]; i++, pi += step[0]) {
                for (int j = 0, pj = pi; j < size[1]; j++, pj += step[1]) {
                    for (int l = 0, pl = pj; l < size[2]; l++, pl += step[2]) out[k++] = src[pl];
                }
            }
            Memory.put(dst, out, 0, n);
        } else {
            double[] src = s.doubles(0, len), out = s.doubles(1, n);
            Memory.get(a, src, 0, len);
            int k = 0;
            for (int i = 0, pi = 0; i < size[0]; i++, pi += step[0]) {
                for (int j = 0, pj = pi; j < size[1]; j++, pj += step[1]) {
                    for (int l = 0, pl = pj; l < size[2]; l++, pl += step[2]) out[k++] = src[pl];
                }
            }
            Memory.put(dst, out, 0, n);
        }
        return true;
    }
}
