package org.gradnote.metrics;

import org.gradnote.tensor.Tensor;

/** Entry points from tensors: accuracy of logits or labels, confusion matrices and top-k error. */
public final class Metrics {
    private Metrics() {}

    /** Accuracy with its Wald interval, from class scores [N, C] (argmax taken) or predicted labels [N]. */
    public static Accuracy accuracy(Tensor scoresOrLabels, Tensor truth) {
        long[] pred = predictions(scoresOrLabels), t = truth.toLongArray();
        check("accuracy", pred.length, t.length);
        long ok = 0;
        for (int i = 0; i < t.length; i++) if (pred[i] == t[i]) ok++;
        return Accuracy.of(ok, t.length);
    }

    /**
     * The confusion matrix of predictions against int64 true labels [n]: scores [n, classes] are turned into their
     * argmax, labels [n] are used as they are.
     */
    public static ConfusionMatrix confusionMatrix(Tensor scoresOrLabels, Tensor truth, int numClasses) {
        return ConfusionMatrix.of(truth.toLongArray(), predictions(scoresOrLabels), numClasses);
    }

    /** Fraction of examples whose true class is not among the k highest scores. */
    public static double topKError(Tensor scores, Tensor truth, int k) {
        if (scores.dim() != 2)
            throw new IllegalArgumentException(
                    "topKError: scores must be [N, C], got " + java.util.Arrays.toString(scores.shape()));
        if (k < 1 || k > scores.size(1))
            throw new IllegalArgumentException("topKError: k must be in [1, " + scores.size(1) + "], got " + k);
        double[][] s = scores.toDoubleMatrix();
        long[] t = truth.toLongArray();
        check("topKError", s.length, t.length);
        long wrong = 0;
        for (int i = 0; i < s.length; i++) {
            double target = s[i][(int) t[i]];
            int higher = 0;
            for (double v : s[i]) if (v > target) higher++;
            if (higher >= k) wrong++;
        }
        return (double) wrong / s.length;
    }

    static long[] predictions(Tensor scoresOrLabels) {
        return scoresOrLabels.dim() == 2 ? scoresOrLabels.argmax(1).toLongArray() : scoresOrLabels.toLongArray();
    }

    private static void check(String what, int a, int b) {
        if (a != b) throw new IllegalArgumentException(what + ": " + a + " predictions but " + b + " true labels");
    }
}
