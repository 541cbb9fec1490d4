package org.gradnote.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Threshold curves of a binary scorer: ROC (false vs true positive rate) and precision-recall, with the areas
 * under them. Ties in scores are grouped, as scikit-learn's {@code roc_curve} does.
 */
public final class Curves {
    private Curves() {}

    /** A curve as parallel arrays; for ROC x = FPR and y = TPR, for PR x = recall and y = precision. */
    public record Curve(double[] x, double[] y, double[] thresholds, double area) {}

    /** ROC curve and its AUC (trapezoids). Labels are 1 for positive, 0 for negative. */
    public static Curve roc(double[] scores, int[] labels) {
        List<double[]> pts = sweep(scores, labels);
        long pos = countPositives(labels), neg = labels.length - pos;
        if (pos == 0 || neg == 0)
            throw new IllegalArgumentException(
                    "roc: needs both positive and negative examples (got " + pos + " positive, " + neg + " negative)");
        int m = pts.size() + 1;
        double[] fpr = new double[m], tpr = new double[m], th = new double[m];
        th[0] = Double.POSITIVE_INFINITY;
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            fpr[i + 1] = p[1] / neg;
            tpr[i + 1] = p[0] / pos;
            th[i + 1] = p[2];
        }
        double auc = 0;
        for (int i = 1; i < m; i++) auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        return new Curve(fpr, tpr, th, auc);
    }

    /** Precision-recall curve and its average precision (sum of precision × recall increments, as scikit-learn). */
    public static Curve precisionRecall(double[] scores, int[] labels) {
        List<double[]> pts = sweep(scores, labels);
        long pos = countPositives(labels);
        if (pos == 0) throw new IllegalArgumentException("precisionRecall: needs at least one positive example");
        int m = pts.size() + 1;
        double[] rec = new double[m], prec = new double[m], th = new double[m];
        prec[0] = 1;
        th[0] = Double.POSITIVE_INFINITY;
        double ap = 0;
        for (int i = 0; i < pts.size(); i++) {
            double[] p = pts.get(i);
            rec[i + 1] = p[0] / pos;
            prec[i + 1] = p[0] / (p[0] + p[1]);
            th[i + 1] = p[2];
            ap += (rec[i + 1] - rec[i]) * prec[i + 1];
        }
        return new Curve(rec, prec, th, ap);
    }

    /** (true positives, false positives, threshold) at each distinct score, highest threshold first. */
    private static List<double[]> sweep(double[] scores, int[] labels) {
        if (scores.length != labels.length)
            throw new IllegalArgumentException("curve: " + scores.length + " scores but " + labels.length + " labels");
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<double[]> pts = new ArrayList<>();
        double tp = 0, fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (labels[i] != 0 && labels[i] != 1)
                throw new IllegalArgumentException("curve: labels must be 0 or 1, got " + labels[i] + " at index " + i);
            if (labels[i] == 1) tp++;
            else fp++;
            if (k == order.length - 1 || scores[order[k + 1]] != scores[i]) pts.add(new double[] {tp, fp, scores[i]});
        }
        return pts;
    }

    private static long countPositives(int[] labels) {
        long n = 0;
        for (int l : labels) if (l == 1) n++;
        return n;
    }
}
