package org.gradnote.tensor;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * gradnote's own element loops compiled from C (lib/src/main/c), for the loops C1 compiles poorly; each gives the
 * same bits as the Java loop it stands for, which runs wherever the library is absent or switched off.
 *
 * <p>The library is built with the lib module on Linux x86_64 where gcc is installed and travels inside the jar.
 * {@code -Dgradnote.cloops=false} switches it off; {@link ComputePath#LOOP} runs the Java loops, so the forced-loop
 * test suite keeps checking them.
 */
final class NativeLoops {
    private NativeLoops() {}

    /** The version the C side reports; a library built from other sources is not used. */
    private static final int VERSION = 14;

    /** At most this many elements of a call may be left to Java before the whole call is redone there. */
    private static final int FLAGGED_MAX = 64;

    private static final int TANH_SLICE = 1 << 14;

    private static final String LOADED = load();

    private static final boolean ON = LOADED.startsWith("on");

    /**
     * Where the library came from, or why it is not used ("off: ..."); shown with the benchmark's machine line.
     */
    static String status() {
        return LOADED;
    }

    /** True when the C loops are loaded and the current path lets them run. */
    static boolean enabled() {
        ComputePath p = Dispatch.path();
        return ON && p != ComputePath.LOOP && p != ComputePath.NATIVE;
    }

    /**
     * The addresses of the first n elements of type t of each array, for a C loop over all of them; null when the C
     * loops do not run now or an array is an offset view (the caller then takes its Java loop).
     */
    static long[] addresses(DataType t, long n, INDArray... arrays) {
        if (!enabled()) return null;
        long[] at = new long[arrays.length];
        for (int i = 0; i < arrays.length; i++) if ((at[i] = Memory.address(arrays[i], t, n)) == 0) return null;
        return at;
    }

    private static String load() {
        if (!Boolean.parseBoolean(System.getProperty("gradnote.cloops", "true"))) return "off: -Dgradnote.cloops=false";
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64")))
            return "off: no build for " + os + "/" + arch;
        URL url = NativeLoops.class.getResource("libgradnote_loops-linux-x86_64.so");
        if (url == null) return "off: not built (gcc was not found when lib was built)";
        try {
            Path file;
            if (url.getProtocol().equals("file")) {
                file = Path.of(url.toURI());
                System.load(file.toAbsolutePath().toString());
            } else {
                // Inside a jar: System.load needs a file. Removed once loaded (the mapping outlives the name), so a
                // killed process leaves nothing behind.
                file = Files.createTempFile("gradnote_loops", ".so");
                try {
                    try (InputStream in = url.openStream()) {
                        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    }
                    System.load(file.toAbsolutePath().toString());
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            int v = version();
            if (v != VERSION) return "off: library version " + v + ", classes expect " + VERSION;
            return "on: " + file;
        } catch (IOException | URISyntaxException | UnsatisfiedLinkError | SecurityException e) {
            return "off: " + e;
        }
    }

    private static native int version();

    /** tanhFloat's C kernel: returns how many elements it left undecided, their indices in flagged. */
    private static native int tanhFloat(long src, long dst, int n, int[] flagged);

    /**
     * float32 tanh of n elements at src into dst, the same floats as TanhLoops' Java loop: the C kernel's own exp
     * differs from Math.exp in the last bits, so it flags the elements whose float could depend on them (about 1 in
     * 4,000) and they are computed here with the Java formula. The kernel runs over slices of TANH_SLICE elements, so
     * the flagged ones of a slice (4 expected) stay far below FLAGGED_MAX however long the array.
     */
    static void tanhFloat(long src, long dst, int n) {
        int[] flagged = new int[FLAGGED_MAX];
        for (int from = 0; from < n; from += TANH_SLICE) {
            int m = Math.min(TANH_SLICE, n - from);
            long s = src + 4L * from, d = dst + 4L * from;
            int count = tanhFloat(s, d, m, flagged);
            if (count > FLAGGED_MAX) {
                for (int i = 0; i < m; i++) tanhAt(s, d, i);
            } else {
                for (int k = 0; k < count; k++) tanhAt(s, d, flagged[k]);
            }
        }
    }

    /**
     * gn_loss.c's forward over rows [from, to) of dense float32 logits at z [n, c]: each row's softmax into p, its
     * log-sum-exp into lse and the bound on that lse's distance from the Java loop's into err (-1: the row is left to
     * Java, nothing written). The arrays hold n * c, n and n values (CrossEntropyRows allocates them so).
     */
    static native void crossEntropyRows(long z, int c, int from, int to, double[] p, double[] lse, double[] err);

    /**
     * gn_loss.c's float32 gradient of rows [from, to) into dz: returns how many rows it left to Java (their indices
     * in flagged, which holds to - from), or -1 when the arrays could not be pinned.
     */
    static native int crossEntropyGrad(
            long z,
            double[] p,
            double[] lse,
            double[] err,
            long[] y,
            double gs,
            int c,
            int from,
            int to,
            long dz,
            int[] flagged);

    /**
     * Memory.copyRows' C loop: row k of out = row picks[k] of src, rows of rowBytes bytes, indices already checked;
     * false when the indices could not be pinned (the caller copies them itself).
     */
    static native boolean copyRows(long src, long[] picks, long out, int rowBytes);

    /** The C side's type flag: 0 for float32, 1 for float64 (the only types the typed loops take). */
    static int typeCode(DataType t) {
        if (t == DataType.FLOAT) return 0;
        if (t == DataType.DOUBLE) return 1;
        throw new IllegalArgumentException("C loops take float32 or float64, not " + t);
    }

    /** ChannelLoops.addBias over rows [first, end) of a dense [outer, size, inner] array at x, bias at b. */
    static native void addBias(int type, long x, long b, int first, int end, int size, int inner);

    private static native int sumBias0(int type, long g, long db, int first, int end, int outer, int size, int inner);

    /** ChannelLoops.sumBias for bias entries [first, end). */
    static void sumBias(int type, long g, long db, int first, int end, int outer, int size, int inner) {
        if (sumBias0(type, g, db, first, end, outer, size, inner) != 0)
            throw new OutOfMemoryError("sumBias: no native scratch for " + (end - first) + " sums");
    }

    /** ChannelLoops.toBatchMajor for channels [first, end); bias 0 for none. */
    static native void toBatchMajor(int type, long y, long bias, long out, int first, int end, int n, int c, int p);

    /** ChannelLoops.toChannelMajor for channels [first, end); db 0 for none. */
    static native void toChannelMajor(int type, long g, long gT, long db, int first, int end, int n, int c, int p);

    /** TanhLoops.backward's loop over n elements: dx = g (1 - y²). */
    static native void tanhBackward(int type, long y, long g, long dx, int n);

    /** ReluLoops.forward over n float32 elements. */
    static native void reluForward(long x, long out, int n);

    /** ReluLoops.backward over n float32 elements. */
    static native void reluBackward(long x, long g, long dx, int n);

    /** MaxPool.forward2x2 (argmax non-null) or values2x2 over planes [from, to) of h x w float32 values. */
    static native void maxPool2x2(long src, int from, int to, int h, int w, long dst, int[] argmax);

    /** Updates.sgdMomentum's loop over n elements (float32 arithmetic in float, as the Java twin). */
    static native void sgdMomentum(
            int type, long p, long g, long buf, long out, int n, double lr, double m, double wd, boolean nesterov);

    private static native int scatterAdd0(int type, long src, int[] map, long dst, int first, int stop, int n);

    /** Unfold.scatterAdd's entries [first, stop) into a dst of n elements; throws at a map index outside it. */
    static void scatterAdd(int type, long src, int[] map, long dst, int first, int stop, int n) {
        if (first < 0 || stop > map.length || first > stop)
            throw new IndexOutOfBoundsException("scatterAdd: entries " + first + ".." + stop + " of " + map.length);
        int r = scatterAdd0(type, src, map, dst, first, stop, n);
        if (r == -1)
            throw new IndexOutOfBoundsException("scatterAdd: an index past " + n + " in " + first + ".." + stop);
        if (r != 0) throw new OutOfMemoryError("scatterAdd: the index map could not be pinned");
    }

    /**
     * Unfold.im2col's rows [first, end) (float32); geometry is {n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow},
     * which the caller has checked against both arrays' lengths.
     */
    static native void im2col(long src, long col, int first, int end, int[] geometry);

    /** Unfold.col2im for channels [first, end) into a zeroed dx (float32); geometry as {@link #im2col}. */
    static native void col2im(long dcol, long dx, int first, int end, int[] geometry);

    /**
     * SplitMix.fillKeep over [from, to) into the float32 (or, wide, float64) array at dst: hit's bits where draw i of
     * those reserved at base is below `below`, else +0; the Java loop's bits.
     */
    static native void fillKeep(long dst, int from, int to, long base, long below, long hit, boolean wide);

    /**
     * A strided gather into rows [first, end) of dst (dense, the dimensions in shapeAndStrides' first half) from src
     * (its strides in elements in the second half: 0 where broadcast); width-byte elements. The caller has checked
     * that every index stays inside src's buffer.
     */
    static native void stridedCopy(long src, long dst, long[] shapeAndStrides, int width, long first, long end);

    /** LayerPrimitives.layerNorm's input gradient for rows [first, end) of d elements (see gn_typed.h). */
    static native void layerNormDx(
            int type, long g, long gamma, long xhat, long inv, long dx, int first, int end, int d, int chunk);

    private static native boolean layerNormDgamma0(
            int type, long g, long xhat, long dgamma, long dbeta, int first, int end, int rows, int d);

    /** layerNorm's dgamma and dbeta for columns [first, end) of rows x d. */
    static void layerNormDgamma(
            int type, long g, long xhat, long dgamma, long dbeta, int first, int end, int rows, int d) {
        if (!layerNormDgamma0(type, g, xhat, dgamma, dbeta, first, end, rows, d))
            throw new OutOfMemoryError("layerNorm: no native scratch for " + (end - first) + " column sums");
    }

    /**
     * Primitives.slice's row copies between full [outer, size, inner] and part [outer, count, inner] (indices start,
     * start + step, ... of the middle dimension) for outer rows [first, end): gather into part, or scatter part into
     * full with zeros elsewhere; width-byte elements.
     */
    static native void sliceCopy(
            long full,
            long part,
            long first,
            long end,
            long size,
            long inner,
            long start,
            long step,
            long count,
            int width,
            boolean scatter);

    /** DirectConv's zero padding of planes [from, to) (float32); geometry as {@link DirectConv.Geometry#ints}. */
    static native void padPlanes(long src, long dst, int from, int to, int[] geometry);

    private static native boolean directForward0(long xp, long w, long bias, long out, int from, int to, int[] geom);

    /** DirectConv's forward for items [from, to) of n·oc (float32); bias 0 for none. */
    static void directForward(long xp, long w, long bias, long out, int from, int to, int[] geometry) {
        if (!directForward0(xp, w, bias, out, from, to, geometry))
            throw new OutOfMemoryError("conv: no native scratch for the direct convolution's accumulator");
    }

    private static native boolean directWeights0(long xp, long g, long dw, int from, int to, int[] geometry);

    /** DirectConv's weight gradient for items [from, to) of oc·c (float32). */
    static void directWeights(long xp, long g, long dw, int from, int to, int[] geometry) {
        if (!directWeights0(xp, g, dw, from, to, geometry))
            throw new OutOfMemoryError("conv: no native scratch for the direct convolution's partial sums");
    }

    /** DirectConv's bias gradient for channels [from, to) of g [n, oc, p] (float32, summed in double). */
    static native void directBias(long g, long db, int from, int to, int n, int oc, int p);

    private static native boolean lstmCell(
            float[] pre,
            float[] rec,
            double[] bias,
            double[] gates,
            int go,
            double[] cs,
            double[] hs,
            double[] tanhC,
            int so,
            int n,
            int hid,
            float[] h,
            int from,
            int to);

    private static native boolean gruCell(
            float[] pre,
            float[] rec,
            double[] bi,
            double[] bh,
            double[] gates,
            int go,
            int ho,
            double[] hs,
            int so,
            int n,
            int hid,
            float[] h,
            int from,
            int to);

    /** RecurrentPrimitives.exp in C, element by element into y (for the tests). */
    static native void exp(double[] x, double[] y);

    /**
     * RecurrentPrimitives.cellForwardFloat in C: one LSTM step over n rows, split over gradnote's threads from
     * {@code minRows} rows (rows are independent). The arrays' lengths are checked here, before C indexes them.
     */
    static void lstmCell(
            float[] pre,
            float[] rec,
            double[] bias,
            double[] gates,
            int go,
            double[] cs,
            double[] hs,
            double[] tanhC,
            int so,
            int n,
            int hid,
            float[] h,
            int minRows) {
        long g4 = 4L * hid, nh = (long) n * hid;
        if (go < 0
                || so < 0
                || pre.length < go + n * g4
                || rec.length < n * g4
                || bias.length < g4
                || gates.length < go + n * g4
                || cs.length < so + 2 * nh
                || hs.length < so + 2 * nh
                || tanhC.length < so + nh
                || h.length < nh) {
            throw new IndexOutOfBoundsException("lstm cell: arrays too short for " + n + " rows of " + hid);
        }
        Parallel.range(n, minRows, minRows / 2 + 1, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                if (!lstmCell(pre, rec, bias, gates, go, cs, hs, tanhC, so, n, hid, h, from, to))
                    throw new OutOfMemoryError("lstm cell: arrays could not be pinned");
            }
        });
    }

    /** RecurrentPrimitives.gruForwardFloat in C, as {@link #lstmCell}. */
    static void gruCell(
            float[] pre,
            float[] rec,
            double[] bi,
            double[] bh,
            double[] gates,
            int go,
            int ho,
            double[] hs,
            int so,
            int n,
            int hid,
            float[] h,
            int minRows) {
        long g3 = 3L * hid, nh = (long) n * hid;
        if (go < 0
                || ho < 0
                || so < 0
                || pre.length < go + n * g3
                || rec.length < n * g3
                || bi.length < g3
                || bh.length < g3
                || gates.length < Math.max(go + n * g3, ho + nh)
                || hs.length < so + 2 * nh
                || h.length < nh) {
            throw new IndexOutOfBoundsException("gru cell: arrays too short for " + n + " rows of " + hid);
        }
        Parallel.range(n, minRows, minRows / 2 + 1, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                if (!gruCell(pre, rec, bi, bh, gates, go, ho, hs, so, n, hid, h, from, to))
                    throw new OutOfMemoryError("gru cell: arrays could not be pinned");
            }
        });
    }

    private static native int softmaxBackward0(int type, long y, long g, long dx, int from, int to, int len, int inner);

    /** SoftmaxLoops.backward for blocks [from, to) of a dense [outer, len, inner] array. */
    static void softmaxBackward(int type, long y, long g, long dx, int from, int to, int len, int inner) {
        if (softmaxBackward0(type, y, g, dx, from, to, len, inner) != 0)
            throw new OutOfMemoryError("softmax backward: no native scratch for " + inner + " sums");
    }

    private static void tanhAt(long src, long dst, int i) {
        Memory.putFloatAt(dst + 4L * i, (float) RecurrentPrimitives.tanh(Memory.floatAt(src + 4L * i)));
    }
}
