package org.gradnote.metrics;

import java.util.Arrays;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * Per-class overlap of a predicted mask with the true one, as torchmetrics computes it: IoU = |P ∩ T| / |P ∪ T| and
 * Dice = 2 |P ∩ T| / (|P| + |T|) for each class over every pixel of a batch. A class absent from both masks has no
 * overlap to measure: its score is NaN, and the mean skips it.
 */
public final class Segmentation {
    private final long[] intersection;
    private final long[] predicted;
    private final long[] truth;

    private Segmentation(long[] intersection, long[] predicted, long[] truth) {
        this.intersection = intersection;
        this.predicted = predicted;
        this.truth = truth;
    }

    /**
     * Counts of predicted class indices against true ones (two integer tensors of one shape, e.g. [N, H, W], as
     * {@code logits.argmax(1)} and the target give), for classes 0..numClasses-1.
     */
    public static Segmentation of(Tensor predictedClasses, Tensor trueClasses, int numClasses) {
        if (!Arrays.equals(predictedClasses.shape(), trueClasses.shape()))
            throw new ShapeException("Segmentation: predicted mask " + Arrays.toString(predictedClasses.shape())
                    + " and true mask " + Arrays.toString(trueClasses.shape()) + " differ in shape");
        return of(predictedClasses.toLongArray(), trueClasses.toLongArray(), numClasses);
    }

    /** Counts of predicted class indices against true ones, pixel by pixel, for classes 0..numClasses-1. */
    public static Segmentation of(long[] predictedClasses, long[] trueClasses, int numClasses) {
        if (predictedClasses.length != trueClasses.length)
            throw new IllegalArgumentException("Segmentation: " + predictedClasses.length + " predicted pixels and "
                    + trueClasses.length + " true ones");
        if (numClasses <= 0)
            throw new IllegalArgumentException("Segmentation: needs at least one class, got " + numClasses);
        long[] inter = new long[numClasses], pred = new long[numClasses], tru = new long[numClasses];
        for (int i = 0; i < trueClasses.length; i++) {
            long p = predictedClasses[i], t = trueClasses[i];
            if (p < 0 || p >= numClasses || t < 0 || t >= numClasses)
                throw new IndexOutOfBoundsException("Segmentation: class " + (p < 0 || p >= numClasses ? p : t)
                        + " at pixel " + i + " out of range for " + numClasses + " classes");
            pred[(int) p]++;
            tru[(int) t]++;
            if (p == t) inter[(int) p]++;
        }
        return new Segmentation(inter, pred, tru);
    }

    /** IoU of each class (NaN for a class in neither mask). */
    public double[] iou() {
        double[] r = new double[truth.length];
        for (int c = 0; c < r.length; c++) {
            long union = predicted[c] + truth[c] - intersection[c];
            r[c] = union == 0 ? Double.NaN : (double) intersection[c] / union;
        }
        return r;
    }

    /** Dice (F1) of each class (NaN for a class in neither mask). */
    public double[] dice() {
        double[] r = new double[truth.length];
        for (int c = 0; c < r.length; c++) {
            long sum = predicted[c] + truth[c];
            r[c] = sum == 0 ? Double.NaN : 2.0 * intersection[c] / sum;
        }
        return r;
    }

    /** The mean IoU over the classes present in either mask. */
    public double meanIou() {
        return nanMean(iou());
    }

    /** The mean Dice over the classes present in either mask. */
    public double meanDice() {
        return nanMean(dice());
    }

    /** The fraction of pixels whose class is right. */
    public double pixelAccuracy() {
        long right = 0, all = 0;
        for (int c = 0; c < truth.length; c++) {
            right += intersection[c];
            all += truth[c];
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }

    /** The mean of the values that are not NaN (NaN when all are). */
    static double nanMean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("class    IoU   Dice\n");
        double[] iou = iou(), dice = dice();
        for (int c = 0; c < iou.length; c++)
            s.append(String.format(java.util.Locale.ROOT, "%5d  %5.3f  %5.3f%n", c, iou[c], dice[c]));
        s.append(String.format(java.util.Locale.ROOT, " mean  %5.3f  %5.3f", meanIou(), meanDice()));
        return s.toString();
    }
}
