package org.gradnote.data;

import java.util.function.DoubleBinaryOperator;
import org.gradnote.Gradnote;
import org.gradnote.tensor.Tensor;

/**
 * The labs' synthetic data sets in two dimensions (blobs, a linearly separable cloud, two rings, a noisy function
 * of (u, v)), drawn from the global generator so {@link Gradnote#seed(long)} makes them repeatable.
 */
public final class Synthetic {
    private Synthetic() {}

    /** Points with integer class labels 0..k-1, as rows for the classic algorithms and as tensors for models. */
    public record Labeled(double[][] x, int[] y) {
        /** The points as a float32 (n, d) tensor. */
        public Tensor features() {
            return Tensor.of(x).toFloat();
        }

        /** The labels as a long (n) tensor, what cross-entropy expects. */
        public Tensor labels() {
            long[] out = new long[y.length];
            for (int i = 0; i < y.length; i++) out[i] = y[i];
            return Tensor.of(out);
        }

        /** The labels of a two-class set as -1 / +1, the perceptron's convention (class 0 becomes -1). */
        public int[] signs() {
            int[] out = new int[y.length];
            for (int i = 0; i < y.length; i++) {
                if (y[i] != 0 && y[i] != 1)
                    throw new IllegalStateException("signs: needs two classes 0/1, found label " + y[i] + " at " + i);
                out[i] = y[i] == 1 ? 1 : -1;
            }
            return out;
        }

        /** The same points in a random order (blobs come class by class, which online rules must not see). */
        public Labeled shuffled() {
            int[] p = Gradnote.permutation(y.length);
            double[][] xs = new double[y.length][];
            int[] ys = new int[y.length];
            for (int i = 0; i < p.length; i++) {
                xs[i] = x[p[i]];
                ys[i] = y[p[i]];
            }
            return new Labeled(xs, ys);
        }

        /** Column j of the points, e.g. for a scatter plot's x axis. */
        public double[] column(int j) {
            double[] out = new double[x.length];
            for (int i = 0; i < x.length; i++) out[i] = x[i][j];
            return out;
        }
    }

    /** Isotropic Gaussian blobs: counts[c] points of class c around means[c] with standard deviation stds[c]. */
    public static Labeled blobs(int[] counts, double[][] means, double[] stds) {
        if (counts.length != means.length || counts.length != stds.length) {
            throw new IllegalArgumentException("blobs: " + counts.length + " counts, " + means.length + " means and "
                    + stds.length + " stds must match");
        }
        int n = 0;
        for (int c : counts) n += c;
        double[][] x = new double[n][];
        int[] y = new int[n];
        int i = 0;
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++, i++) {
                double[] p = new double[means[c].length];
                Gradnote.fillNormal(p, 0, stds[c]);
                for (int j = 0; j < p.length; j++) p[j] += means[c][j];
                x[i] = p;
                y[i] = c;
            }
        }
        return new Labeled(x, y);
    }

    /**
     * n points uniform in [-1, 1]² labelled by the side of the line w·x + b = 0, keeping only points at distance
     * at least {@code margin} from it: separable with margin γ, so the perceptron converges in at most (R/γ)² updates.
     */
    public static Labeled separable(int n, double[] w, double b, double margin) {
        double norm = Math.hypot(w[0], w[1]);
        if (norm == 0) throw new IllegalArgumentException("separable: w must not be zero");
        double[][] x = new double[n][];
        int[] y = new int[n];
        double[] p = new double[2];
        for (int i = 0; i < n; ) {
            Gradnote.fillUniform(p, -1, 1);
            double d = (w[0] * p[0] + w[1] * p[1] + b) / norm;
            if (Math.abs(d) < margin) continue;
            x[i] = p.clone();
            y[i++] = d > 0 ? 1 : 0;
        }
        return new Labeled(x, y);
    }

    /** Two concentric rings (radius 0.5 class 0, radius 1 class 1) with Gaussian radial noise: not linearly separable. */
    public static Labeled rings(int n, double noise) {
        double[][] x = new double[n][];
        int[] y = new int[n];
        double[] u = new double[1], e = new double[1];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            Gradnote.fillUniform(u, 0, 2 * Math.PI);
            Gradnote.fillNormal(e, 0, noise);
            double r = (c == 0 ? 0.5 : 1.0) + e[0];
            x[i] = new double[] {r * Math.cos(u[0]), r * Math.sin(u[0])};
            y[i] = c;
        }
        return new Labeled(x, y);
    }

    /**
     * n samples (u, v) uniform in [low, high]² with targets f(u, v) + N(0, noise²): {x (n, 2), y (n, 1)} as float32
     * tensors, the TP's regression set.
     */
    public static Tensor[] function(int n, DoubleBinaryOperator f, double low, double high, double noise) {
        double[] uv = new double[2 * n], eps = new double[n], y = new double[n];
        Gradnote.fillUniform(uv, low, high);
        Gradnote.fillNormal(eps, 0, noise);
        for (int i = 0; i < n; i++) y[i] = f.applyAsDouble(uv[2 * i], uv[2 * i + 1]) + eps[i];
        return new Tensor[] {
            Tensor.fromArray(uv, n, 2).toFloat(), Tensor.fromArray(y, n, 1).toFloat()
        };
    }
}
