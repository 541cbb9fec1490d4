package org.gradnote.ml;

/**
 * Rosenblatt's perceptron for labels in {-1, +1}: on each mistake w += lr·y·x, b += lr·y. On linearly separable
 * data it converges (Novikoff); {@link #mistakesPerEpoch()} shows it reaching zero.
 */
public final class Perceptron {
    private final double[] w;
    private double b;
    private final java.util.List<Integer> mistakes = new java.util.ArrayList<>();

    private Perceptron(int dim) {
        w = new double[dim];
    }

    /** Trains until an epoch without mistakes or maxEpochs, visiting points in order. */
    public static Perceptron fit(double[][] x, int[] y, double lr, int maxEpochs) {
        Points.checkRectangular("perceptron", x);
        Points.checkLabels("perceptron", x, y);
        Perceptron p = new Perceptron(x[0].length);
        for (int e = 0; e < maxEpochs; e++) {
            int m = 0;
            for (int i = 0; i < x.length; i++) {
                if (y[i] * p.score(x[i]) <= 0) {
                    for (int d = 0; d < p.w.length; d++) p.w[d] += lr * y[i] * x[i][d];
                    p.b += lr * y[i];
                    m++;
                }
            }
            p.mistakes.add(m);
            if (m == 0) break;
        }
        return p;
    }

    /** The linear score w·x + b for one point; its sign is the class. */
    public double score(double[] point) {
        return Points.dot(w, point) + b;
    }

    /** The class of one point: +1 when its score is positive, else -1. */
    public int predict(double[] point) {
        return score(point) > 0 ? 1 : -1;
    }

    /** Whether the last training epoch made no mistake, i.e. the data were separated. */
    public boolean converged() {
        return !mistakes.isEmpty() && mistakes.get(mistakes.size() - 1) == 0;
    }

    /** The number of mistakes of each training epoch, in order (read-only). */
    public java.util.List<Integer> mistakesPerEpoch() {
        return java.util.Collections.unmodifiableList(mistakes);
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
