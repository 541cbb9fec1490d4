package org.gradnote.tensor;

/**
 * Max and min along one dimension (or of everything), with the index of the winner, in torch's rules: the first
 * extreme in index order wins a tie, and a NaN beats any number (the first NaN wins), so NaN propagates.
 *
 * <p>Why not ND4J's max/argMax: they skip NaN (a row [1, NaN, 5] gave 5), which hides a diverged model behind a
 * plausible number. Values are read once into a Java array and scanned as [outer, n, inner], n being the reduced
 * dimension; integer tensors are scanned as int64 so that values beyond 2^53 stay exact.
 */
final class Extremes {
    private Extremes() {}

    /** The winners of a float tensor viewed as [outer, n, inner]: values[o * inner + j], and their index along n. */
    static void scan(double[] v, int outer, int n, int inner, boolean max, double[] values, long[] index) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * n * inner + j;
                double best = v[base];
                int at = 0;
                for (int k = 1; k < n; k++) {
                    double c = v[base + k * inner];
                    if (beats(c, best, max)) {
                        best = c;
                        at = k;
                    }
                }
                values[o * inner + j] = best;
                index[o * inner + j] = at;
            }
        }
    }

    /** As {@link #scan(double[], int, int, int, boolean, double[], long[])} for int64 values. */
    static void scan(long[] v, int outer, int n, int inner, boolean max, long[] values, long[] index) {
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                int base = o * n * inner + j;
                long best = v[base];
                int at = 0;
                for (int k = 1; k < n; k++) {
                    long c = v[base + k * inner];
                    if (max ? c > best : c < best) {
                        best = c;
                        at = k;
                    }
                }
                values[o * inner + j] = best;
                index[o * inner + j] = at;
            }
        }
    }

    /**
     * The gradient of max or min over [outer, n, inner] lines: each line's g shared equally by every element equal to
     * the line's result r (every NaN when r is NaN), as torch's evenly_distribute_backward.
     */
    static double[] shareAmongTies(double[] x, double[] r, double[] g, int outer, int n, int inner) {
        double[] dx = new double[x.length];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) {
                double best = r[o * inner + j];
                int ties = 0;
                for (int k = 0; k < n; k++) if (same(x[(o * n + k) * inner + j], best)) ties++;
                double share = g[o * inner + j] / ties;
                for (int k = 0; k < n; k++)
                    if (same(x[(o * n + k) * inner + j], best)) dx[(o * n + k) * inner + j] = share;
            }
        }
        return dx;
    }

    /** Equal, or both NaN: the elements a max/min result came from. */
    private static boolean same(double x, double r) {
        return x == r || (Double.isNaN(x) && Double.isNaN(r));
    }

    /** True when c replaces the current best: strictly better, or the first NaN against a number. */
    static boolean beats(double c, double best, boolean max) {
        if (Double.isNaN(c)) return !Double.isNaN(best);
        return max ? c > best : c < best;
    }

    /** A tensor's values as doubles in c order (the heap array itself for a heap tensor: read it, never write it). */
    static double[] doubles(Tensor a) {
        Small s = a.small();
        if (s != null) return s.v;
        // Integer tensors through float64, not toDoubles' float32 (exact up to 2^53).
        return a.dtype().isFloatingPoint()
                ? Engine.toDoubles(a.data())
                : Engine.doubles(Engine.cast(a.data(), DType.FLOAT64.nd4j()));
    }

    /** [outer, n, inner] around dimension d of shape (d = -1 for everything: [1, numel, 1]). */
    static int[] around(long[] shape, int d) {
        if (d < 0) return new int[] {1, Math.toIntExact(Shapes.numel(shape)), 1};
        long outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= shape[i];
        for (int i = d + 1; i < shape.length; i++) inner *= shape[i];
        return new int[] {
            Math.toIntExact(outer), Math.toIntExact(shape.length == 0 ? 1 : shape[d]), Math.toIntExact(inner)
        };
    }

    /** Refuses an empty reduction as torch does: no dimension given, or the reduced dimension has size 0. */
    static void checkNotEmpty(String op, long[] shape, int d) {
        if (d < 0 && Shapes.numel(shape) == 0) {
            throw new IllegalArgumentException(op + "(): the tensor of shape " + Shapes.str(shape)
                    + " is empty and has no " + op + "; give a dimension to reduce over, as torch requires");
        }
        if (d >= 0 && shape.length > 0 && shape[d] == 0) {
            throw new IndexOutOfBoundsException(
                    op + "(): dimension " + d + " of shape " + Shapes.str(shape) + " has size 0, so it has no " + op);
        }
    }

    /** int64 values in a fresh array of the given shape and type (cast back for int32 and bool inputs). */
    static Tensor longsAs(long[] v, DType type, long[] shape) {
        return new Tensor(Engine.cast(Reduce.toArray(v, shape), type.nd4j()));
    }
}
