// GENERATED from lib/src/main/twins/org/gradnote/tensor/SubtractLoop.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The optimizers' in-place parameter update d -= src as a Java loop for small dense arrays. */
final class SubtractLoop {
    private SubtractLoop() {}

    /**
     * d -= src for dense, offset-free float32/float64 arrays of one type and size up to {@link Dispatch#SUBTRACT_LOOP_MAX}
     * elements, as a Java loop (the same IEEE subtraction as the native op); false, doing nothing, otherwise. Every
     * optimizer step subtracts each parameter's update: LeNet's eight were ~50 µs of native calls per step.
     */
    static boolean subtract(INDArray d, INDArray src) {
        int n = (int) Math.min(d.length(), Integer.MAX_VALUE);
        if (!Dispatch.loop(n, Dispatch.SUBTRACT_LOOP_MAX)
                || d.offset() != 0
                || src.offset() != 0
                || d.dataType() != src.dataType()) return false;
        Unfold.Scratch s = Unfold.scratch();
        if (d.dataType() == DataType.FLOAT) {
            float[] a = s.floats(0, n), b = s.floats(1, n);
            Memory.get(d, a, 0, n);
            Memory.get(src, b, 0, n);
            for (int i = 0; i < n; i++) a[i] -= b[i];
            Memory.put(d, a, 0, n);
            return true;
        } else if (d.dataType() == DataType.DOUBLE) {
            double[] a = s.doubles(0, n), b = s.doubles(1, n);
            Memory.get(d, a, 0, n);
            Memory.get(src, b, 0, n);
            for (int i = 0; i < n; i++) a[i] -= b[i];
            Memory.put(d, a, 0, n);
            return true;
        }
        return false;
    }
}
