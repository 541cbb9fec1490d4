package org.gradnote.tensor;

import java.util.Arrays;

/**
 * sort, argsort, topk, unique and nonzero. The orderings are computed on the JVM (a stable merge sort, NaN
 * ordered above +inf as in PyTorch, -0.0 equal to 0.0); sorted values are {@code gather(x, indices)}, so their
 * gradient flows through gather and these ops have no backward code of their own.
 */
final class SortOps {
    private SortOps() {}

    /** torch.sort(x, dim, descending, stable=True): {values, int64 indices}; equal elements keep their order. */
    static ValuesIndices sort(Tensor x, int dim, boolean descending) {
        if (x.dim() > 0) Shapes.dim("sort", dim, x.dim());
        Tensor idx = argsort(x, dim, descending);
        if (x.numel() == 0) return new ValuesIndices(Tensor.zerosLike(x), idx); // gather cannot build an empty array
        return new ValuesIndices(x.dim() == 0 ? x.copy() : x.gather(Shapes.dim("sort", dim, x.dim()), idx), idx);
    }

    /** The indices that sort x along dim (int64, same shape as x). */
    static Tensor argsort(Tensor x, int dim, boolean descending) {
        if (x.dim() == 0) return new Tensor(OpsSupport.longArray(new long[] {0}, new long[0]));
        int d = Shapes.dim("argsort", dim, x.dim());
        long[] shape = x.shape();
        double[] v = OpsSupport.values(x);
        int n = Math.toIntExact(shape[d]), outer = OpsSupport.outer(shape, d), inner = OpsSupport.inner(shape, d);
        long[] out = new long[v.length];
        double[] line = new double[n];
        int[] order = new int[n], tmp = new int[n];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in;
                for (int k = 0; k < n; k++) line[k] = v[base + k * inner];
                sortIndices(line, order, tmp, descending);
                for (int k = 0; k < n; k++) out[base + k * inner] = order[k];
            }
        }
        return new Tensor(OpsSupport.longArray(out, shape));
    }

    /** torch.topk: the k largest (or smallest) elements along dim, sorted, with their int64 indices. */
    static ValuesIndices topk(Tensor x, int k, int dim, boolean largest) {
        int d = Shapes.dim("topk", dim, x.dim());
        long size = x.dim() == 0 ? 1 : x.shape()[d];
        if (k < 0 || k > size)
            throw new IllegalArgumentException("topk: k = " + k + " out of range for dimension " + d + " of size "
                    + size + " (shape " + Shapes.str(x.shape()) + ")");
        if (x.dim() == 0) return sort(x, 0, largest);
        if (k == 0 || x.numel() == 0) {
            long[] s = x.shape();
            s[d] = k;
            return new ValuesIndices(Tensor.zeros(x.dtype(), s), new Tensor(OpsSupport.longArray(new long[0], s)));
        }
        Tensor idx = argsort(x, d, largest).slice(d, 0, k);
        return new ValuesIndices(x.gather(d, idx), idx);
    }

    /** Order of line's positions: stable, ascending or descending, NaN the largest value (last ascending). */
    static void sortIndices(double[] line, int[] order, int[] tmp, boolean descending) {
        int n = order.length;
        for (int i = 0; i < n; i++) order[i] = i;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width, hi = Math.min(lo + 2 * width, n), i = lo, j = mid, t = lo;
                while (i < mid && j < hi) {
                    int c = compare(line[order[j]], line[order[i]]);
                    // Take from the right run only when strictly before: equal elements keep their order.
                    boolean right = descending ? c > 0 : c < 0;
                    tmp[t++] = right ? order[j++] : order[i++];
                }
                while (i < mid) tmp[t++] = order[i++];
                while (j < hi) tmp[t++] = order[j++];
                System.arraycopy(tmp, lo, order, lo, hi - lo);
            }
        }
    }

    /** Total order with NaN above everything and -0.0 == 0.0 (Double.compare would split the zeros). */
    static int compare(double a, double b) {
        if (a < b) return -1;
        if (a > b) return 1;
        boolean na = Double.isNaN(a), nb = Double.isNaN(b);
        return na == nb ? 0 : na ? 1 : -1;
    }

    /** torch.unique(x, sorted=True) with return_inverse and return_counts: {values, inverse, counts}. */
    static Tensor[] unique(Tensor x) {
        double[] v = OpsSupport.values(x);
        int n = v.length;
        int[] order = new int[n];
        sortIndices(v, order, new int[n], false);
        double[] values = new double[n];
        long[] inverse = new long[n], counts = new long[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            double e = v[order[k]];
            // NaN != NaN: every NaN is its own value, as torch's sorted unique gives them.
            if (m == 0 || !(e == values[m - 1])) values[m++] = e;
            counts[m - 1]++;
            inverse[order[k]] = m - 1;
        }
        return new Tensor[] {
            OpsSupport.constant(x.dtype().nd4j(), Arrays.copyOf(values, m), new long[] {m}),
            new Tensor(OpsSupport.longArray(inverse, x.shape())),
            new Tensor(OpsSupport.longArray(Arrays.copyOf(counts, m), new long[] {m}))
        };
    }

    /** torch.nonzero: int64 [n, rank], one row of indices per non-zero element in c order. */
    static Tensor nonzero(Tensor x) {
        double[] v = OpsSupport.values(x);
        long[] shape = x.shape();
        int rank = shape.length, count = 0;
        for (double e : v) if (e != 0) count++;
        long[] out = new long[count * rank];
        long[] pos = new long[rank];
        int row = 0;
        for (double e : v) {
            if (e != 0) {
                System.arraycopy(pos, 0, out, row * rank, rank);
                row++;
            }
            for (int k = rank - 1; k >= 0; k--) {
                if (++pos[k] < shape[k]) break;
                pos[k] = 0;
            }
        }
        return new Tensor(OpsSupport.longArray(out, new long[] {count, rank}));
    }
}
