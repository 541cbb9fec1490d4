package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Cross-entropy's softmax rows over dense float32 logits through the C loops (gn_loss.c), with the floats of
 * LossPrimitives' Java loop: C's exp and log are not Math's, so each row carries a bound on its distance from the
 * Java values, and a row (or the loss) whose floats that bound could change is computed here with Math.exp.
 *
 * <p>Why: a [1000, 10] cross-entropy spent ~5 ns in each of its 20,000 Math.exp calls, about a sixth of the
 * mlp_toy lab's step (docs/performance.md, session 23).
 */
final class CrossEntropyRows {
    /** The dense logits, held so that address stays theirs until the backward has read the rows it redoes. */
    private final INDArray z;

    private final long address;
    private final long[] y;
    private final int n, c;
    private final double[] p, lse, err;

    private CrossEntropyRows(INDArray z, long address, long[] y, int n, int c) {
        this.z = z;
        this.address = address;
        this.y = y;
        this.n = n;
        this.c = c;
        p = new double[Math.multiplyExact(n, c)];
        lse = new double[n];
        err = new double[n];
    }

    /**
     * The rows of float32 logits [n, c] (targets checked by the caller), or null when the C loops do not run now or
     * there is nothing to compute.
     */
    static CrossEntropyRows compute(INDArray logits, long[] y, int n, int c) {
        if (n == 0 || c == 0) return null;
        INDArray z = Engine.contiguous(logits);
        long[] at = NativeLoops.addresses(DataType.FLOAT, Math.multiplyExact((long) n, c), z);
        if (at == null) return null;
        CrossEntropyRows r = new CrossEntropyRows(z, at[0], y, n, c);
        Parallel.items(n, c, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                NativeLoops.crossEntropyRows(r.address, c, from, to, r.p, r.lse, r.err);
                for (int i = from; i < to; i++) if (r.err[i] < 0) r.exact(i);
            }
        });
        return r;
    }

    /** Row i with Math.exp, as LossPrimitives' Java loop computes it: its lse and softmax, and a zero bound. */
    private void exact(int i) {
        double[] zr = new double[c];
        for (int j = 0; j < c; j++) zr[j] = zAt(i, j);
        lse[i] = LossPrimitives.softmaxRow(zr, 0, c, p, i * c);
        err[i] = 0;
    }

    /** The mean (scale 1/n) or summed loss, as the Java loop's total: every row exact if the bounds leave it open. */
    double loss(double scale) {
        double total = 0, bound = 0, size = 0;
        for (int i = 0; i < n; i++) {
            double term = lse[i] - zAt(i, (int) y[i]);
            total += term;
            // A row's lse bound, plus an ulp of its term, whose subtraction may round apart from the Java loop's.
            if (err[i] > 0) bound += err[i] + 0x1p-52 * Math.abs(term);
            size += Math.abs(term);
        }
        // Each addition may round apart from the Java loop's by an ulp of the running total.
        if (bound > 0) bound += (n + 1) * 0x1p-52 * size;
        double v = total * scale, e = bound * scale + Math.abs(v) * 0x1p-50;
        if (bound > 0 && Double.isFinite(v) && (float) (v - e) != (float) (v + e)) {
            total = 0;
            for (int i = 0; i < n; i++) {
                if (err[i] > 0) exact(i);
                total += lse[i] - zAt(i, (int) y[i]);
            }
        }
        return total * scale;
    }

    /** The logits' float32 gradient for gs = the output gradient times the scale. */
    INDArray gradient(double gs) {
        INDArray d = Engine.empty(DataType.FLOAT, n, c);
        long[] at = NativeLoops.addresses(DataType.FLOAT, (long) n * c, d);
        if (at == null) {
            // The C loops were turned off between the passes: every row with Math.exp, as the Java backward.
            double[] dz = new double[p.length];
            for (int i = 0; i < n; i++) {
                if (err[i] > 0) exact(i);
                LossPrimitives.gradientRow(p, y, i, c, gs, dz, i * c);
            }
            Engine.putDoubles(d, dz, 0, dz.length);
            return d;
        }
        Parallel.items(n, c, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                int[] flagged = new int[to - from];
                int count = NativeLoops.crossEntropyGrad(address, p, lse, err, y, gs, c, from, to, at[0], flagged);
                if (count < 0) throw new OutOfMemoryError("crossEntropy: could not pin its arrays for the C loop");
                double[] dz = new double[c];
                for (int k = 0; k < count; k++) {
                    int i = flagged[k];
                    exact(i);
                    LossPrimitives.gradientRow(p, y, i, c, gs, dz, 0);
                    for (int j = 0; j < c; j++) Memory.putFloatAt(at[0] + 4L * ((long) i * c + j), (float) dz[j]);
                }
            }
        });
        return d;
    }

    private double zAt(int i, int j) {
        return Memory.floatAt(address + 4L * ((long) i * c + j));
    }
}
