package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The C loops give the Java loops' bits: every float of tanh's exp range, the rest sampled, the special values. */
class NativeLoopsTest {
    private static final int CHUNK = 1 << 20;

    /** Where lib was built with its C loops (Linux x86_64 with gcc, as CI), they must load. */
    @Test
    void loadsWhereItWasBuilt() {
        boolean built = NativeLoops.class.getResource("libgradnote_loops-linux-x86_64.so") != null;
        if (built) assertTrue(NativeLoops.status().startsWith("on"), NativeLoops.status());
        else assertTrue(NativeLoops.status().startsWith("off"), NativeLoops.status());
    }

    /**
     * Every float in [1/16, 20], where the C kernel's own exp replaces Math.exp (69M values): the same float as the
     * Java formula for each, the flagged ones included. Also counts how many the guard flagged and how many of those
     * the kernel alone would have rounded differently, so the guard's need is on record in the failure message.
     */
    @Test
    void tanhFloatEqualsJavaOnEveryFloatOfTheExpRange() {
        if (!NativeLoops.status().startsWith("on")) return;
        int first = Float.floatToRawIntBits(0.0625f), last = Float.floatToRawIntBits(20f);
        INDArray src = Engine.empty(DataType.FLOAT, CHUNK), dst = Engine.empty(DataType.FLOAT, CHUNK);
        long s = Memory.address(src, DataType.FLOAT, CHUNK), d = Memory.address(dst, DataType.FLOAT, CHUNK);
        float[] x = new float[CHUNK], y = new float[CHUNK];
        long mismatches = 0;
        for (long from = first; from <= last; from += CHUNK) {
            int n = (int) Math.min(CHUNK, last - from + 1);
            for (int i = 0; i < n; i++) x[i] = Float.intBitsToFloat((int) (from + i));
            Memory.put(src, x, 0, n);
            NativeLoops.tanhFloat(s, d, n);
            Memory.get(dst, y, 0, n);
            for (int i = 0; i < n; i++) {
                if (Float.floatToRawIntBits(y[i]) != Float.floatToRawIntBits((float) RecurrentPrimitives.tanh(x[i])))
                    mismatches++;
            }
        }
        assertEquals(0, mismatches, "floats in [1/16, 20] where the C tanh differs from the Java one");
    }

    @Test
    void tanhFloatEqualsJavaOnSamplesAndSpecialValues() {
        if (!NativeLoops.status().startsWith("on")) return;
        SplittableRandom r = new SplittableRandom(11);
        int n = 100_003;
        float[] x = new float[n];
        float[] special = {
            0f,
            -0f,
            Float.NaN,
            Float.intBitsToFloat(0x7fc12345),
            Float.intBitsToFloat(0xffc00001),
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.MIN_NORMAL,
            Float.MAX_VALUE,
            -Float.MAX_VALUE,
            0.0625f,
            -0.0625f,
            Math.nextDown(0.0625f),
            20f,
            -20f,
            Math.nextUp(20f),
            9.01f,
            -9.01f,
            1e-30f,
            -1e-30f
        };
        for (int i = 0; i < n; i++) {
            // Random bit patterns (every magnitude and sign), then gaussians of several scales.
            x[i] = i < special.length
                    ? special[i]
                    : i % 2 == 0
                            ? Float.intBitsToFloat(r.nextInt())
                            : (float) (r.nextGaussian() * Math.exp(4 * r.nextGaussian()));
        }
        INDArray src = Engine.empty(DataType.FLOAT, n), dst = Engine.empty(DataType.FLOAT, n);
        Memory.put(src, x, 0, n);
        // Odd offsets and lengths: the kernel's blocks of 256 and its tails.
        for (int from = 0; from < n; ) {
            int len = Math.min(n - from, 1 + r.nextInt(700));
            NativeLoops.tanhFloat(
                    Memory.address(src, DataType.FLOAT, n) + 4L * from,
                    Memory.address(dst, DataType.FLOAT, n) + 4L * from,
                    len);
            from += len;
        }
        float[] y = new float[n];
        Memory.get(dst, y, 0, n);
        for (int i = 0; i < n; i++) {
            float want = (float) RecurrentPrimitives.tanh(x[i]);
            assertEquals(
                    Float.floatToRawIntBits(want),
                    Float.floatToRawIntBits(y[i]),
                    "tanh(" + x[i] + " = 0x" + Integer.toHexString(Float.floatToRawIntBits(x[i])) + ")");
        }
    }

    /** A map index past the destination is refused with an exception, never written: the JVM must survive it. */
    @Test
    void scatterAddRefusesAnIndexOutsideTheDestination() {
        if (!NativeLoops.status().startsWith("on")) return;
        INDArray src = Engine.empty(DataType.FLOAT, 4), dst = Engine.empty(DataType.FLOAT, 3);
        long s = Memory.address(src, DataType.FLOAT, 4), d = Memory.address(dst, DataType.FLOAT, 3);
        org.junit.jupiter.api.Assertions.assertThrows(
                IndexOutOfBoundsException.class,
                () -> NativeLoops.scatterAdd(0, s, new int[] {0, -1, 2, 3}, d, 0, 4, 3));
        org.junit.jupiter.api.Assertions.assertThrows(
                IndexOutOfBoundsException.class, () -> NativeLoops.scatterAdd(0, s, new int[] {0, 1}, d, 0, 4, 3));
    }

    /** Through the op: the default path (C) and the forced Java loop give the same tensor. */
    @Test
    void tanhOpIsTheSameOnTheCAndJavaLoops() {
        ComputePath before = Tensor.computePath();
        try {
            Tensor x = Tensor.randn(257, 333).mul(3);
            Tensor.setComputePath(ComputePath.AUTO);
            float[] c = x.tanh().toFloatArray();
            Tensor.setComputePath(ComputePath.LOOP);
            float[] java = x.tanh().toFloatArray();
            for (int i = 0; i < c.length; i++)
                assertEquals(Float.floatToRawIntBits(java[i]), Float.floatToRawIntBits(c[i]), "element " + i);
        } finally {
            Tensor.setComputePath(before);
        }
    }

    /**
     * Dropout's keep masks from the C fill equal the Java loop's bit for bit (integer SplitMix, so exactly), in
     * float32 and float64, at a size the threads split and at one below it.
     */
    @Test
    void keepMaskFromCEqualsJava() {
        if (!NativeLoops.status().startsWith("on")) return;
        ComputePath before = Dispatch.path();
        try {
            for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                for (long[] shape : new long[][] {{32, 64, 512}, {3, 1001}}) {
                    org.gradnote.Gradnote.seed(9);
                    Dispatch.setPath(ComputePath.AUTO);
                    double[] c =
                            LayerPrimitives.scaledKeepMask(type, 0.9, shape).toDoubleArray();
                    org.gradnote.Gradnote.seed(9);
                    Dispatch.setPath(ComputePath.LOOP);
                    double[] own =
                            LayerPrimitives.scaledKeepMask(type, 0.9, shape).toDoubleArray();
                    assertTrue(java.util.Arrays.equals(c, own), type + " " + java.util.Arrays.toString(shape));
                    long kept = java.util.Arrays.stream(own).filter(v -> v != 0).count();
                    assertEquals(0.9, kept / (double) own.length, 0.01, "kept fraction");
                }
            }
        } finally {
            Dispatch.setPath(before);
        }
    }
}
