// GENERATED from lib/src/main/twins/org/gradnote/tensor/ChannelLoops.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bias additions and bias gradients as Java loops over dense float32/float64 arrays, fused with the change of
 * layout a batched convolution needs ([C, N·P] from the gemm to [N, C, P] for the output, and back for the
 * gradient).
 *
 * <p>Why: each native op here (biasadd over a strided view, permute, reduce_sum, add) cost 8-27 µs for LeNet's
 * sizes, and each view it needed cost ND4J a native shape buffer whose bookkeeping outlives the array until the next
 * garbage collection. The arithmetic is the ops' own: one float addition per element, sums accumulated in the
 * array's type in index order (what libnd4j's reduce loops do; checked bit for bit by ChannelLoopsTest).
 */
final class ChannelLoops {
    private ChannelLoops() {}

    /** out[n, c, p] = y[c, n·P + p] + bias[c] (bias may be null); y is [C, N·P], out [N, C, P], both dense. */
    static void toBatchMajor(INDArray y, INDArray bias, INDArray out, int n, int c, int p) {
        int len = n * c * p, cols = n * p;
        if (NativeLoops.enabled()) {
            DataType t = y.dataType();
            long ya = Memory.address(y, t, len), oa = Memory.address(out, t, len);
            long ba = bias == null ? 0 : Memory.address(bias, t, c);
            if (ya != 0 && oa != 0 && (bias == null || ba != 0)) {
                int type = NativeLoops.typeCode(t);
                Parallel.items(c, cols, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        NativeLoops.toBatchMajor(type, ya, ba, oa, first, end, n, c, p);
                    }
                });
                return;
            }
        }
        Unfold.Scratch s = Unfold.scratch();
        if (y.dataType() == DataType.FLOAT) {
            float[] src = s.floats(0, len), dst = s.floats(1, len);
            Memory.get(y, src, 0, len);
            float[] b = bias == null ? null : new float[c];
            if (b != null) Memory.get(bias, b, 0, c);
            Parallel.items(c, cols, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    for (int ci = first; ci < end; ci++) {
                        float bc = b == null ? 0f : b[ci];
                        for (int ni = 0; ni < n; ni++) {
                            int from = ci * cols + ni * p, to = (ni * c + ci) * p;
                            if (b == null) System.arraycopy(src, from, dst, to, p);
                            else for (int j = 0; j < p; j++) dst[to + j] = src[from + j] + bc;
                        }
                    }
                }
            });
            Memory.put(out, dst, 0, len);
        } else {
            double[] src = s.doubles(0, len), dst = s.doubles(1, len);
            Memory.get(y, src, 0, len);
            double[] b = bias == null ? null : new double[c];
            if (b != null) Memory.get(bias, b, 0, c);
            Parallel.items(c, cols, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    for (int ci = first; ci < end; ci++) {
                        double bc = b == null ? 0d : b[ci];
                        for (int ni = 0; ni < n; ni++) {
                            int from = ci * cols + ni * p, to = (ni * c + ci) * p;
                            if (b == null) System.arraycopy(src, from, dst, to, p);
                            else for (int j = 0; j < p; j++) dst[to + j] = src[from + j] + bc;
                        }
                    }
                }
            });
            Memory.put(out, dst, 0, len);
        }
    }

    /**
     * gT[c, n·P + p] = g[n, c, p], the gradient back in the gemms' layout, and db[c] = the sum of row c of gT
     * in double, rounded once to g's type (db may be null); g is [N, C, P], gT [C, N·P], both dense.
     */
    static void toChannelMajor(INDArray g, INDArray gT, INDArray db, int n, int c, int p) {
        int len = n * c * p, cols = n * p;
        if (NativeLoops.enabled()) {
            DataType t = g.dataType();
            long ga = Memory.address(g, t, len), ta = Memory.address(gT, t, len);
            long da = db == null ? 0 : Memory.address(db, t, c);
            if (ga != 0 && ta != 0 && (db == null || da != 0)) {
                int type = NativeLoops.typeCode(t);
                Parallel.items(c, cols, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        NativeLoops.toChannelMajor(type, ga, ta, da, first, end, n, c, p);
                    }
                });
                return;
            }
        }
        Unfold.Scratch s = Unfold.scratch();
        if (g.dataType() == DataType.FLOAT) {
            float[] src = s.floats(0, len), dst = s.floats(1, len);
            Memory.get(g, src, 0, len);
            float[] d = db == null ? null : new float[c];
            // Parallel over channels, never within one channel's sum: each sum keeps its order.
            Parallel.items(c, cols, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    for (int ci = first; ci < end; ci++) {
                        // Summed in double and rounded once (see sumBias).
                        double sum = 0;
                        for (int ni = 0; ni < n; ni++) {
                            int from = (ni * c + ci) * p, to = ci * cols + ni * p;
                            for (int j = 0; j < p; j++) sum += dst[to + j] = src[from + j];
                        }
                        if (d != null) d[ci] = (float) sum;
                    }
                }
            });
            Memory.put(gT, dst, 0, len);
            if (d != null) Memory.put(db, d, 0, c);
        } else {
            double[] src = s.doubles(0, len), dst = s.doubles(1, len);
            Memory.get(g, src, 0, len);
            double[] d = db == null ? null : new double[c];
            // Parallel over channels, never within one channel's sum: each sum keeps its order.
            Parallel.items(c, cols, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    for (int ci = first; ci < end; ci++) {
                        // Summed in double and rounded once (see sumBias).
                        double sum = 0;
                        for (int ni = 0; ni < n; ni++) {
                            int from = (ni * c + ci) * p, to = ci * cols + ni * p;
                            for (int j = 0; j < p; j++) sum += dst[to + j] = src[from + j];
                        }
                        if (d != null) d[ci] = sum;
                    }
                }
            });
            Memory.put(gT, dst, 0, len);
            if (d != null) Memory.put(db, d, 0, c);
        }
    }

    /**
     * Bias along one axis of a dense [outer, size, inner] array, in place: x[o, i, j] += bias[i]. A convolution of
     * one sample is [1, C, P] (inner P); a linear layer's output is [rows, features, 1].
     */
    static void addBias(INDArray x, INDArray bias, int outer, int size, int inner) {
        int len = outer * size * inner;
        if (NativeLoops.enabled()) {
            DataType t = x.dataType();
            long xa = Memory.address(x, t, len), ba = Memory.address(bias, t, size);
            if (xa != 0 && ba != 0) {
                int type = NativeLoops.typeCode(t);
                Parallel.items(outer * size, inner, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        NativeLoops.addBias(type, xa, ba, first, end, size, inner);
                    }
                });
                return;
            }
        }
        Unfold.Scratch s = Unfold.scratch();
        if (x.dataType() == DataType.FLOAT) {
            float[] v = s.floats(0, len), b = s.floats(1, size);
            Memory.get(x, v, 0, len);
            Memory.get(bias, b, 0, size);
            // Rows r = o·size + i of inner elements each, bias b[r % size].
            Parallel.items(outer * size, inner, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    if (inner == 1) {
                        // A linear layer's rows: one element per row, so no inner loop to set up per element.
                        for (int k = first, i = first % size; k < end; k++) {
                            v[k] += b[i];
                            if (++i == size) i = 0;
                        }
                        return;
                    }
                    for (int r = first, k = first * inner, i = first % size; r < end; r++) {
                        float bi = b[i];
                        for (int j = 0; j < inner; j++, k++) v[k] += bi;
                        if (++i == size) i = 0;
                    }
                }
            });
            Memory.put(x, v, 0, len);
        } else {
            double[] v = s.doubles(0, len), b = s.doubles(1, size);
            Memory.get(x, v, 0, len);
            Memory.get(bias, b, 0, size);
            // Rows r = o·size + i of inner elements each, bias b[r % size].
            Parallel.items(outer * size, inner, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    if (inner == 1) {
                        // A linear layer's rows: one element per row, so no inner loop to set up per element.
                        for (int k = first, i = first % size; k < end; k++) {
                            v[k] += b[i];
                            if (++i == size) i = 0;
                        }
                        return;
                    }
                    for (int r = first, k = first * inner, i = first % size; r < end; r++) {
                        double bi = b[i];
                        for (int j = 0; j < inner; j++, k++) v[k] += bi;
                        if (++i == size) i = 0;
                    }
                }
            });
            Memory.put(x, v, 0, len);
        }
    }

    /**
     * db[i] = the sum of g[o, i, j] over o and j of a dense [outer, size, inner] array, accumulated in that order
     * (o, then j) in double and rounded once to g's type, for the two layouts used here: inner = 1 (a linear
     * layer's rows) or outer = 1 (one sample's convolution).
     */
    static void sumBias(INDArray g, INDArray db, int outer, int size, int inner) {
        if (outer != 1 && inner != 1) throw new IllegalArgumentException("sumBias: needs outer == 1 or inner == 1");
        int len = outer * size * inner;
        if (NativeLoops.enabled()) {
            DataType t = g.dataType();
            long ga = Memory.address(g, t, len), da = Memory.address(db, t, size);
            if (ga != 0 && da != 0) {
                int type = NativeLoops.typeCode(t);
                Parallel.items(size, (long) outer * inner, new Parallel.Body() {
                    @Override
                    void run(int first, int end) {
                        NativeLoops.sumBias(type, ga, da, first, end, outer, size, inner);
                    }
                });
                return;
            }
        }
        Unfold.Scratch s = Unfold.scratch();
        // Accumulated in double, rounded once: a float32 running sum loses the low bits of each element once the
        // total is large (a bias gradient summed over a big batch), as ND4J's reduce_sum does (see Reduce).
        if (g.dataType() == DataType.FLOAT) {
            float[] v = s.floats(0, len), out = s.floats(1, size);
            double[] acc = s.doubles(0, size);
            Memory.get(g, v, 0, len);
            java.util.Arrays.fill(acc, 0, size, 0);
            // Parallel over blocks of i, never within one sum: acc[i] gets o, then j, in today's order.
            Parallel.items(size, (long) outer * inner, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    if (inner == 1) {
                        // A linear layer's rows: the same additions in the same order, without an inner loop.
                        for (int o = 0, row = 0; o < outer; o++, row += size) {
                            for (int i = first; i < end; i++) acc[i] += v[row + i];
                        }
                        return;
                    }
                    for (int o = 0; o < outer; o++) {
                        for (int i = first, k = (o * size + first) * inner; i < end; i++) {
                            double sum = acc[i];
                            for (int j = 0; j < inner; j++, k++) sum += v[k];
                            acc[i] = sum;
                        }
                    }
                }
            });
            for (int i = 0; i < size; i++) out[i] = (float) acc[i];
            Memory.put(db, out, 0, size);
        } else {
            double[] v = s.doubles(0, len), acc = s.doubles(1, size);
            Memory.get(g, v, 0, len);
            java.util.Arrays.fill(acc, 0, size, 0);
            // Parallel over blocks of i, never within one sum: acc[i] gets o, then j, in today's order.
            Parallel.items(size, (long) outer * inner, new Parallel.Body() {
                @Override
                void run(int first, int end) {
                    if (inner == 1) {
                        // A linear layer's rows: the same additions in the same order, without an inner loop.
                        for (int o = 0, row = 0; o < outer; o++, row += size) {
                            for (int i = first; i < end; i++) acc[i] += v[row + i];
                        }
                        return;
                    }
                    for (int o = 0; o < outer; o++) {
                        for (int i = first, k = (o * size + first) * inner; i < end; i++) {
                            double sum = acc[i];
                            for (int j = 0; j < inner; j++, k++) sum += v[k];
                            acc[i] = sum;
                        }
                    }
                }
            });
            Memory.put(db, acc, 0, size);
        }
    }

    /** True when the loops here apply: float32 or float64. */
    static boolean handles(DataType t) {
        return t == DataType.FLOAT || t == DataType.DOUBLE;
    }
}
