package org.gradnote.data;

import java.util.Arrays;
import org.gradnote.tensor.Tensor;

/**
 * Sliding windows over a time series, for the meteo labs:
 * <ul>
 *   <li>{@link #nextValue()}: each window of {@code width} consecutive values is an input x [width] and the value
 *       {@code horizon} steps after it the target y [1]; windows start every {@code stride} values;</li>
 *   <li>{@link #sequenceToSequence()}: the courses' CNN lab, one example of the whole series where a model with a
 *       receptive field of {@code width} predicts every value from the {@code width} values before it.</li>
 * </ul>
 * <pre>{@code
 * TensorDataset train = Windows.of(scaled2014, 7).nextValue();   // x [358, 7], y [358, 1]
 * }</pre>
 */
public final class Windows {
    private final double[] series;
    private final int width;
    private final int horizon;
    private final int stride;

    private Windows(double[] series, int width, int horizon, int stride) {
        if (width < 1) throw new IllegalArgumentException("Windows: width must be >= 1, got " + width);
        if (horizon < 1) throw new IllegalArgumentException("Windows: horizon must be >= 1, got " + horizon);
        if (stride < 1) throw new IllegalArgumentException("Windows: stride must be >= 1, got " + stride);
        if (series.length < width + horizon) {
            throw new IllegalArgumentException(
                    "Windows: a series of " + series.length + " values is too short for windows of " + width
                            + " and a target " + horizon + " step(s) ahead (needs at least " + (width + horizon) + ")");
        }
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i]))
                throw new IllegalArgumentException("Windows: value " + i + " of the series is " + series[i]
                        + " (drop or impute missing values first)");
        }
        this.series = series;
        this.width = width;
        this.horizon = horizon;
        this.stride = stride;
    }

    /** Windows of {@code width} values over a series, predicting the next value, stride 1. */
    public static Windows of(double[] series, int width) {
        return new Windows(series.clone(), width, 1, 1);
    }

    /** Windows over a 1-D tensor (or a [n, 1] column). */
    public static Windows of(Tensor series, int width) {
        if (series.dim() > 2 || (series.dim() == 2 && series.size(1) != 1)) {
            throw new IllegalArgumentException(
                    "Windows: expected a series [n] or [n, 1], got shape " + Arrays.toString(series.shape()));
        }
        return new Windows(series.toDoubleArray(), width, 1, 1);
    }

    /** Predicts the value {@code steps} after each window instead of the next one. */
    public Windows horizon(int steps) {
        return new Windows(series, width, steps, stride);
    }

    /** Starts a window every {@code step} values instead of every value. */
    public Windows stride(int step) {
        return new Windows(series, width, horizon, step);
    }

    /** Number of (window, target) pairs. */
    public int count() {
        return (series.length - width - horizon) / stride + 1;
    }

    /** Windows as a [count, width] tensor. */
    public Tensor inputs() {
        int n = count();
        double[] x = new double[n * width];
        for (int i = 0; i < n; i++) System.arraycopy(series, i * stride, x, i * width, width);
        return Tensor.fromArray(x, n, width);
    }

    /** Targets as a [count, 1] tensor. */
    public Tensor targets() {
        int[] idx = targetIndices();
        double[] y = new double[idx.length];
        for (int i = 0; i < y.length; i++) y[i] = series[idx[i]];
        return Tensor.fromArray(y, y.length, 1);
    }

    /** Position in the series of each window's target, e.g. to put predictions back on their dates. */
    public int[] targetIndices() {
        int[] idx = new int[count()];
        for (int i = 0; i < idx.length; i++) idx[i] = i * stride + width + horizon - 1;
        return idx;
    }

    /** (window, next value) pairs: x [count, width], y [count, 1]. */
    public TensorDataset nextValue() {
        return new TensorDataset(inputs(), targets());
    }

    /**
     * The seeds' CNN lab as one example: x is the series without its last value [1, n-1, 1] and y the series from
     * index {@code width} on [1, n-width, 1], so output t of a valid convolution with kernel {@code width} over x
     * (which reads x[t..t+width-1]) is compared with the value right after those days. Stride and horizon do not apply.
     */
    public TensorDataset sequenceToSequence() {
        int n = series.length;
        Tensor x = Tensor.fromArray(Arrays.copyOfRange(series, 0, n - 1), 1, n - 1, 1);
        Tensor y = Tensor.fromArray(Arrays.copyOfRange(series, width, n), 1, n - width, 1);
        return new TensorDataset(x, y);
    }

    @Override
    public String toString() {
        return "Windows(width=" + width + ", horizon=" + horizon + ", stride=" + stride + ", count=" + count() + ")";
    }
}
