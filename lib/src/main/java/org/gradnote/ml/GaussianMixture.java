package org.gradnote.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * A Gaussian mixture with full covariances fitted by expectation-maximisation, initialised from k-means; the
 * log-likelihood per iteration is kept so the lab can show EM never decreasing it.
 */
public final class GaussianMixture {
    private final double[] weights;
    private final double[][] means;
    private final double[][][] covariances;
    private final List<Double> logLikelihood;

    private GaussianMixture(double[] w, double[][] m, double[][][] c, List<Double> ll) {
        weights = w;
        means = m;
        covariances = c;
        logLikelihood = ll;
    }

    /** Fits k components (at most maxIterations EM steps, stopping when the log-likelihood gains less than 1e-8 per point). */
    public static GaussianMixture fit(double[][] x, int k, int maxIterations, long seed) {
        Points.checkRectangular("gaussian mixture", x);
        int n = x.length, d = x[0].length;
        KMeans init = KMeans.fit(x, k, 100, seed);
        double[][] m = init.centroids();
        double[] w = new double[k];
        double[][][] c = new double[k][d][d];
        double[][] r = new double[n][k];
        int[] lab = init.labels();
        for (int i = 0; i < n; i++) r[i][lab[i]] = 1;
        mStep(x, r, w, m, c);
        List<Double> ll = new ArrayList<>();
        for (int it = 0; it < maxIterations; it++) {
            double l = eStep(x, w, m, c, r);
            ll.add(l);
            if (it > 0 && Math.abs(l - ll.get(it - 1)) < 1e-8 * n) break;
            mStep(x, r, w, m, c);
        }
        return new GaussianMixture(w, m, c, ll);
    }

    /** Responsibilities into r; returns the total log-likelihood (log-sum-exp per point for stability). */
    private static double eStep(double[][] x, double[] w, double[][] m, double[][][] c, double[][] r) {
        int k = w.length;
        Gaussian[] g = new Gaussian[k];
        for (int j = 0; j < k; j++) g[j] = new Gaussian(m[j], c[j]);
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double max = -Double.MAX_VALUE;
            for (int j = 0; j < k; j++) {
                r[i][j] = Math.log(w[j]) + g[j].logDensity(x[i]);
                max = Math.max(max, r[i][j]);
            }
            double s = 0;
            for (int j = 0; j < k; j++) s += Math.exp(r[i][j] - max);
            double lse = max + Math.log(s);
            total += lse;
            for (int j = 0; j < k; j++) r[i][j] = Math.exp(r[i][j] - lse);
        }
        return total;
    }

    private static void mStep(double[][] x, double[][] r, double[] w, double[][] m, double[][][] c) {
        int n = x.length, d = x[0].length, k = w.length;
        for (int j = 0; j < k; j++) {
            double nk = 1e-12;
            for (int i = 0; i < n; i++) nk += r[i][j];
            w[j] = nk / n;
            java.util.Arrays.fill(m[j], 0);
            for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) m[j][a] += r[i][j] * x[i][a] / nk;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += r[i][j] * (x[i][a] - m[j][a]) * (x[i][b] - m[j][b]);
                    // A small ridge keeps a component that lost its points invertible (scikit-learn's reg_covar).
                    c[j][a][b] = s / nk + (a == b ? 1e-6 : 0);
                }
            }
        }
    }

    /** Index of the most probable component of a point. */
    public int predict(double[] point) {
        int best = 0;
        double bl = -Double.MAX_VALUE;
        for (int j = 0; j < weights.length; j++) {
            double l = Math.log(weights[j]) + new Gaussian(means[j], covariances[j]).logDensity(point);
            if (l > bl) {
                bl = l;
                best = j;
            }
        }
        return best;
    }

    /** A copy of the mixing weights, one per component, summing to 1. */
    public double[] weights() {
        return weights.clone();
    }

    /** A copy of the component means, [k][features]. */
    public double[][] means() {
        return Points.copy(means);
    }

    /** A copy of one component's full covariance matrix, [features][features]. */
    public double[][] covariance(int component) {
        return Points.copy(covariances[component]);
    }

    /** Log-likelihood of the data after each E step. */
    public List<Double> logLikelihood() {
        return java.util.Collections.unmodifiableList(logLikelihood);
    }

    /** A multivariate normal through its Cholesky factor. */
    private static final class Gaussian {
        final double[] mean;
        final double[][] l;
        final double logNorm;

        Gaussian(double[] mean, double[][] cov) {
            this.mean = mean;
            int d = mean.length;
            l = new double[d][d];
            double logDet = 0;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = cov[i][j];
                    for (int p = 0; p < j; p++) s -= l[i][p] * l[j][p];
                    if (i == j) {
                        if (s <= 0)
                            throw new IllegalStateException("gaussian mixture: covariance is not positive definite");
                        l[i][i] = Math.sqrt(s);
                        logDet += 2 * Math.log(l[i][i]);
                    } else l[i][j] = s / l[j][j];
                }
            }
            logNorm = -0.5 * (d * Math.log(2 * Math.PI) + logDet);
        }

        double logDensity(double[] x) {
            int d = mean.length;
            double[] z = new double[d];
            double q = 0;
            for (int i = 0; i < d; i++) {
                double s = x[i] - mean[i];
                for (int p = 0; p < i; p++) s -= l[i][p] * z[p];
                z[i] = s / l[i][i];
                q += z[i] * z[i];
            }
            return logNorm - 0.5 * q;
        }
    }
}
