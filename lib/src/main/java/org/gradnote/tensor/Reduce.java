package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Accurate sums over any set of dimensions, the kernel behind {@code sum}, {@code mean}, {@code var}/{@code std}
 * and batch norm's statistics.
 *
 * <p>Why not ND4J's reductions: its float32 sum keeps a float32 running total, so once the total is large each
 * added element loses its low bits (measured: 1e7 x 0.1 sums to 1,087,937; {@code ones(2, 20_000_000).sum(1)}
 * stops at 16,777,216; a 64x3x224x224 batch mean was 4-8% off). Here every element is widened to double and
 * added in blocks: each run of at most {@link #CHUNK} consecutive elements of one output is summed on its own,
 * and that block sum added to the output's double total. The error is then a few double ulps of the total,
 * far below float32 resolution, and (unlike torch's float64 pairwise sum) not much worse for float64 inputs.
 * The order of additions depends only on the shape: one thread, fixed blocks, so results never depend on the
 * machine's thread count.
 *
 * <p>The input is walked once in memory order through a buffer of {@link #CHUNK} elements: dimensions are first
 * merged into alternating runs of kept and reduced ones, so the innermost loop is either a block sum (innermost
 * run reduced) or a row of per-output additions (innermost run kept), never a per-element index computation.
 */
final class Reduce {
    private Reduce() {}

    /** Elements read per bulk copy, and the longest block summed before it is added to its output's total. */
    static final int CHUNK = 8192;

    /** This thread's read buffers: float32 as copied from native memory, and widened to double. */
    private static final class Buffers {
        final float[] f = new float[CHUNK];
        final double[] d = new double[CHUNK];
    }

    private static final ThreadLocal<Buffers> BUFFERS = new ThreadLocal<>() {
        @Override
        protected Buffers initialValue() {
            return new Buffers();
        }
    };

    /** Which of a rank-{@code rank} tensor's dimensions are reduced: the given (normalised) ones, or all if none. */
    static boolean[] mask(int rank, int[] dims) {
        boolean[] r = new boolean[rank];
        if (dims.length == 0) java.util.Arrays.fill(r, true);
        for (int d : dims) if (d < rank) r[d] = true; // dim 0 of a rank-0 tensor names no dimension
        return r;
    }

    /** How many input elements each output element sums (the product of the reduced sizes). */
    static long count(long[] shape, boolean[] reduced) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) if (reduced[i]) n *= shape[i];
        return n;
    }

    /** How many output elements there are (the product of the kept sizes). */
    static int outputs(long[] shape, boolean[] reduced) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) if (!reduced[i]) n *= shape[i];
        return Math.toIntExact(n);
    }

    /** The sums of a float tensor over its reduced dimensions, in double, outputs in c order of the kept ones. */
    static double[] sums(Tensor a, boolean[] reduced) {
        return sums(a.small(), a.small() == null ? a.data() : null, a.shape(), reduced, null);
    }

    /**
     * Per output element o, the sum over its inputs x of x (center null) or of (x - center[o])², in double. Reads
     * the heap values when {@code small} is given, else the float32/float64 array {@code x}.
     */
    static double[] sums(Small small, INDArray x, long[] shape, boolean[] reduced, double[] center) {
        double[] acc = new double[outputs(shape, reduced)];
        long n = Shapes.numel(shape);
        if (n == 0) return acc;
        Layout l = new Layout(shape, reduced);
        double[] whole = small != null ? small.v : null;
        INDArray dense = whole == null ? Engine.contiguous(x) : null;
        boolean floats = dense != null && dense.dataType() == DataType.FLOAT;
        if (dense != null && !floats && dense.dataType() != DataType.DOUBLE) {
            throw new IllegalStateException("Reduce.sums on a " + dense.dataType() + " array");
        }
        Buffers buf = whole == null ? BUFFERS.get() : null;
        long pos = 0, rowPos = 0, rowLen = l.rowLength();
        boolean innerReduced = l.innerReduced();
        int base = 0;
        while (pos < n) {
            double[] b;
            int len;
            if (whole != null) {
                b = whole;
                len = whole.length;
            } else {
                len = (int) Math.min(CHUNK, n - pos);
                b = buf.d;
                if (floats) {
                    Memory.get(dense, pos, buf.f, len);
                    float[] f = buf.f;
                    for (int i = 0; i < len; i++) b[i] = f[i];
                } else {
                    Memory.get(dense, pos, b, len);
                }
            }
            int i = 0;
            while (i < len) {
                int piece = (int) Math.min(Math.min(len - i, rowLen - rowPos), CHUNK);
                if (innerReduced)
                    acc[base] += center == null ? blockSum(b, i, piece) : blockSquares(b, i, piece, center[base]);
                else if (center == null) addRow(acc, base + (int) rowPos, b, i, piece);
                else addSquaresRow(acc, base + (int) rowPos, b, i, piece, center);
                i += piece;
                rowPos += piece;
                if (rowPos == rowLen) {
                    rowPos = 0;
                    base = l.next(base);
                }
            }
            pos += len;
        }
        return acc;
    }

    private static double blockSum(double[] b, int from, int len) {
        double s = 0;
        for (int i = from, end = from + len; i < end; i++) s += b[i];
        return s;
    }

    private static double blockSquares(double[] b, int from, int len, double c) {
        double s = 0;
        for (int i = from, end = from + len; i < end; i++) {
            double d = b[i] - c;
            s += d * d;
        }
        return s;
    }

    private static void addRow(double[] acc, int at, double[] b, int from, int len) {
        for (int i = 0; i < len; i++) acc[at + i] += b[from + i];
    }

    private static void addSquaresRow(double[] acc, int at, double[] b, int from, int len, double[] center) {
        for (int i = 0; i < len; i++) {
            double d = b[from + i] - center[at + i];
            acc[at + i] += d * d;
        }
    }

    /**
     * Exact sums of an integer or bool tensor (read as int64; overflow wraps as in torch), outputs in c order of the
     * kept dimensions. No float path: int64 values beyond 2^53 stay exact.
     */
    static long[] longSums(Tensor a, boolean[] reduced) {
        long[] shape = a.shape();
        long[] acc = new long[outputs(shape, reduced)];
        if (Shapes.numel(shape) == 0) return acc;
        long[] v = Engine.longs(Engine.cast(a.data(), DType.INT64.nd4j()));
        Layout l = new Layout(shape, reduced);
        int rowLen = Math.toIntExact(l.rowLength());
        boolean innerReduced = l.innerReduced();
        int base = 0;
        for (int row = 0; row < v.length; row += rowLen) {
            if (innerReduced) {
                long s = 0;
                for (int i = row; i < row + rowLen; i++) s += v[i];
                acc[base] += s;
            } else {
                for (int i = 0; i < rowLen; i++) acc[base + i] += v[row + i];
            }
            base = l.next(base);
        }
        return acc;
    }

    /** Values rounded to a float type in a fresh array of the given shape. */
    static INDArray toArray(double[] v, DataType type, long... shape) {
        INDArray out = Engine.empty(type, shape);
        if (v.length > 0) Engine.putDoubles(out, v, 0, v.length);
        return out;
    }

    /** int64 values in a fresh array of the given shape. */
    static INDArray toArray(long[] v, long[] shape) {
        // Not putScalar: its long index and value overloads round the value through double (2^53 + 1 lost its 1).
        if (v.length == 0) return Factory.zeros(DType.INT64.nd4j(), shape);
        if (shape.length == 0) return Factory.scalar(v[0]);
        return Factory.fromArray(v).reshape('c', shape);
    }

    /**
     * A shape as alternating runs of kept and reduced dimensions (size-1 dimensions dropped, neighbours of one kind
     * merged), with an odometer over the rows of the innermost run that tracks the output index of each row.
     */
    private static final class Layout {
        final long[] size;
        final boolean[] red;
        final int[] outStride;
        final long[] at;
        final int runs;

        Layout(long[] shape, boolean[] reduced) {
            long[] s = new long[Math.max(shape.length, 1)];
            boolean[] r = new boolean[s.length];
            int m = 0;
            for (int i = 0; i < shape.length; i++) {
                if (shape[i] == 1) continue;
                if (m > 0 && r[m - 1] == reduced[i]) s[m - 1] *= shape[i];
                else {
                    s[m] = shape[i];
                    r[m++] = reduced[i];
                }
            }
            if (m == 0) {
                // One element: a reduced run of length 1, the single output at index 0.
                s[0] = 1;
                r[0] = true;
                m = 1;
            }
            size = s;
            red = r;
            runs = m;
            outStride = new int[m];
            int stride = 1;
            for (int k = m - 1; k >= 0; k--) {
                if (r[k]) continue;
                outStride[k] = stride;
                stride = Math.multiplyExact(stride, Math.toIntExact(s[k]));
            }
            at = new long[m];
        }

        long rowLength() {
            return size[runs - 1];
        }

        boolean innerReduced() {
            return red[runs - 1];
        }

        /** The output index of the next row's first element, from this row's. */
        int next(int base) {
            for (int k = runs - 2; k >= 0; k--) {
                base += outStride[k];
                if (++at[k] < size[k]) return base;
                base -= (int) (outStride[k] * size[k]);
                at[k] = 0;
            }
            return base;
        }
    }
}
