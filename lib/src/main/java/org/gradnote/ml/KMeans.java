package org.gradnote.ml;

import java.util.SplittableRandom;
import org.gradnote.Gradnote;

/**
 * Lloyd's k-means with k-means++ seeding (the unsupervised lab): {@code KMeans.fit(points, k)} returns the
 * centroids, each point's cluster and the inertia (sum of squared distances to the assigned centroid).
 */
public final class KMeans {
    private final double[][] centroids;
    private final int[] labels;
    private final double inertia;
    private final int iterations;

    private KMeans(double[][] centroids, int[] labels, double inertia, int iterations) {
        this.centroids = centroids;
        this.labels = labels;
        this.inertia = inertia;
        this.iterations = iterations;
    }

    /** Clusters rows of {@code x} into k groups (at most 300 iterations, seeded from {@link Gradnote#seed}). */
    public static KMeans fit(double[][] x, int k) {
        return fit(x, k, 300, Gradnote.nextSeed());
    }

    /**
     * Clusters the rows of {@code x} into k groups with k-means++ seeding from {@code seed}, at most {@code
     * maxIterations} Lloyd iterations.
     */
    public static KMeans fit(double[][] x, int k, int maxIterations, long seed) {
        if (x.length == 0) throw new IllegalArgumentException("k-means: no points");
        if (k < 1 || k > x.length)
            throw new IllegalArgumentException("k-means: k must be in [1, " + x.length + "], got " + k);
        Points.checkRectangular("k-means", x);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] c = plusPlus(x, k, rng);
        int[] labels = new int[x.length];
        int it = 0;
        boolean changed = true;
        while (changed && it < maxIterations) {
            it++;
            changed = false;
            for (int i = 0; i < x.length; i++) {
                int best = nearest(x[i], c);
                if (best != labels[i] || it == 1) changed |= best != labels[i];
                labels[i] = best;
            }
            c = means(x, labels, k, c);
        }
        double inertia = 0;
        for (int i = 0; i < x.length; i++) inertia += Points.sqDist(x[i], c[labels[i]]);
        return new KMeans(c, labels, inertia, it);
    }

    /** k-means++: each next centroid drawn with probability proportional to its squared distance to the nearest one. */
    private static double[][] plusPlus(double[][] x, int k, SplittableRandom rng) {
        double[][] c = new double[k][];
        c[0] = x[rng.nextInt(x.length)].clone();
        double[] d = new double[x.length];
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (int i = 0; i < x.length; i++) {
                d[i] = Points.sqDist(x[i], c[nearest(x[i], java.util.Arrays.copyOf(c, j))]);
                total += d[i];
            }
            double r = rng.nextDouble() * total;
            int pick = 0;
            for (double acc = d[0]; acc < r && pick < x.length - 1; acc += d[++pick]) {}
            c[j] = x[pick].clone();
        }
        return c;
    }

    static int nearest(double[] p, double[][] c) {
        int best = 0;
        double bd = Double.MAX_VALUE;
        for (int j = 0; j < c.length; j++) {
            double dd = Points.sqDist(p, c[j]);
            if (dd < bd) {
                bd = dd;
                best = j;
            }
        }
        return best;
    }

    private static double[][] means(double[][] x, int[] labels, int k, double[][] previous) {
        int dim = x[0].length;
        double[][] sum = new double[k][dim];
        int[] count = new int[k];
        for (int i = 0; i < x.length; i++) {
            count[labels[i]]++;
            for (int d = 0; d < dim; d++) sum[labels[i]][d] += x[i][d];
        }
        for (int j = 0; j < k; j++) {
            // An empty cluster keeps its centroid rather than collapsing to NaN.
            if (count[j] == 0) sum[j] = previous[j].clone();
            else for (int d = 0; d < dim; d++) sum[j][d] /= count[j];
        }
        return sum;
    }

    /** The cluster of a new point. */
    public int predict(double[] point) {
        return nearest(point, centroids);
    }

    /** A copy of the cluster centres, [k][features]. */
    public double[][] centroids() {
        return Points.copy(centroids);
    }

    /** A copy of each training point's cluster index in [0, k). */
    public int[] labels() {
        return labels.clone();
    }

    /** The sum of squared distances of the points to their assigned centroid (scikit-learn's {@code inertia_}). */
    public double inertia() {
        return inertia;
    }

    /** The number of Lloyd iterations run before the assignments stopped changing (or the limit). */
    public int iterations() {
        return iterations;
    }
}
