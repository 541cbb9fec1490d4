package org.gradnote.metrics;

import java.util.Arrays;

/**
 * Choosing the decision threshold of a binary scorer from its scores on a dev set: the threshold with the best F1,
 * or the highest one that still reaches a required recall. Predict positive when score >= threshold.
 */
public final class Thresholds {
    private Thresholds() {}

    /** One operating point: the threshold and the precision, recall and F1 it gives. */
    public record Choice(double threshold, double precision, double recall, double f1) {
        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "threshold %.4f: precision %.3f, recall %.3f, F1 %.3f",
                    threshold,
                    precision,
                    recall,
                    f1);
        }
    }

    /** The threshold among the observed scores that maximises F1 (labels 1 positive, 0 negative). */
    public static Choice bestF1(double[] scores, int[] labels) {
        Choice best = null;
        for (Choice c : sweep(scores, labels)) if (best == null || c.f1() > best.f1()) best = c;
        return best;
    }

    /** The highest threshold whose recall is at least minRecall, i.e. the best precision at that recall. */
    public static Choice forRecall(double[] scores, int[] labels, double minRecall) {
        if (minRecall < 0 || minRecall > 1)
            throw new IllegalArgumentException("forRecall: minRecall must be in [0, 1], got " + minRecall);
        for (Choice c : sweep(scores, labels)) if (c.recall() >= minRecall) return c;
        throw new IllegalStateException("unreachable: the lowest threshold has recall 1");
    }

    /** The operating point of one given threshold. */
    public static Choice at(double[] scores, int[] labels, double threshold) {
        check(scores, labels);
        long tp = 0, fp = 0, pos = 0;
        for (int i = 0; i < scores.length; i++) {
            pos += labels[i];
            if (scores[i] >= threshold) {
                if (labels[i] == 1) tp++;
                else fp++;
            }
        }
        return choice(threshold, tp, fp, pos);
    }

    /** Operating points from the highest distinct score down to the lowest (recall grows along the array). */
    static Choice[] sweep(double[] scores, int[] labels) {
        check(scores, labels);
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (i, j) -> Double.compare(scores[j], scores[i]));
        long pos = 0;
        for (int l : labels) pos += l;
        Choice[] out = new Choice[scores.length];
        int m = 0;
        long tp = 0, fp = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (labels[i] == 1) tp++;
            else fp++;
            // Tied scores fall on the same side of any threshold: emit one point after the last of them.
            if (k + 1 < order.length && scores[order[k + 1]] == scores[i]) continue;
            out[m++] = choice(scores[i], tp, fp, pos);
        }
        return Arrays.copyOf(out, m);
    }

    private static Choice choice(double threshold, long tp, long fp, long pos) {
        double precision = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double recall = (double) tp / pos;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Choice(threshold, precision, recall, f1);
    }

    private static void check(double[] scores, int[] labels) {
        if (scores.length != labels.length)
            throw new IllegalArgumentException(
                    "thresholds: " + scores.length + " scores but " + labels.length + " labels");
        long pos = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1)
                throw new IllegalArgumentException("thresholds: labels must be 0 or 1, got " + labels[i] + " at " + i);
            pos += labels[i];
        }
        if (pos == 0) throw new IllegalArgumentException("thresholds: needs at least one positive example");
    }
}
