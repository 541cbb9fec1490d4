// GENERATED from lib/src/main/twins/org/gradnote/tensor/Unfold.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * im2col and col2im for the convolutions on Java arrays, walked row by row from the geometry; the index map that
 * max pooling gathers and scatters through; the scatter of rows for embeddings.
 *
 * <p>Why not M2.1's im2col/col2im ops: im2col took 52 µs for LeNet's second layer into a contiguous output and
 * 280 µs through the permuted view the batched gemm needs, while a gather here takes ~40 µs including the copies in
 * and out of native memory. The map (source element of each window entry, -1 for padding) depends only on the
 * geometry, so it is built once per input shape and window.
 */
final class Unfold {
    private Unfold() {}

    private record Key(long[] x, LayerPrimitives.Window win) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.x, x) && k.win.equals(win);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(x) + win.hashCode();
        }
    }

    private static final int MAX_MAPS = 64;
    private static final ThreadLocal<Map<Key, int[]>> MAPS = new ThreadLocal<>() {
        @Override
        protected Map<Key, int[]> initialValue() {
            return new HashMap<>();
        }
    };

    /**
     * Columns of a dense x of 4-D shape x4 [N, C, H, W] as a pooled [K, N·oH·oW] matrix laid out [C, kH, kW] by
     * [N, oH, oW]: row k is one kernel tap of one channel over every output position of the batch.
     */
    static INDArray im2col(INDArray x, long[] x4, LayerPrimitives.Window win) {
        Taps g = new Taps(x4, win);
        int n = Math.toIntExact(x.length()), plane = g.plane;
        INDArray col = Engine.empty(x.dataType(), g.rows, plane);
        if (plane == 0 || g.rows == 0) return col;
        if (x.dataType() == DataType.FLOAT && NativeLoops.enabled()) {
            long xa = Memory.address(x, DataType.FLOAT, n);
            long ca = Memory.address(col, DataType.FLOAT, (long) g.rows * plane);
            if (xa != 0 && ca != 0 && (long) g.n * g.c * g.h * g.w == n) {
                int[] geometry = g.geometry();
                Parallel.items(g.rows, plane, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        NativeLoops.im2col(xa, ca, first, end, geometry);
                    }
                });
                return col;
            }
        }
        Scratch s = SCRATCH.get();
        if (x.dataType() == DataType.FLOAT) {
            float[] src = s.floats(0, n);
            Memory.get(x, src, 0, n);
            if (g.ow < MIN_ROW_WALK) {
                int[] map = map(x4, win);
                float[] dst = s.floats(1, map.length);
                Parallel.range(map.length, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        for (int i = from; i < to; i++) dst[i] = map[i] < 0 ? 0 : src[map[i]];
                    }
                });
                Memory.put(col, dst, 0, map.length);
                return col;
            }
            Parallel.items(g.rows, plane, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    // Row by row through this thread's buffer, which stays in cache, straight into the columns.
                    float[] dst = SCRATCH.get().floats(2, plane);
                    int oh = g.oh, ow = g.ow, sw = g.sw;
                    for (int r = first; r < end; r++) {
                        int c = g.channel(r), i = g.tapRow(r), j = g.tapCol(r), lo = g.lo(j), hi = g.hi(j);
                        for (int b = 0, at = 0; b < g.n; b++) {
                            int base = g.offset(b, c, j);
                            for (int y = 0, row = g.sourceRow(0, i); y < oh; y++, at += ow, row += g.sh) {
                                if (row < 0 || row >= g.h) {
                                    Arrays.fill(dst, at, at + ow, 0);
                                    continue;
                                }
                                int off = base + row * g.w;
                                for (int q = 0; q < lo; q++) dst[at + q] = 0;
                                if (sw == 1 && hi - lo >= MIN_COPY) {
                                    System.arraycopy(src, off + lo, dst, at + lo, hi - lo);
                                } else for (int q = lo; q < hi; q++) dst[at + q] = src[off + q * sw];
                                for (int q = hi; q < ow; q++) dst[at + q] = 0;
                            }
                        }
                        Memory.put(col, (long) r * plane, dst, plane);
                    }
                }
            });
        } else {
            double[] src = s.doubles(0, n);
            Memory.get(x, src, 0, n);
            if (g.ow < MIN_ROW_WALK) {
                int[] map = map(x4, win);
                double[] dst = s.doubles(1, map.length);
                Parallel.range(map.length, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        for (int i = from; i < to; i++) dst[i] = map[i] < 0 ? 0 : src[map[i]];
                    }
                });
                Memory.put(col, dst, 0, map.length);
                return col;
            }
            Parallel.items(g.rows, plane, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    // Row by row through this thread's buffer, which stays in cache, straight into the columns.
                    double[] dst = SCRATCH.get().doubles(2, plane);
                    int oh = g.oh, ow = g.ow, sw = g.sw;
                    for (int r = first; r < end; r++) {
                        int c = g.channel(r), i = g.tapRow(r), j = g.tapCol(r), lo = g.lo(j), hi = g.hi(j);
                        for (int b = 0, at = 0; b < g.n; b++) {
                            int base = g.offset(b, c, j);
                            for (int y = 0, row = g.sourceRow(0, i); y < oh; y++, at += ow, row += g.sh) {
                                if (row < 0 || row >= g.h) {
                                    Arrays.fill(dst, at, at + ow, 0);
                                    continue;
                                }
                                int off = base + row * g.w;
                                for (int q = 0; q < lo; q++) dst[at + q] = 0;
                                if (sw == 1 && hi - lo >= MIN_COPY) {
                                    System.arraycopy(src, off + lo, dst, at + lo, hi - lo);
                                } else for (int q = lo; q < hi; q++) dst[at + q] = src[off + q * sw];
                                for (int q = hi; q < ow; q++) dst[at + q] = 0;
                            }
                        }
                        Memory.put(col, (long) r * plane, dst, plane);
                    }
                }
            });
        }
        return col;
    }

    /**
     * The gradient of x (4-D shape x4, returned in shape xs) from the gradient of its columns: each column entry
     * adds back into its source element, channel by channel in parallel (channel c's rows write only channel c's
     * elements), and within a channel in the columns' order, so each element gets its additions in one fixed order.
     */
    static INDArray col2im(INDArray dcol, long[] x4, long[] xs, LayerPrimitives.Window win) {
        Taps g = new Taps(x4, win);
        INDArray dx = Engine.empty(dcol.dataType(), xs), from = Engine.contiguous(dcol);
        if (dx.dataType() == DataType.FLOAT && NativeLoops.enabled() && g.plane > 0) {
            long n = dx.length();
            long da = Memory.address(dx, DataType.FLOAT, n);
            long fa = Memory.address(from, DataType.FLOAT, (long) g.rows * g.plane);
            if (da != 0 && fa != 0 && (long) g.n * g.c * g.h * g.w == n) {
                Memory.zero(dx, n);
                int[] geometry = g.geometry();
                Parallel.items(g.c, (long) g.kh * g.kw * g.plane, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        NativeLoops.col2im(fa, da, first, end, geometry);
                    }
                });
                return dx;
            }
        }
        if (g.ow < MIN_ROW_WALK) {
            // The map lists the same additions in the same order (UnfoldTest), so both routes give the same bits.
            scatterAdd(from, map(x4, win), dx, g.c);
            return dx;
        }
        int n = Math.toIntExact(dx.length()), plane = g.plane, perChannel = g.kh * g.kw;
        Scratch s = SCRATCH.get();
        if (dx.dataType() == DataType.FLOAT) {
            float[] d = s.floats(1, n);
            Arrays.fill(d, 0, n, 0);
            if (plane > 0) {
                Parallel.items(g.c, (long) perChannel * plane, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        // A tap row (c, i) at a time: its kw rows of columns into this thread's buffer, which stays
                        // in cache, then each element of dx takes its kw additions in tap order in one visit.
                        int kw = g.kw, span = kw * plane;
                        float[] v = SCRATCH.get().floats(2, span);
                        for (int r = first * perChannel; r < end * perChannel; r += kw) {
                            Memory.get(from, (long) r * plane, v, span);
                            int c = g.channel(r), i = g.tapRow(r);
                            for (int b = 0, at = 0; b < g.n; b++) {
                                for (int y = 0, row = g.sourceRow(0, i); y < g.oh; y++, at += g.ow, row += g.sh) {
                                    if (row >= 0 && row < g.h) g.addRow(d, ((b * g.c + c) * g.h + row) * g.w, v, at);
                                }
                            }
                        }
                    }
                });
            }
            Memory.put(dx, d, 0, n);
        } else {
            double[] d = s.doubles(1, n);
            Arrays.fill(d, 0, n, 0);
            if (plane > 0) {
                Parallel.items(g.c, (long) perChannel * plane, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        // A tap row (c, i) at a time: its kw rows of columns into this thread's buffer, which stays
                        // in cache, then each element of dx takes its kw additions in tap order in one visit.
                        int kw = g.kw, span = kw * plane;
                        double[] v = SCRATCH.get().doubles(2, span);
                        for (int r = first * perChannel; r < end * perChannel; r += kw) {
                            Memory.get(from, (long) r * plane, v, span);
                            int c = g.channel(r), i = g.tapRow(r);
                            for (int b = 0, at = 0; b < g.n; b++) {
                                for (int y = 0, row = g.sourceRow(0, i); y < g.oh; y++, at += g.ow, row += g.sh) {
                                    if (row >= 0 && row < g.h) g.addRow(d, ((b * g.c + c) * g.h + row) * g.w, v, at);
                                }
                            }
                        }
                    }
                });
            }
            Memory.put(dx, d, 0, n);
        }
        return dx;
    }

    /**
     * Output rows at least this wide are walked row by row, narrower ones through the index map: a row's set-up cost
     * ~8 entries' work, and at 4x4 (the U-Net's deepest level) the map's gather and scatter were 1.5-2x faster,
     * while at 16x16 and 32x32 the row walk was 1.2-2.5x faster (docs/performance.md).
     */
    private static final int MIN_ROW_WALK = 8;

    /** Rows this long and longer are copied by System.arraycopy, shorter ones by a loop (a call costs ~8 entries). */
    private static final int MIN_COPY = 8;

    /**
     * A convolution's geometry as im2col and col2im walk it: for column row r = (c, i, j) and output row y, the
     * source row, and the range [lo, hi) of output columns whose source column is inside x (the rest is padding).
     * Why not the index map: reading an int per entry and branching on -1 cost 2-3x a copy of the row it describes
     * (the U-Net's 3x3 windows with padding 1 spent half its step in the gather and the scatter).
     */
    private static final class Taps {
        final int n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow, rows;

        /** Entries in a row of the columns (one per output position of the batch), and addRow's inner range. */
        final int plane, inLo, inHi;

        Taps(long[] s, LayerPrimitives.Window win) {
            n = (int) s[0];
            c = (int) s[1];
            h = (int) s[2];
            w = (int) s[3];
            kh = win.kH();
            kw = win.kW();
            sh = win.sH();
            sw = win.sW();
            dh = win.dH();
            dw = win.dW();
            ph = win.padTop();
            pw = win.padLeft();
            oh = (int) win.outH(h);
            ow = (int) win.outW(w);
            rows = Math.toIntExact((long) c * kh * kw);
            plane = Math.toIntExact((long) n * oh * ow);
            // For stride 1, all taps of a row are inside from p = (kw - 1)·dw - pw (last tap's column 0) to ow - pw
            // (first tap's end).
            inLo = Math.max(0, (kw - 1) * dw - pw);
            inHi = Math.min(w, ow - pw);
        }

        /** The geometry as the C loops take it: {n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow}. */
        int[] geometry() {
            return new int[] {n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow};
        }

        int channel(int r) {
            return r / (kh * kw);
        }

        int tapRow(int r) {
            return r / kw % kh;
        }

        int tapCol(int r) {
            return r % kw;
        }

        /** x's row that output row y reads at tap row i (outside [0, h) for padding). */
        int sourceRow(int y, int i) {
            return y * sh - ph + i * dh;
        }

        /** The first output column whose source column at tap column j is inside x. */
        int lo(int j) {
            int first = pw - j * dw; // x · sw must reach this
            return first <= 0 ? 0 : Math.min(ow, (first + sw - 1) / sw);
        }

        /** One past the last output column whose source column at tap column j is inside x. */
        int hi(int j) {
            int last = w - 1 + pw - j * dw; // x · sw must not pass this
            return last < 0 ? 0 : Math.max(lo(j), Math.min(ow, last / sw + 1));
        }

        /**
         * Adds into x's row at d[to..to + w) the columns' entries at[j] = at + j·plane of v (the kw tap columns of one
         * tap row, one output row), each element taking its taps in order j = 0, 1, ...; a stride-1 row's inner part,
         * where every tap is inside, in one pass.
         */
        void addRow(float[] d, int to, float[] v, int at) {
            if (sw == 1) {
                // Element p takes tap j's entry at output column p + pw - j·dw, when that column exists.
                if (kw == 3 && inLo < inHi) {
                    int a0 = at + pw, a1 = plane + at + pw - dw, a2 = 2 * plane + at + pw - 2 * dw;
                    addEdge(d, to, v, at, 0, inLo);
                    for (int p = inLo; p < inHi; p++) {
                        float t = d[to + p];
                        t += v[a0 + p];
                        t += v[a1 + p];
                        t += v[a2 + p];
                        d[to + p] = t;
                    }
                    addEdge(d, to, v, at, inHi, w);
                } else addEdge(d, to, v, at, 0, w);
            } else {
                for (int j = 0; j < kw; j++) {
                    int off = to - pw + j * dw, from = j * plane + at;
                    for (int q = lo(j), hi = hi(j); q < hi; q++) d[off + q * sw] += v[from + q];
                }
            }
        }

        /** addRow's stride-1 loop for elements [p0, p1), checking each tap's column. */
        private void addEdge(float[] d, int to, float[] v, int at, int p0, int p1) {
            for (int p = p0; p < p1; p++) {
                float t = d[to + p];
                for (int j = 0; j < kw; j++) {
                    int x = p + pw - j * dw;
                    if (x >= 0 && x < ow) t += v[j * plane + at + x];
                }
                d[to + p] = t;
            }
        }

        /**
         * Adds into x's row at d[to..to + w) the columns' entries at[j] = at + j·plane of v (the kw tap columns of one
         * tap row, one output row), each element taking its taps in order j = 0, 1, ...; a stride-1 row's inner part,
         * where every tap is inside, in one pass.
         */
        void addRow(double[] d, int to, double[] v, int at) {
            if (sw == 1) {
                // Element p takes tap j's entry at output column p + pw - j·dw, when that column exists.
                if (kw == 3 && inLo < inHi) {
                    int a0 = at + pw, a1 = plane + at + pw - dw, a2 = 2 * plane + at + pw - 2 * dw;
                    addEdge(d, to, v, at, 0, inLo);
                    for (int p = inLo; p < inHi; p++) {
                        double t = d[to + p];
                        t += v[a0 + p];
                        t += v[a1 + p];
                        t += v[a2 + p];
                        d[to + p] = t;
                    }
                    addEdge(d, to, v, at, inHi, w);
                } else addEdge(d, to, v, at, 0, w);
            } else {
                for (int j = 0; j < kw; j++) {
                    int off = to - pw + j * dw, from = j * plane + at;
                    for (int q = lo(j), hi = hi(j); q < hi; q++) d[off + q * sw] += v[from + q];
                }
            }
        }

        /** addRow's stride-1 loop for elements [p0, p1), checking each tap's column. */
        private void addEdge(double[] d, int to, double[] v, int at, int p0, int p1) {
            for (int p = p0; p < p1; p++) {
                double t = d[to + p];
                for (int j = 0; j < kw; j++) {
                    int x = p + pw - j * dw;
                    if (x >= 0 && x < ow) t += v[j * plane + at + x];
                }
                d[to + p] = t;
            }
        }

        /** Where output column 0 of (batch b, channel ch, source row 0, tap column j) reads in x, stepping by sw. */
        int offset(int b, int ch, int j) {
            return (b * c + ch) * h * w - pw + j * dw;
        }
    }

    /**
     * dst[map[i]] += src[i] over a dense dst zeroed first, skipping entries of -1: col2im with the geometry's map,
     * max pooling's backward with its argmax. src is read in c order. The map splits into {@code groups} equal
     * consecutive parts whose destinations are disjoint (col2im: one per channel; pooling: one per plane), and the
     * parts run in parallel: each destination element still receives its additions in index order.
     */
    static void scatterAdd(INDArray src, int[] map, INDArray dst, int groups) {
        int n = Math.toIntExact(dst.length()), per = map.length / groups;
        if ((long) per * groups != map.length) throw new IllegalArgumentException("scatterAdd: uneven groups");
        INDArray from = Engine.contiguous(src);
        if (NativeLoops.enabled()) {
            DataType t = dst.dataType();
            long sa = Memory.address(from, t, map.length), da = Memory.address(dst, t, n);
            if (sa != 0 && da != 0) {
                Memory.zero(dst, n);
                int type = NativeLoops.typeCode(t);
                Parallel.items(groups, per, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        NativeLoops.scatterAdd(type, sa, map, da, first * per, end * per, n);
                    }
                });
                return;
            }
        }
        Scratch s = SCRATCH.get();
        if (dst.dataType() == DataType.FLOAT) {
            float[] v = s.floats(0, map.length), d = s.floats(1, n);
            Arrays.fill(d, 0, n, 0);
            Memory.get(from, v, 0, map.length);
            Parallel.items(groups, map.length / groups, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    // Group g's entries in index order: each destination element gets its additions in today's order.
                    for (int i = first * per, stop = end * per; i < stop; i++) if (map[i] >= 0) d[map[i]] += v[i];
                }
            });
            Memory.put(dst, d, 0, n);
        } else {
            double[] v = s.doubles(0, map.length), d = s.doubles(1, n);
            Arrays.fill(d, 0, n, 0);
            Memory.get(from, v, 0, map.length);
            Parallel.items(groups, map.length / groups, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    // Group g's entries in index order: each destination element gets its additions in today's order.
                    for (int i = first * per, stop = end * per; i < stop; i++) if (map[i] >= 0) d[map[i]] += v[i];
                }
            });
            Memory.put(dst, d, 0, n);
        }
    }

    /**
     * The gradient of a gather of rows (embedding, indexSelect): a new array of shape {@code shape}, rows of {@code
     * width} elements, whose row r is the sum of the rows i of src (dense, {@code rows.length} rows of width) with
     * rows[i] == r, added in increasing i as libnd4j's scatter_add adds them on one thread; null for a type other
     * than float32/float64. Why not that op: under OpenMP it adds a repeated row's contributions in an order that
     * depends on its thread count (an embedding's gradient changed in its last bits between 1 and 2). The columns
     * are cut on {@link Parallel}'s fixed grid; each entry still gets its additions in index order.
     */
    static INDArray scatterRows(INDArray src, int[] rows, long[] shape, int width) {
        DataType t = src.dataType();
        int n = rows.length, size = Math.toIntExact(Shapes.numel(shape));
        if ((long) n * width != src.length() || (width == 0 ? size != 0 : size % width != 0))
            throw new IllegalArgumentException("scatterRows: " + n + " rows of " + width + " do not fit "
                    + Shapes.str(src.shape()) + " into " + Shapes.str(shape));
        if (t != DataType.FLOAT && t != DataType.DOUBLE) return null;
        INDArray from = Engine.contiguous(src), out = Engine.empty(t, shape);
        Scratch s = SCRATCH.get();
        if (t == DataType.FLOAT) {
            float[] v = s.floats(0, n * width), d = s.floats(1, size);
            Arrays.fill(d, 0, size, 0);
            Memory.get(from, v, 0, n * width);
            Parallel.items(width, n, new Parallel.Body() {
                @Override
                void run(int c0, int c1) {
                    for (int i = 0; i < n; i++) {
                        int si = i * width, di = rows[i] * width;
                        for (int c = c0; c < c1; c++) d[di + c] += v[si + c];
                    }
                }
            });
            Memory.put(out, d, 0, size);
        } else if (t == DataType.DOUBLE) {
            double[] v = s.doubles(0, n * width), d = s.doubles(1, size);
            Arrays.fill(d, 0, size, 0);
            Memory.get(from, v, 0, n * width);
            Parallel.items(width, n, new Parallel.Body() {
                @Override
                void run(int c0, int c1) {
                    for (int i = 0; i < n; i++) {
                        int si = i * width, di = rows[i] * width;
                        for (int c = c0; c < c1; c++) d[di + c] += v[si + c];
                    }
                }
            });
            Memory.put(out, d, 0, size);
        }
        return out;
    }

    /**
     * Four reusable Java buffers per type and thread for the copies in and out of native memory: fresh arrays of
     * LeNet's column size (18k floats) on every call were most of the lab's young-generation garbage.
     */
    static final class Scratch {
        private final float[][] f = {new float[0], new float[0], new float[0], new float[0]};
        private final double[][] d = {new double[0], new double[0], new double[0], new double[0]};

        float[] floats(int which, int n) {
            if (f[which].length < n) f[which] = new float[n];
            return f[which];
        }

        double[] doubles(int which, int n) {
            if (d[which].length < n) d[which] = new double[n];
            return d[which];
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
            return new Scratch();
        }
    };

    /** This thread's scratch buffers (also lent to {@link MaxPool}). */
    static Scratch scratch() {
        return SCRATCH.get();
    }

    /** The last map used on this thread: a layer calls with the same geometry step after step. */
    private static final ThreadLocal<Object[]> LAST = new ThreadLocal<>() {
        @Override
        protected Object[] initialValue() {
            return new Object[3];
        }
    };

    /**
     * The source element of each column entry (-1 for padding), laid out [C·kH·kW, N·oH·oW]; max pooling uses it
     * with channels folded into N, where column o lists the window of output element o.
     */
    static int[] map(long[] xShape, LayerPrimitives.Window win) {
        Object[] last = LAST.get();
        if (last[2] != null && last[1].equals(win) && Arrays.equals((long[]) last[0], xShape)) return (int[]) last[2];
        int[] m = lookup(xShape, win);
        last[0] = xShape.clone();
        last[1] = win;
        last[2] = m;
        return m;
    }

    private static int[] lookup(long[] xShape, LayerPrimitives.Window win) {
        Map<Key, int[]> maps = MAPS.get();
        Key key = new Key(xShape.clone(), win);
        int[] m = maps.get(key);
        if (m == null) {
            if (maps.size() >= MAX_MAPS) maps.clear();
            m = build(xShape, win);
            maps.put(key, m);
        }
        return m;
    }

    private static int[] build(long[] s, LayerPrimitives.Window w) {
        int n = (int) s[0], c = (int) s[1], h = (int) s[2], wd = (int) s[3];
        int oh = (int) w.outH(h), ow = (int) w.outW(wd);
        int pH = w.padTop(), pW = w.padLeft();
        int[] m = new int[Math.toIntExact((long) c * w.kH() * w.kW() * n * oh * ow)];
        int idx = 0;
        for (int ci = 0; ci < c; ci++) {
            for (int i = 0; i < w.kH(); i++) {
                for (int j = 0; j < w.kW(); j++) {
                    for (int ni = 0; ni < n; ni++) {
                        int base = (ni * c + ci) * h * wd;
                        for (int y = 0; y < oh; y++) {
                            int row = y * w.sH() - pH + i * w.dH();
                            for (int x = 0; x < ow; x++) {
                                int col = x * w.sW() - pW + j * w.dW();
                                m[idx++] = row < 0 || row >= h || col < 0 || col >= wd ? -1 : base + row * wd + col;
                            }
                        }
                    }
                }
            }
        }
        return m;
    }
}
