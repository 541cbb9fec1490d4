package org.gradnote.plots.internal;

import java.util.Arrays;
import java.util.Comparator;

/** ROC and precision-recall points from classifier scores, and trapezoidal area under a curve. */
public final class RankingCurves {

  private RankingCurves() {}

  /** Returns {fpr, tpr} from (0,0) to (1,1), one point per distinct score threshold. */
  public static double[][] roc(double[] scores, int[] labels) {
    int[] counts = counts(labels);
    int[] order = descending(scores);
    double[] fpr = new double[scores.length + 1];
    double[] tpr = new double[scores.length + 1];
    int tp = 0;
    int fp = 0;
    int n = 1; // point 0 is (0, 0)
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        tp++;
      } else {
        fp++;
      }
      // Tied scores share one threshold, so emit a point only after the last of a tie group.
      if (k + 1 == order.length || scores[order[k + 1]] != scores[order[k]]) {
        fpr[n] = (double) fp / counts[0];
        tpr[n] = (double) tp / counts[1];
        n++;
      }
    }
    return new double[][] {Arrays.copyOf(fpr, n), Arrays.copyOf(tpr, n)};
  }

  /** Returns {recall, precision}, starting at (0, 1) like scikit-learn, one point per threshold. */
  public static double[][] precisionRecall(double[] scores, int[] labels) {
    int[] counts = counts(labels);
    int[] order = descending(scores);
    double[] recall = new double[scores.length + 1];
    double[] precision = new double[scores.length + 1];
    recall[0] = 0;
    precision[0] = 1;
    int tp = 0;
    int n = 1;
    for (int k = 0; k < order.length; k++) {
      if (labels[order[k]] == 1) {
        tp++;
      }
      if (k + 1 == order.length || scores[order[k + 1]] != scores[order[k]]) {
        recall[n] = (double) tp / counts[1];
        precision[n] = (double) tp / (k + 1);
        n++;
      }
    }
    return new double[][] {Arrays.copyOf(recall, n), Arrays.copyOf(precision, n)};
  }

  /** Trapezoidal area under y(x); points are sorted by x first, so input order does not matter. */
  public static double auc(double[] x, double[] y) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, Comparator.comparingDouble(i -> x[i]));
    double area = 0;
    for (int k = 1; k < idx.length; k++) {
      int a = idx[k - 1];
      int b = idx[k];
      area += (x[b] - x[a]) * (y[a] + y[b]) / 2;
    }
    return area;
  }

  /** Returns {negatives, positives}; throws if labels are not 0/1 or a class is missing. */
  private static int[] counts(int[] labels) {
    int[] c = new int[2];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "label " + labels[i] + " at index " + i + " is not 0 or 1");
      }
      c[labels[i]]++;
    }
    if (c[0] == 0 || c[1] == 0) {
      throw new IllegalArgumentException(
          "labels need both classes, got " + c[0] + " negatives and " + c[1] + " positives");
    }
    return c;
  }

  private static int[] descending(double[] scores) {
    return java.util.stream.IntStream.range(0, scores.length)
        .boxed()
        .sorted((a, b) -> Double.compare(scores[b], scores[a]))
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
