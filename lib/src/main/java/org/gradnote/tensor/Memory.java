// GENERATED from lib/src/main/twins/org/gradnote/tensor/Memory.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import java.lang.reflect.Field;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between a native array's memory and Java arrays, the way the Java loops here read and write.
 *
 * <p>Why not {@code data().asNioFloat().get(...)}: each asNio call wraps the memory in a new direct ByteBuffer
 * through JNI, ~0.8 µs where the copy of a few thousand floats takes ~0.3, and the meteo CNN makes ~60 such
 * copies per epoch, LeNet ~100 per step. Here the copy is one {@code Unsafe.copyMemory} from the buffer's address,
 * after checking the type and that the range lies inside the buffer, so a wrong length throws instead of
 * reading or writing past it. Buffers ND4J made as offset views of others keep the NIO route (their address
 * semantics differ); the arrays the loops use are offset-free. This class is gradnote's one route to native memory:
 * nothing else reads or writes it (asNio appears only here, as that fallback).
 */
final class Memory {
    private Memory() {}

    private static final sun.misc.Unsafe UNSAFE = unsafe();
    private static final long FLOATS = sun.misc.Unsafe.ARRAY_FLOAT_BASE_OFFSET,
            DOUBLES = sun.misc.Unsafe.ARRAY_DOUBLE_BASE_OFFSET;
    private static final long FLOAT_SIZE = Float.BYTES, DOUBLE_SIZE = Double.BYTES;

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("sun.misc.Unsafe is not available", e);
        }
    }

    /** The first n elements of a's buffer into dst[off..off+n) (a float32 array; element 0 is a's first when a is offset-free). */
    static void get(INDArray a, float[] dst, int off, int n) {
        if (direct(a, DataType.FLOAT, off, n, dst.length))
            UNSAFE.copyMemory(null, a.data().address(), dst, FLOATS + FLOAT_SIZE * off, FLOAT_SIZE * n);
        else a.data().asNioFloat().get(0, dst, off, n);
    }

    /** src[off..off+n) into the first n elements of a's float32 buffer. */
    static void put(INDArray a, float[] src, int off, int n) {
        if (direct(a, DataType.FLOAT, off, n, src.length))
            UNSAFE.copyMemory(src, FLOATS + FLOAT_SIZE * off, null, a.data().address(), FLOAT_SIZE * n);
        else a.data().asNioFloat().put(0, src, off, n);
    }

    /** The first n elements of a's buffer into dst[off..off+n) (a float64 array; element 0 is a's first when a is offset-free). */
    static void get(INDArray a, double[] dst, int off, int n) {
        if (direct(a, DataType.DOUBLE, off, n, dst.length))
            UNSAFE.copyMemory(null, a.data().address(), dst, DOUBLES + DOUBLE_SIZE * off, DOUBLE_SIZE * n);
        else a.data().asNioDouble().get(0, dst, off, n);
    }

    /** src[off..off+n) into the first n elements of a's float64 buffer. */
    static void put(INDArray a, double[] src, int off, int n) {
        if (direct(a, DataType.DOUBLE, off, n, src.length))
            UNSAFE.copyMemory(src, DOUBLES + DOUBLE_SIZE * off, null, a.data().address(), DOUBLE_SIZE * n);
        else a.data().asNioDouble().put(0, src, off, n);
    }

    /**
     * Elements from..from+n of a's float32 buffer into dst[0..n): the chunked reads of {@link Reduce}, which walks
     * arrays of millions of elements through a small buffer instead of copying them whole onto the heap.
     */
    static void get(INDArray a, long from, float[] dst, int n) {
        checkRange(a, DataType.FLOAT, from, n, dst.length);
        long at = a.data().address() + FLOAT_SIZE * from;
        if (a.data().offset() == 0) UNSAFE.copyMemory(null, at, dst, FLOATS, FLOAT_SIZE * n);
        else a.data().asNioFloat().get(Math.toIntExact(from), dst, 0, n);
    }

    /** src[0..n) into elements from..from+n of a's float32 buffer: the chunked writes of {@link Unfold}. */
    static void put(INDArray a, long from, float[] src, int n) {
        checkRange(a, DataType.FLOAT, from, n, src.length);
        long at = a.data().address() + FLOAT_SIZE * from;
        if (a.data().offset() == 0) UNSAFE.copyMemory(src, FLOATS, null, at, FLOAT_SIZE * n);
        else a.data().asNioFloat().put(Math.toIntExact(from), src, 0, n);
    }

    /**
     * Elements from..from+n of a's float64 buffer into dst[0..n): the chunked reads of {@link Reduce}, which walks
     * arrays of millions of elements through a small buffer instead of copying them whole onto the heap.
     */
    static void get(INDArray a, long from, double[] dst, int n) {
        checkRange(a, DataType.DOUBLE, from, n, dst.length);
        long at = a.data().address() + DOUBLE_SIZE * from;
        if (a.data().offset() == 0) UNSAFE.copyMemory(null, at, dst, DOUBLES, DOUBLE_SIZE * n);
        else a.data().asNioDouble().get(Math.toIntExact(from), dst, 0, n);
    }

    /** src[0..n) into elements from..from+n of a's float64 buffer: the chunked writes of {@link Unfold}. */
    static void put(INDArray a, long from, double[] src, int n) {
        checkRange(a, DataType.DOUBLE, from, n, src.length);
        long at = a.data().address() + DOUBLE_SIZE * from;
        if (a.data().offset() == 0) UNSAFE.copyMemory(src, DOUBLES, null, at, DOUBLE_SIZE * n);
        else a.data().asNioDouble().put(Math.toIntExact(from), src, 0, n);
    }

    /**
     * Row k of the dense out = row picks[k] of the dense src, rows of the given bytes (any element type), native
     * memory to native memory (a byte[] in between was a minibatch of garbage per batch). Indices are checked
     * against both buffers.
     */
    static void copyRows(INDArray src, long[] picks, INDArray out, int rowBytes) {
        long srcBytes = src.data().length() * src.dataType().width(),
                outBytes = out.data().length() * out.dataType().width();
        if ((long) picks.length * rowBytes > outBytes)
            throw new IndexOutOfBoundsException(picks.length + " rows of " + rowBytes + " bytes into " + outBytes);
        for (long p : picks) {
            if (p < 0 || (p + 1) * rowBytes > srcBytes)
                throw new IndexOutOfBoundsException("row " + p + " of " + rowBytes + " bytes in " + srcBytes);
        }
        if (src.data().offset() == 0 && out.data().offset() == 0) {
            long from = src.data().address(), to = out.data().address();
            // One C call for all the rows: copyMemory's ~30 ns a call was 5% of the mlp_toy lab's step.
            if (NativeLoops.enabled() && NativeLoops.copyRows(from, picks, to, rowBytes)) return;
            if (rowBytes <= WORD_COPY_MAX) {
                for (int k = 0; k < picks.length; k++)
                    copyWords(from + picks[k] * rowBytes, to + (long) k * rowBytes, rowBytes);
            } else {
                for (int k = 0; k < picks.length; k++)
                    UNSAFE.copyMemory(from + picks[k] * rowBytes, to + (long) k * rowBytes, rowBytes);
            }
        } else {
            java.nio.ByteBuffer from = src.data().asNio(), to = out.data().asNio();
            for (int k = 0; k < picks.length; k++)
                to.put(k * rowBytes, from, Math.toIntExact(picks[k] * rowBytes), rowBytes);
        }
    }

    /**
     * Rows of at most this many bytes are copied 8 bytes at a time here rather than by one copyMemory each: that call
     * costs ~30 ns whatever the size, so a minibatch's labels (8-byte rows) took 30 ns a row instead of 5; the two
     * break even near 250 bytes (C1 training flags, rows picked at random from 64 MB).
     */
    private static final int WORD_COPY_MAX = 192;

    private static void copyWords(long from, long to, int bytes) {
        int b = 0;
        for (; b + 8 <= bytes; b += 8) UNSAFE.putLong(to + b, UNSAFE.getLong(from + b));
        for (; b < bytes; b++) UNSAFE.putByte(to + b, UNSAFE.getByte(from + b));
    }

    /**
     * The n elements of a dense, offset-free INT32 or INT64 array as longs, read from its address: the class
     * indices and permutations of every minibatch, where ND4J's asLong read them one call per element.
     */
    static long[] indices(INDArray a, int n) {
        DataType t = a.dataType();
        if ((t != DataType.INT32 && t != DataType.INT64)
                || a.data().offset() != 0
                || n > a.data().length()) {
            throw new IllegalArgumentException("indices: " + n + " elements of a " + t + " buffer of "
                    + a.data().length());
        }
        long[] out = new long[n];
        long at = a.data().address();
        if (t == DataType.INT64) {
            if (n > 0) UNSAFE.copyMemory(null, at, out, sun.misc.Unsafe.ARRAY_LONG_BASE_OFFSET, 8L * n);
        } else {
            for (int i = 0; i < n; i++) out[i] = UNSAFE.getInt(at + 4L * i);
        }
        return out;
    }

    /**
     * The address of a's first element for a native loop over its first n elements of the given type, or 0 when a's
     * buffer is an offset view (whose address semantics differ; the caller then takes its Java route). Throws, as the
     * copies do, when n elements do not fit in the buffer: a native loop never sees an unchecked range.
     */
    static long address(INDArray a, DataType type, long n) {
        if (a.dataType() != type)
            throw new IllegalArgumentException("native loop over " + type + " values of a " + a.dataType() + " array");
        if (n < 0 || n > a.data().length())
            throw new IndexOutOfBoundsException(
                    n + " elements of a native buffer of " + a.data().length());
        return a.data().offset() == 0 ? a.data().address() : 0;
    }

    /** Zeroes the first n elements of a's buffer (of a's type), as the Java loops' Arrays.fill did on their copy. */
    static void zero(INDArray a, long n) {
        long at = address(a, a.dataType(), n);
        if (at == 0) throw new IllegalArgumentException("zero: an offset view has no plain address");
        UNSAFE.setMemory(at, n * a.dataType().width(), (byte) 0);
    }

    /** The float at an address {@link #address} returned (plus an offset inside the range it checked). */
    static float floatAt(long address) {
        return UNSAFE.getFloat(address);
    }

    /** Writes the float at an address {@link #address} returned (plus an offset inside the range it checked). */
    static void putFloatAt(long address, float v) {
        UNSAFE.putFloat(address, v);
    }

    private static void checkRange(INDArray a, DataType type, long from, int n, int javaLength) {
        if (a.dataType() != type)
            throw new IllegalArgumentException("copy of " + type + " values into a " + a.dataType() + " array");
        if (from < 0 || n <= 0 || n > javaLength || from + n > a.data().length()) {
            throw new IndexOutOfBoundsException("copy of " + n + " elements from " + from + " of a native buffer of "
                    + a.data().length() + " into a Java array of " + javaLength);
        }
    }

    /** True when the raw copy applies; throws, as NIO would, for a range outside either side. */
    private static boolean direct(INDArray a, DataType type, int off, int n, int javaLength) {
        if (a.dataType() != type)
            throw new IllegalArgumentException("copy of " + type + " values into a " + a.dataType() + " array");
        if (off < 0 || n < 0 || off + n > javaLength || n > a.data().length()) {
            throw new IndexOutOfBoundsException("copy of " + n + " elements at " + off + " between a Java array of "
                    + javaLength + " and a native buffer of " + a.data().length());
        }
        return a.data().offset() == 0 && n > 0;
    }
}
