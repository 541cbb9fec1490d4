package org.gradnote.ml;

import java.util.function.ToDoubleBiFunction;

/**
 * The dual (kernel) perceptron: f(x) = Σ αᵢ yᵢ K(xᵢ, x), with α incremented on each mistake; with a polynomial
 * kernel it separates data no line can (e.g. XOR or concentric rings).
 */
public final class KernelPerceptron {
    private final double[][] x;
    private final int[] y;
    private final int[] alpha;
    private final ToDoubleBiFunction<double[], double[]> kernel;
    private int epochs;

    private KernelPerceptron(double[][] x, int[] y, ToDoubleBiFunction<double[], double[]> kernel) {
        this.x = Points.copy(x);
        this.y = y.clone();
        this.alpha = new int[x.length];
        this.kernel = kernel;
    }

    /** K(a, b) = (a·b + c)^degree. */
    public static ToDoubleBiFunction<double[], double[]> polynomial(int degree, double c) {
        if (degree < 1) throw new IllegalArgumentException("polynomial kernel: degree must be >= 1, got " + degree);
        return (a, b) -> Math.pow(Points.dot(a, b) + c, degree);
    }

    /** K(a, b) = exp(-gamma |a - b|²). */
    public static ToDoubleBiFunction<double[], double[]> rbf(double gamma) {
        return (a, b) -> Math.exp(-gamma * Points.sqDist(a, b));
    }

    /**
     * Trains the dual perceptron on labels in {-1, +1} with the given kernel, until an epoch without mistakes or {@code
     * maxEpochs}.
     */
    public static KernelPerceptron fit(
            double[][] x, int[] y, ToDoubleBiFunction<double[], double[]> kernel, int maxEpochs) {
        Points.checkRectangular("kernel perceptron", x);
        Points.checkLabels("kernel perceptron", x, y);
        KernelPerceptron p = new KernelPerceptron(x, y, kernel);
        double[][] gram = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++)
            for (int j = 0; j < x.length; j++) gram[i][j] = kernel.applyAsDouble(x[i], x[j]);
        for (int e = 0; e < maxEpochs; e++) {
            p.epochs++;
            int mistakes = 0;
            for (int i = 0; i < x.length; i++) {
                double f = 0;
                for (int j = 0; j < x.length; j++) if (p.alpha[j] != 0) f += p.alpha[j] * y[j] * gram[j][i];
                if (y[i] * f <= 0) {
                    p.alpha[i]++;
                    mistakes++;
                }
            }
            if (mistakes == 0) break;
        }
        return p;
    }

    /** The decision value f(x) = sum of alpha_i y_i K(x_i, x) for one point; its sign is the class. */
    public double score(double[] point) {
        double f = 0;
        for (int j = 0; j < x.length; j++) if (alpha[j] != 0) f += alpha[j] * y[j] * kernel.applyAsDouble(x[j], point);
        return f;
    }

    /** The class of one point: +1 when its score is positive, else -1. */
    public int predict(double[] point) {
        return score(point) > 0 ? 1 : -1;
    }

    /** Number of training points with a non-zero weight. */
    public int supportCount() {
        int n = 0;
        for (int a : alpha) if (a != 0) n++;
        return n;
    }

    /** The number of training epochs run. */
    public int epochs() {
        return epochs;
    }
}
