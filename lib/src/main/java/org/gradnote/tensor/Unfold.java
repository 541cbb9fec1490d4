// GENERATED from lib/src/main/twins/org/gradnote/tensor/Unfold.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * im2col and col2im for the convolutions, on Java arrays through a cached index map.
 *
 * <p>Why not M2.1's im2col/col2im ops: im2col took 52 µs for LeNet's second layer into a contiguous output and
 * 280 µs through the permuted view the batched gemm needs, while this gather takes ~40 µs including the copies in
 * and out of native memory. The map (source element of each column entry, -1 for padding) depends only on the
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
        int[] map = map(x4, win);
        int[] runs = runs(map);
        long k = x4[1] * win.kH() * win.kW();
        INDArray col = Engine.empty(x.dataType(), k, map.length / k);
        Scratch s = SCRATCH.get();
        int n = Math.toIntExact(x.length());
        if (x.dataType() == DataType.FLOAT) {
            float[] src = s.floats(0, n), dst = s.floats(1, map.length);
            Memory.get(x, src, 0, n);
            if (runs != null) copyRuns(src, dst, runs);
            else {
                Parallel.range(map.length, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        for (int i = from; i < to; i++) dst[i] = map[i] < 0 ? 0 : src[map[i]];
                    }
                });
            }
            Memory.put(col, dst, 0, map.length);
        } else {
            double[] src = s.doubles(0, n), dst = s.doubles(1, map.length);
            Memory.get(x, src, 0, n);
            if (runs != null) copyRuns(src, dst, runs);
            else {
                Parallel.range(map.length, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                    @Override
                    void run(int from, int to) {
                        for (int i = from; i < to; i++) dst[i] = map[i] < 0 ? 0 : src[map[i]];
                    }
                });
            }
            Memory.put(col, dst, 0, map.length);
        }
        return col;
    }

    /** dst's runs copied from src (float[] or double[] alike: System.arraycopy takes either), padding zeroed. */
    private static void copyRuns(Object src, Object dst, int[] runs) {
        Parallel.items(runs.length / 3, runs.length == 0 ? 1 : meanRun(runs), new Parallel.Body() {
            @Override
            void run(int from, int to) {
                copyRuns(src, dst, runs, 3 * from, 3 * to);
            }
        });
    }

    /** The mean length of the runs (a run's share of the work, for the parallel grid). */
    private static long meanRun(int[] runs) {
        int r = runs.length - 3;
        return Math.max(1, ((long) runs[r] + runs[r + 2]) / (runs.length / 3));
    }

    /** Runs [first, end) (indices into runs, multiples of 3) of copyRuns. */
    private static void copyRuns(Object src, Object dst, int[] runs, int first, int end) {
        for (int r = first; r < end; r += 3) {
            int at = runs[r], from = runs[r + 1], len = runs[r + 2];
            if (from >= 0) System.arraycopy(src, from, dst, at, len);
            else if (dst instanceof float[] f) Arrays.fill(f, at, at + len, 0f);
            else Arrays.fill((double[]) dst, at, at + len, 0.0);
        }
    }

    private static final int MIN_MEAN_RUN = 32;
    private static final ThreadLocal<Map<int[], int[]>> RUNS = new ThreadLocal<>() {
        @Override
        protected Map<int[], int[]> initialValue() {
            return new IdentityHashMap<>();
        }
    };

    /**
     * The map as runs (destination start, source start or -1 for padding, length) when they average at least
     * {@link #MIN_MEAN_RUN} entries, else null. Why: a stride-1 window reads whole rows of x, and System.arraycopy
     * copies a row at memory speed, where the per-entry loop costs ~15 bytecodes an entry in the interpreter that
     * runs a training's first epochs (the meteo CNN's columns are three runs of 362). Shorter runs keep the gather:
     * LeNet's 3x3 windows on 8x8 digits give runs of ~8, where a call per run cost more than it saved.
     */
    static int[] runs(int[] map) {
        Map<int[], int[]> cache = RUNS.get();
        int[] runs = cache.get(map);
        if (runs != null || cache.containsKey(map)) return runs;
        int count = 0;
        for (int i = 0; i < map.length; i++) if (i == 0 || !continues(map, i)) count++;
        if ((long) count * MIN_MEAN_RUN <= map.length) {
            runs = new int[3 * count];
            for (int i = 0, r = -3; i < map.length; i++) {
                if (i == 0 || !continues(map, i)) {
                    r += 3;
                    runs[r] = i;
                    runs[r + 1] = map[i];
                }
                runs[r + 2]++;
            }
        }
        if (cache.size() >= MAX_MAPS) cache.clear();
        cache.put(map, runs);
        return runs;
    }

    private static boolean continues(int[] map, int i) {
        return map[i] < 0 ? map[i - 1] < 0 : map[i - 1] >= 0 && map[i] == map[i - 1] + 1;
    }

    /**
     * The gradient of x (4-D shape x4, returned in shape xs) from the gradient of its columns: each column entry
     * adds back into its source element.
     */
    static INDArray col2im(INDArray dcol, long[] x4, long[] xs, LayerPrimitives.Window win) {
        INDArray dx = Engine.empty(dcol.dataType(), xs);
        // The map's rows are [C, kH, kW]: channel c's rows write only channel c's elements of dx.
        scatterAdd(dcol, map(x4, win), dx, (int) x4[1]);
        return dx;
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
        // "same" pads as PyTorch does: dilation·(k - 1) in total, the smaller half before.
        int pH = w.same() ? w.dH() * (w.kH() - 1) / 2 : w.pH(), pW = w.same() ? w.dW() * (w.kW() - 1) / 2 : w.pW();
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
