package org.gradnote.metrics;

import java.util.Locale;

/** Counts of (true class, predicted class) pairs, with per-class precision, recall and F1 derived from them. */
public final class ConfusionMatrix {
    private final long[][] counts;

    ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /** Builds the matrix from true and predicted labels in 0..numClasses-1. */
    public static ConfusionMatrix of(long[] truth, long[] predicted, int numClasses) {
        if (truth.length != predicted.length)
            throw new IllegalArgumentException(
                    "confusion matrix: " + truth.length + " true labels but " + predicted.length + " predictions");
        long[][] c = new long[numClasses][numClasses];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= numClasses || predicted[i] < 0 || predicted[i] >= numClasses) {
                throw new IndexOutOfBoundsException("confusion matrix: label pair (" + truth[i] + ", " + predicted[i]
                        + ") at index " + i + " outside 0.." + (numClasses - 1));
            }
            c[(int) truth[i]][(int) predicted[i]]++;
        }
        return new ConfusionMatrix(c);
    }

    /** counts()[t][p] = examples of true class t predicted as p (a copy). */
    public long[][] counts() {
        long[][] out = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) out[i] = counts[i].clone();
        return out;
    }

    /** The number of classes, the matrix's side. */
    public int numClasses() {
        return counts.length;
    }

    /** The number of examples counted, the sum of all cells. */
    public long total() {
        long n = 0;
        for (long[] r : counts) for (long v : r) n += v;
        return n;
    }

    /** The share of examples on the diagonal, with its 95% Wald interval. */
    public Accuracy accuracy() {
        long ok = 0;
        for (int i = 0; i < counts.length; i++) ok += counts[i][i];
        return Accuracy.of(ok, total());
    }

    /** TP / (TP + FP) for one class; 0 when the class is never predicted (scikit-learn's zero_division=0). */
    public double precision(int c) {
        long predicted = 0;
        for (long[] r : counts) predicted += r[c];
        return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
    }

    /** TP / (TP + FN) for one class. */
    public double recall(int c) {
        long actual = 0;
        for (long v : counts[c]) actual += v;
        return actual == 0 ? 0 : (double) counts[c][c] / actual;
    }

    /** The F1 score of class {@code c}, the harmonic mean of its precision and recall (0 when both are 0). */
    public double f1(int c) {
        double p = precision(c), r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Unweighted mean over classes of precision, recall or F1. */
    public double macroF1() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) s += f1(c);
        return s / counts.length;
    }

    /** The unweighted mean over classes of the precision ({@code precision_score(average="macro")}). */
    public double macroPrecision() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) s += precision(c);
        return s / counts.length;
    }

    /** The unweighted mean over classes of the recall ({@code recall_score(average="macro")}). */
    public double macroRecall() {
        double s = 0;
        for (int c = 0; c < counts.length; c++) s += recall(c);
        return s / counts.length;
    }

    @Override
    public String toString() {
        int w = Math.max(5, Long.toString(total()).length() + 1);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s", "true\\pred"));
        for (int p = 0; p < counts.length; p++) b.append(String.format(Locale.ROOT, "%" + w + "d", p));
        b.append('\n');
        for (int t = 0; t < counts.length; t++) {
            b.append(String.format(Locale.ROOT, "%-9d", t));
            for (long v : counts[t]) b.append(String.format(Locale.ROOT, "%" + w + "d", v));
            b.append('\n');
        }
        return b.toString();
    }
}
