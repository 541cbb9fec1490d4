package org.gradnote.data;

import java.util.Arrays;
import org.gradnote.tensor.Tensor;

/**
 * Standard (z-score) or min-max scaling, fitted on training data and applied unchanged to test data, with the
 * inverse for plotting predictions in the original unit:
 * <pre>{@code
 * Scaler s = Scaler.standard().fit(train2014);     // a series, or a [rows, features] tensor
 * Tensor x = s.transform(test2015);
 * double[] celsius = s.inverse(predictions);
 * }</pre>
 * Fitted on a series (or one column), the scaler applies to tensors of any shape; fitted on k columns, to
 * tensors whose last dimension is k. Like scikit-learn, a constant feature gets scale 1 instead of a division by 0.
 */
public final class Scaler {
    private final boolean standard;
    private final double[] center;
    private final double[] scale;

    private Scaler(boolean standard, double[] center, double[] scale) {
        this.standard = standard;
        this.center = center;
        this.scale = scale;
    }

    /** (x - mean) / std, the population std (ddof 0) as scikit-learn's StandardScaler. */
    public static Scaler standard() {
        return new Scaler(true, null, null);
    }

    /** (x - min) / (max - min), into [0, 1] on the training data. */
    public static Scaler minMax() {
        return new Scaler(false, null, null);
    }

    /** A scaler fitted on a series. */
    public Scaler fit(double[] series) {
        return fit(new double[][] {series}, 1, series.length);
    }

    /** A scaler fitted per column of a [rows, k] tensor, or on all values of a 1-D tensor. */
    public Scaler fit(Tensor data) {
        if (data.dim() == 1) return fit(data.toDoubleArray());
        if (data.dim() != 2)
            throw new IllegalArgumentException(
                    "Scaler.fit: expected a series [n] or a table [rows, features], got shape "
                            + Arrays.toString(data.shape()));
        double[] flat = data.toDoubleArray();
        int rows = (int) data.size(0), k = (int) data.size(1);
        double[][] cols = new double[k][rows];
        for (int i = 0; i < rows; i++) for (int j = 0; j < k; j++) cols[j][i] = flat[i * k + j];
        return fit(cols, k, rows);
    }

    private Scaler fit(double[][] cols, int k, int rows) {
        if (rows == 0) throw new IllegalArgumentException("Scaler.fit: no data");
        double[] c = new double[k], s = new double[k];
        for (int j = 0; j < k; j++) {
            double[] v = cols[j];
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i]))
                    throw new IllegalArgumentException("Scaler.fit: feature " + j + " has the value " + v[i]
                            + " at row " + i + " (drop or impute missing values first)");
            }
            if (standard) {
                c[j] = Arrays.stream(v).average().orElse(0);
                double m = c[j];
                s[j] = Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
            } else {
                c[j] = Arrays.stream(v).min().orElse(0);
                s[j] = Arrays.stream(v).max().orElse(0) - c[j];
            }
            if (s[j] == 0) s[j] = 1;
        }
        return new Scaler(standard, c, s);
    }

    /** Whether {@code fit} has run, so that {@code transform} and {@code inverse} can be used. */
    public boolean isFitted() {
        return center != null;
    }

    /** Per feature: the mean (standard) or the minimum (min-max) of the training data. */
    public double[] center() {
        return fitted("center").clone();
    }

    /** Per feature: the std (standard) or max - min (min-max) of the training data. */
    public double[] scale() {
        fitted("scale");
        return scale.clone();
    }

    /**
     * Scales values as fitted: value i belongs to feature i modulo the number of features, so a flattened [rows,
     * features] array works; returns a new array.
     */
    public double[] transform(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) out[i] = (values[i] - centerOf(i)) / scale[i % scale.length];
        return out;
    }

    /**
     * Undoes {@link #transform(double[])}: values back in the original unit (e.g. predictions in degrees), as a new
     * array.
     */
    public double[] inverse(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) out[i] = values[i] * scale[i % scale.length] + centerOf(i);
        return out;
    }

    /** Scales a tensor (differentiable, keeps its dtype). */
    public Tensor transform(Tensor x) {
        return x.sub(stat(center, x)).div(stat(scale, x));
    }

    /** Undoes {@link #transform}, e.g. on a model's outputs before plotting them in °C. */
    public Tensor inverse(Tensor x) {
        return x.mul(stat(scale, x)).add(stat(center, x));
    }

    private double centerOf(int i) {
        fitted("transform");
        if (center.length != 1)
            throw new IllegalArgumentException("Scaler: fitted on " + center.length
                    + " features; arrays can only be transformed by a scaler fitted on a series, use tensors");
        return center[0];
    }

    private Tensor stat(double[] v, Tensor x) {
        fitted("transform");
        if (v.length > 1 && (x.dim() == 0 || x.size(x.dim() - 1) != v.length)) {
            throw new IllegalArgumentException(
                    "Scaler: fitted on " + v.length + " features, cannot transform a tensor of shape "
                            + Arrays.toString(x.shape()) + " (its last dimension must be " + v.length + ")");
        }
        return v.length == 1 ? Tensor.scalar(v[0]).to(x.dtype()) : Tensor.fromArray(x.dtype(), v, v.length);
    }

    private double[] fitted(String what) {
        if (center == null)
            throw new IllegalStateException(
                    "Scaler." + what + ": not fitted yet; call fit(trainingData) first and use the scaler it returns");
        return center;
    }

    @Override
    public String toString() {
        String kind = standard ? "standard" : "minMax";
        if (center == null) return "Scaler." + kind + "() (not fitted)";
        return "Scaler." + kind + "(" + (standard ? "mean=" : "min=") + Arrays.toString(center) + ", "
                + (standard ? "std=" : "range=") + Arrays.toString(scale) + ")";
    }
}
