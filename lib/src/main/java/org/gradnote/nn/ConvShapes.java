package org.gradnote.nn;

import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/** Checks shared by the convolution and pooling layers: input rank and channels, with the layer named in the error. */
final class ConvShapes {
    private ConvShapes() {}

    /** Refuses an input whose rank differs from {@code rank} or whose channel count differs from {@code channels} (-1: any). */
    static void check(Module layer, Tensor x, int rank, long channels) {
        boolean ok = x.dim() == rank && (channels < 0 || x.size(1) == channels);
        if (!ok) {
            String c = channels < 0 ? "C" : Long.toString(channels);
            String expected = rank == 3 ? "[N, " + c + ", W]" : "[N, " + c + ", H, W]";
            throw new ShapeException(
                    layer + ": expected input " + expected + ", got " + java.util.Arrays.toString(x.shape()));
        }
    }

    static int[] positive(String layer, String what, int[] v) {
        for (int x : v)
            if (x <= 0)
                throw new IllegalArgumentException(
                        layer + ": " + what + " must be positive, got " + java.util.Arrays.toString(v));
        return v.clone();
    }

    static int[] nonNegative(String layer, String what, int[] v) {
        for (int x : v)
            if (x < 0)
                throw new IllegalArgumentException(
                        layer + ": " + what + " must be non-negative, got " + java.util.Arrays.toString(v));
        return v.clone();
    }
}
