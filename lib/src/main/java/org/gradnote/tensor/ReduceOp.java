package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The table of reductions: each constant is one op, described once — its name, dtype rule ({@link DTypeRule},
 * enforced by each kind's {@code apply}), forward and its gradient rule beside it. Four kinds share the table, each
 * with one {@code apply} that handles dims and keepDim for all its entries and picks where the result lives:
 *
 * <ul>
 *   <li><b>sums</b> ({@code sum}, {@code mean}): {@link Reduce}'s accurate blocked double sums, the same on the heap
 *       and natively, and a rule written once on {@link Backend} (PyTorch's sum_backward / mean_backward);
 *   <li><b>moments</b> ({@code var}, {@code std}): two passes of those sums (the mean, then the squared deviations
 *       from it), and a fused rule whose per-output scale is computed in double and rounded once — a rule composed on
 *       {@link Backend} would compute it in float32 and move bits;
 *   <li><b>lines</b> ({@code amax}/{@code max()}, {@code amin}/{@code min()}, {@code prod}): one dimension or all,
 *       viewed as [outer, n, inner] lines scanned in Java (NaN propagates, integers stay exact), and a rule on the
 *       lines in double (tied extremes share the gradient; prod's rule is cumprod's, zeros included);
 *   <li><b>indexed</b> ({@code max(dim)}/{@code min(dim)} with indices, {@code argmax}/{@code argmin}): the same
 *       lines, each giving its winner and the winner's index (the first one; a NaN wins), and one rule for all: g
 *       to the returned index only (argmax and argmin return int64 indices, which have no gradient).
 * </ul>
 *
 * <p>Constants with bodies, not lambdas: a lambda's first call costs ~0.3-1 ms of linking (see {@link Node.Backward}).
 */
enum ReduceOp {
    /** Σx; d = g spread over the reduced dims. Integer and bool inputs sum exactly into int64 (no gradient). */
    SUM("sum", "sum", Kind.SUMS, DTypeRule.INTEGERS_TO_INT64) {
        @Override
        double finish(double sum, double count) {
            return sum;
        }

        @Override
        <A> A grad(Backend<A> k, A g, long[] kept, long[] in, double count) {
            return k.expand(g, kept, in);
        }
    },
    /** Σx / n; d = g / n spread over the reduced dims. Float tensors only, as in torch. */
    MEAN("mean", "mean", Kind.SUMS, DTypeRule.FLOAT) {
        @Override
        double finish(double sum, double count) {
            return sum / count;
        }

        @Override
        <A> A grad(Backend<A> k, A g, long[] kept, long[] in, double count) {
            return k.expand(k.div(g, count), kept, in);
        }
    },
    /** Σ(x - mean)² / max(0, n - correction); d = g · 2 (x - mean) / (n - correction). Float tensors only. */
    VAR("var", "var", Kind.MOMENTS, DTypeRule.FLOAT) {
        @Override
        double finish(double squares, double dof) {
            return squares / dof;
        }

        @Override
        double scale(double g, double out, double dof) {
            return 2 * g / dof;
        }
    },
    /** √var; d = g · (x - mean) / ((n - correction) std), and 0 where std is 0 (torch's std_backward, not NaN). */
    STD("std", "std", Kind.MOMENTS, DTypeRule.FLOAT) {
        @Override
        double finish(double squares, double dof) {
            return Math.sqrt(squares / dof);
        }

        @Override
        double scale(double g, double out, double dof) {
            return out == 0 ? 0 : g / (out * dof);
        }
    },
    /** The largest element of each line (NaN wins); tied maxima share g equally (torch's evenly_distribute_backward). */
    AMAX("amax", "max", Kind.LINES, DTypeRule.PROMOTE) {
        @Override
        void lines(double[] x, int outer, int n, int inner, double[] out) {
            Extremes.scan(x, outer, n, inner, true, out, new long[out.length]);
        }

        @Override
        void lines(long[] x, int outer, int n, int inner, long[] out) {
            Extremes.scan(x, outer, n, inner, true, out, new long[out.length]);
        }

        @Override
        double[] lineGrads(double[] x, double[] out, double[] g, int outer, int n, int inner) {
            return Extremes.shareAmongTies(x, out, g, outer, n, inner);
        }
    },
    /** The smallest element of each line (NaN wins); tied minima share g equally. */
    AMIN("amin", "min", Kind.LINES, DTypeRule.PROMOTE) {
        @Override
        void lines(double[] x, int outer, int n, int inner, double[] out) {
            Extremes.scan(x, outer, n, inner, false, out, new long[out.length]);
        }

        @Override
        void lines(long[] x, int outer, int n, int inner, long[] out) {
            Extremes.scan(x, outer, n, inner, false, out, new long[out.length]);
        }

        @Override
        double[] lineGrads(double[] x, double[] out, double[] g, int outer, int n, int inner) {
            return Extremes.shareAmongTies(x, out, g, outer, n, inner);
        }
    },
    /**
     * The product of each line, multiplied in order in double (1 for an empty line); integers and bools give exact
     * int64 (overflow wraps, as torch). The rule is cumprod's with g on each line's last element (PyTorch's
     * prod_backward): exact where the line holds zeros, where g · prod / x would be NaN.
     */
    PROD("prod", "prod", Kind.LINES, DTypeRule.INTEGERS_TO_INT64) {
        @Override
        void lines(double[] x, int outer, int n, int inner, double[] out) {
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < inner; j++) {
                    double acc = 1;
                    for (int k = 0; k < n; k++) acc *= x[(o * n + k) * inner + j];
                    out[o * inner + j] = acc;
                }
            }
        }

        @Override
        void lines(long[] x, int outer, int n, int inner, long[] out) {
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < inner; j++) {
                    long acc = 1;
                    for (int k = 0; k < n; k++) acc *= x[(o * n + k) * inner + j];
                    out[o * inner + j] = acc;
                }
            }
        }

        @Override
        double[] lineGrads(double[] x, double[] out, double[] g, int outer, int n, int inner) {
            double[] last = new double[x.length];
            for (int o = 0; o < outer; o++) {
                for (int j = 0; j < inner; j++) last[(o * n + n - 1) * inner + j] = g[o * inner + j];
            }
            return ScanOps.cumprodGrad(x, last, new long[] {outer, n, inner}, 1);
        }
    },
    /** max(dim): the largest element of each line and its index (the first maximum; a NaN wins, as torch). */
    MAX("max", "max", Kind.INDEXED, DTypeRule.PROMOTE) {
        @Override
        void picks(double[] x, int outer, int n, int inner, double[] values, long[] index) {
            Extremes.scan(x, outer, n, inner, true, values, index);
        }

        @Override
        void picks(long[] x, int outer, int n, int inner, long[] values, long[] index) {
            Extremes.scan(x, outer, n, inner, true, values, index);
        }
    },
    /** min(dim): the smallest element of each line and its index (the first minimum; a NaN wins). */
    MIN("min", "min", Kind.INDEXED, DTypeRule.PROMOTE) {
        @Override
        void picks(double[] x, int outer, int n, int inner, double[] values, long[] index) {
            Extremes.scan(x, outer, n, inner, false, values, index);
        }

        @Override
        void picks(long[] x, int outer, int n, int inner, long[] values, long[] index) {
            Extremes.scan(x, outer, n, inner, false, values, index);
        }
    },
    /**
     * The index of each line's largest element, max(dim)'s, as int64 (not for bool, as torch); over everything, the
     * flat index.
     */
    ARGMAX("argmax", "argmax", Kind.INDEXED, DTypeRule.INDEX_RESULT) {
        @Override
        void picks(double[] x, int outer, int n, int inner, double[] values, long[] index) {
            MAX.picks(x, outer, n, inner, values, index);
        }

        @Override
        void picks(long[] x, int outer, int n, int inner, long[] values, long[] index) {
            MAX.picks(x, outer, n, inner, values, index);
        }
    },
    /** The index of each line's smallest element, min(dim)'s, as int64. */
    ARGMIN("argmin", "argmin", Kind.INDEXED, DTypeRule.INDEX_RESULT) {
        @Override
        void picks(double[] x, int outer, int n, int inner, double[] values, long[] index) {
            MIN.picks(x, outer, n, inner, values, index);
        }

        @Override
        void picks(long[] x, int outer, int n, int inner, long[] values, long[] index) {
            MIN.picks(x, outer, n, inner, values, index);
        }
    };

    /** How an entry reduces, which decides its {@code apply} and the hooks it implements. */
    enum Kind {
        SUMS,
        MOMENTS,
        LINES,
        INDEXED
    }

    /** The op's name (gradFn, messages) over dimensions, and over everything (max() and amax(dim) differ). */
    final String label, whole;

    final Kind kind;
    /** The dtype rule: what the op takes and returns. */
    final DTypeRule types;
    /** The names messages show, "sum()" and "max()". */
    private final String called, calledWhole;

    ReduceOp(String label, String whole, Kind kind, DTypeRule types) {
        this.label = label;
        this.whole = whole;
        this.kind = kind;
        this.types = types;
        this.called = label + "()";
        this.calledWhole = whole + "()";
    }

    /**
     * Sums and moments: one output element from the double sum of its {@code count} inputs (for moments, the sum of
     * squared deviations and the divisor n - correction), before rounding to the type.
     */
    double finish(double sum, double count) {
        throw new UnsupportedOperationException(label);
    }

    /**
     * Sums: the gradient rule, the input's gradient (shape {@code in}) from the output's gradient g, whose elements
     * are laid out as the input's shape with the reduced dims set to 1 ({@code kept}).
     */
    <A> A grad(Backend<A> k, A g, long[] kept, long[] in, double count) {
        throw new UnsupportedOperationException(label);
    }

    /** Moments: the factor of (x - mean) in the gradient, from the output's gradient g and its value (in double). */
    double scale(double g, double out, double dof) {
        throw new UnsupportedOperationException(label);
    }

    /** Lines: the value of each of the outer × inner lines of n elements of x (c order), into out. */
    void lines(double[] x, int outer, int n, int inner, double[] out) {
        throw new UnsupportedOperationException(label);
    }

    /** Lines, for integer and bool inputs read as int64. */
    void lines(long[] x, int outer, int n, int inner, long[] out) {
        throw new UnsupportedOperationException(label);
    }

    /** Lines: the input's gradient from each line's value {@code out} and gradient g, in double. */
    double[] lineGrads(double[] x, double[] out, double[] g, int outer, int n, int inner) {
        throw new UnsupportedOperationException(label);
    }

    /** Indexed: each line's winner into values and its index along the line into index. */
    void picks(double[] x, int outer, int n, int inner, double[] values, long[] index) {
        throw new UnsupportedOperationException(label);
    }

    /** Indexed, for integer and bool inputs read as int64. */
    void picks(long[] x, int outer, int n, int inner, long[] values, long[] index) {
        throw new UnsupportedOperationException(label);
    }

    /**
     * Indexed: the gradient rule of every entry with values (max, min), g of each line to the index it returned and
     * 0 elsewhere (torch's value_selecting_reduction_backward), in double.
     */
    static double[] indexGrads(double[] g, long[] index, int outer, int n, int inner) {
        double[] dx = new double[outer * n * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < inner; j++) dx[(o * n + (int) index[o * inner + j]) * inner + j] = g[o * inner + j];
        }
        return dx;
    }

    /** A sum over dims (all when empty): dtype rule, accurate sums, result on the heap or native, and its rule. */
    final Tensor apply(Tensor a, int[] dims, boolean keepDim) {
        if (kind != Kind.SUMS) throw new UnsupportedOperationException(label);
        DType type = types.of(called, a);
        long[] in = a.shape();
        int[] d = Shapes.dims(label, dims, a.dim());
        boolean[] red = Reduce.mask(in.length, d);
        long[] outShape = Primitives.reducedShape(in, dims, d, keepDim);
        if (!type.isFloatingPoint()) return new Tensor(Reduce.toArray(Reduce.longSums(a, red), outShape));
        double count = Reduce.count(in, red);
        double[] s = Reduce.sums(a, red);
        for (int i = 0; i < s.length; i++) s[i] = finish(s[i], count);
        long[] kept = Primitives.keptShape(in, red);
        Tensor[] inputs = {a};
        Small x = a.small();
        // A whole-tensor reduction of a heap tensor stays on the heap (one element: no native array to create).
        if (x != null && dims.length == 0) {
            Small out = Small.rounded(x.type, outShape, s);
            return Tensor.recordSmall(out, label, inputs, Tensor.NONE, false, new HeapRule(this, kept, in, count));
        }
        INDArray out = Reduce.toArray(s, a.dtype().nd4j(), outShape);
        return Tensor.record(out, label, inputs, Tensor.NONE, new NdRule(this, kept, in, count));
    }

    /**
     * A moment over dims (all when empty) with {@code correction} subtracted from the count (1: Bessel's, torch's
     * default): two passes in double, the mean first, then the squared deviations from it. torch divides by
     * max(0, n - correction): 0/0 = NaN for one element unbiased and for no elements at all.
     */
    final Tensor apply(Tensor a, int[] dims, boolean keepDim, int correction) {
        if (kind != Kind.MOMENTS) throw new UnsupportedOperationException(label);
        types.of(called, a);
        long[] in = a.shape();
        int[] d = Shapes.dims(label, dims, a.dim());
        boolean[] red = Reduce.mask(in.length, d);
        double count = Reduce.count(in, red), dof = Math.max(0, count - correction);
        double[] mean = Reduce.sums(a, red);
        for (int i = 0; i < mean.length; i++) mean[i] /= count;
        double[] v = Reduce.sums(a.small(), a.small() == null ? a.data() : null, in, red, mean);
        for (int i = 0; i < v.length; i++) v[i] = finish(v[i], dof);
        DataType t = a.dtype().nd4j();
        INDArray out = Reduce.toArray(v, t, Primitives.reducedShape(in, dims, d, keepDim));
        long[] kept = Primitives.keptShape(in, red);
        return Tensor.record(
                out, label, new Tensor[] {a}, new Tensor[] {a}, new MomentRule(this, a, v, mean, kept, dof));
    }

    /**
     * A line reduction along dimension {@code dim} (already normalised), or of everything when {@code dim} is -1
     * (a 0-d tensor reduces as a whole either way, as torch allows dim 0 or -1 on it).
     */
    final Tensor apply(Tensor a, int dim, boolean keepDim) {
        if (kind != Kind.LINES) throw new UnsupportedOperationException(label);
        String op = dim < 0 ? whole : label;
        DType type = types.of(dim < 0 ? calledWhole : called, a);
        long[] in = a.shape();
        int d = dim < 0 || in.length == 0 ? -1 : dim;
        long[] outShape = d < 0
                ? (dim < 0 ? new long[0] : in)
                : keepDim ? Primitives.keptShape(in, new int[] {d}) : Primitives.dropDims(in, new int[] {d});
        boolean floats = a.dtype().isFloatingPoint();
        int[] oni = Extremes.around(in, d);
        int outer = oni[0], n = oni[1], inner = oni[2];
        if (this == PROD && n == 0) {
            // Empty lines multiply to 1 (nothing to differentiate: no history, as torch.ones).
            return Tensor.ones(type, outShape);
        }
        Extremes.checkNotEmpty(op, in, d);
        DataType t = a.dtype().nd4j();
        if (!floats) {
            long[] values = new long[outer * inner];
            if (values.length > 0)
                lines(Engine.longs(Engine.cast(a.data(), DType.INT64.nd4j())), outer, n, inner, values);
            return Extremes.longsAs(values, type, outShape);
        }
        double[] values = new double[outer * inner];
        if (values.length > 0) lines(Extremes.doubles(a), outer, n, inner, values);
        INDArray out = Reduce.toArray(values, t, outShape);
        // The output is saved as torch saves it (the rules read the result), so an in-place change to it is refused.
        return Tensor.recordSavingOutput(
                out, op, new Tensor[] {a}, new Tensor[] {a}, new LineRule(this, a, values, oni));
    }

    /**
     * An indexed reduction along dimension {@code dim} (already normalised), or of everything when {@code dim} is -1
     * (a 0-d tensor reduces as a whole either way): {values, indices}, values null for argmax and argmin.
     */
    final Tensor[] applyIndexed(Tensor a, int dim, boolean keepDim) {
        if (kind != Kind.INDEXED) throw new UnsupportedOperationException(label);
        DType type = types.of(called, a);
        long[] in = a.shape();
        int d = dim < 0 || in.length == 0 ? -1 : dim;
        Extremes.checkNotEmpty(label, in, d);
        int[] oni = Extremes.around(in, d);
        int outer = oni[0], n = oni[1], inner = oni[2];
        long[] outShape = d < 0
                ? (dim < 0 ? new long[0] : in)
                : keepDim ? Primitives.keptShape(in, new int[] {d}) : Primitives.dropDims(in, new int[] {d});
        long[] index = new long[outer * inner];
        boolean values = types != DTypeRule.INDEX_RESULT;
        if (!a.dtype().isFloatingPoint()) {
            long[] v = new long[index.length];
            picks(Engine.longs(Engine.cast(a.data(), DType.INT64.nd4j())), outer, n, inner, v, index);
            Tensor indices = new Tensor(Reduce.toArray(index, outShape));
            return new Tensor[] {values ? Extremes.longsAs(v, type, outShape) : null, indices};
        }
        double[] v = new double[index.length];
        picks(Extremes.doubles(a), outer, n, inner, v, index);
        Tensor indices = new Tensor(Reduce.toArray(index, outShape));
        if (!values) return new Tensor[] {null, indices};
        INDArray out = Reduce.toArray(v, a.dtype().nd4j(), outShape);
        Tensor r = Tensor.record(out, label, new Tensor[] {a}, Tensor.NONE, new IndexRule(a.dtype(), in, index, oni));
        return new Tensor[] {r, indices};
    }

    /** A heap node's rule. */
    private static final class HeapRule implements Node.SmallBackward {
        private final ReduceOp op;
        private final long[] kept, in;
        private final double count;

        HeapRule(ReduceOp op, long[] kept, long[] in, double count) {
            this.op = op;
            this.kept = kept;
            this.in = in;
            this.count = count;
        }

        @Override
        public Small[] apply(Small g) {
            return new Small[] {op.grad(Backend.HEAP, g, kept, in, count)};
        }
    }

    /** A native node's rule. */
    private static final class NdRule implements Node.Backward {
        private final ReduceOp op;
        private final long[] kept, in;
        private final double count;

        NdRule(ReduceOp op, long[] kept, long[] in, double count) {
            this.op = op;
            this.kept = kept;
            this.in = in;
            this.count = count;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            return new INDArray[] {op.grad(Backend.ND, g, kept, in, count)};
        }
    }

    /** A moment's rule: g scaled per output in double, times the input's deviation from its mean. */
    private static final class MomentRule implements Node.Backward {
        private final ReduceOp op;
        private final Tensor a;
        private final double[] out, mean;
        private final long[] kept;
        private final double dof;

        MomentRule(ReduceOp op, Tensor a, double[] out, double[] mean, long[] kept, double dof) {
            this.op = op;
            this.a = a;
            this.out = out;
            this.mean = mean;
            this.kept = kept;
            this.dof = dof;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            double[] gv = Engine.toDoubles(g);
            for (int i = 0; i < gv.length; i++) gv[i] = op.scale(gv[i], out[i], dof);
            DataType t = a.dtype().nd4j();
            INDArray centred = Engine.broadcastBinary("subtract", op.label, a.data(), Reduce.toArray(mean, t, kept));
            return new INDArray[] {Engine.broadcastBinary("multiply", op.label, centred, Reduce.toArray(gv, t, kept))};
        }
    }

    /** An indexed reduction's rule: g to the returned indices ({@link #indexGrads}); it reads no tensor. */
    private static final class IndexRule implements Node.Backward {
        private final DType type;
        private final long[] in, index;
        private final int[] oni;

        IndexRule(DType type, long[] in, long[] index, int[] oni) {
            this.type = type;
            this.in = in;
            this.index = index;
            this.oni = oni;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            double[] dx = indexGrads(Engine.toDoubles(g), index, oni[0], oni[1], oni[2]);
            return new INDArray[] {Reduce.toArray(dx, type.nd4j(), in)};
        }
    }

    /** A line reduction's rule: the input (read again, version-checked) and the lines' values and gradients. */
    private static final class LineRule implements Node.Backward {
        private final ReduceOp op;
        private final Tensor a;
        private final double[] out;
        private final int[] oni;

        LineRule(ReduceOp op, Tensor a, double[] out, int[] oni) {
            this.op = op;
            this.a = a;
            this.out = out;
            this.oni = oni;
        }

        @Override
        public INDArray[] apply(INDArray g) {
            // No lines (an empty input with n > 0): nothing to read, an empty gradient.
            double[] dx = out.length == 0
                    ? new double[0]
                    : op.lineGrads(Extremes.doubles(a), out, Engine.toDoubles(g), oni[0], oni[1], oni[2]);
            return new INDArray[] {Reduce.toArray(dx, a.dtype().nd4j(), a.shape())};
        }
    }
}
