package org.gradnote.ml;

/**
 * Adaline (Widrow-Hoff delta rule): a linear unit trained on the squared error of its raw output,
 * w += lr·(y − w·x − b)·x per example, with the per-epoch mean squared error recorded.
 */
public final class Adaline {
    private final double[] w;
    private double b;
    private final java.util.List<Double> mse = new java.util.ArrayList<>();

    private Adaline(int dim) {
        w = new double[dim];
    }

    /** Stochastic delta rule over the examples in order for a number of epochs. */
    public static Adaline fit(double[][] x, double[] y, double lr, int epochs) {
        Points.checkRectangular("adaline", x);
        if (x.length != y.length)
            throw new IllegalArgumentException("adaline: " + x.length + " points but " + y.length + " targets");
        if (!(lr > 0)) throw new IllegalArgumentException("adaline: learning rate must be positive, got " + lr);
        Adaline a = new Adaline(x[0].length);
        for (int e = 0; e < epochs; e++) {
            double se = 0;
            for (int i = 0; i < x.length; i++) {
                double err = y[i] - a.output(x[i]);
                se += err * err;
                for (int d = 0; d < a.w.length; d++) a.w[d] += lr * err * x[i][d];
                a.b += lr * err;
            }
            a.mse.add(se / x.length);
        }
        return a;
    }

    /** The raw linear output w·x + b for one point. */
    public double output(double[] point) {
        return Points.dot(w, point) + b;
    }

    /** The class in {-1, +1} by the sign of the output. */
    public int predict(double[] point) {
        return output(point) > 0 ? 1 : -1;
    }

    /** The mean squared error of each training epoch, in order (read-only). */
    public java.util.List<Double> msePerEpoch() {
        return java.util.Collections.unmodifiableList(mse);
    }

    /** A copy of the learned weights w, one per feature. */
    public double[] weights() {
        return w.clone();
    }

    /** The learned bias b. */
    public double bias() {
        return b;
    }
}
