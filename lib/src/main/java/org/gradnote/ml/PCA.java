package org.gradnote.ml;

/**
 * Principal component analysis by eigen-decomposition of the covariance matrix (cyclic Jacobi rotations: exact
 * for the small dimensions of the labs, and dependency-free). Components are sorted by explained variance.
 */
public final class PCA {
    private final double[] mean;
    private final double[][] components;
    private final double[] variances;
    private final double totalVariance;

    private PCA(double[] mean, double[][] components, double[] variances, double totalVariance) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /** Fits the first {@code k} components of the rows of x. */
    public static PCA fit(double[][] x, int k) {
        Points.checkRectangular("PCA", x);
        int n = x.length, d = x[0].length;
        if (n < 2) throw new IllegalArgumentException("PCA: needs at least 2 points, got " + n);
        if (k < 1 || k > d) throw new IllegalArgumentException("PCA: k must be in [1, " + d + "], got " + k);
        double[] mean = new double[d];
        for (double[] r : x) for (int j = 0; j < d; j++) mean[j] += r[j] / n;
        double[][] cov = new double[d][d];
        for (double[] r : x) {
            for (int i = 0; i < d; i++)
                for (int j = i; j < d; j++) cov[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (n - 1);
        }
        for (int i = 0; i < d; i++) for (int j = 0; j < i; j++) cov[i][j] = cov[j][i];
        double total = 0;
        for (int i = 0; i < d; i++) total += cov[i][i];
        double[][] vectors = new double[d][d];
        double[] values = SymmetricEigen.decompose(cov, vectors);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
        double[][] comps = new double[k][d];
        double[] vars = new double[k];
        for (int c = 0; c < k; c++) {
            vars[c] = Math.max(0, values[order[c]]);
            for (int j = 0; j < d; j++) comps[c][j] = vectors[j][order[c]];
            // Sign convention: largest-magnitude coordinate positive, so results are stable run to run.
            int arg = 0;
            for (int j = 1; j < d; j++) if (Math.abs(comps[c][j]) > Math.abs(comps[c][arg])) arg = j;
            if (comps[c][arg] < 0) for (int j = 0; j < d; j++) comps[c][j] = -comps[c][j];
        }
        return new PCA(mean, comps, vars, total);
    }

    /** Coordinates of rows of x on the components. */
    public double[][] transform(double[][] x) {
        double[][] out = new double[x.length][components.length];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < components.length; c++) {
                double s = 0;
                for (int j = 0; j < mean.length; j++) s += (x[i][j] - mean[j]) * components[c][j];
                out[i][c] = s;
            }
        }
        return out;
    }

    /** Points back in the original space from their component coordinates. */
    public double[][] inverseTransform(double[][] z) {
        double[][] out = new double[z.length][mean.length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                double s = mean[j];
                for (int c = 0; c < components.length; c++) s += z[i][c] * components[c][j];
                out[i][j] = s;
            }
        }
        return out;
    }

    /** A copy of the principal directions, unit vectors sorted by explained variance: [k][features]. */
    public double[][] components() {
        return Points.copy(components);
    }

    /** The variance along each component (the covariance's eigenvalues, n - 1 denominator), largest first. */
    public double[] explainedVariance() {
        return variances.clone();
    }

    /** Share of the total variance each component explains. */
    public double[] explainedVarianceRatio() {
        double[] r = variances.clone();
        for (int i = 0; i < r.length; i++) r[i] /= totalVariance;
        return r;
    }

    /** A copy of the training mean subtracted before projecting, one value per feature. */
    public double[] mean() {
        return mean.clone();
    }
}
