package org.gradnote.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gradnote.tensor.Tensor;

/** The examples a classifier gets wrong, most confidently wrong first, to look at them (images, rows...). */
public final class Misclassified {
    private Misclassified() {}

    /** One error: the example's index, its true and predicted classes, and the softmax probability of the prediction. */
    public record Error(int index, int actual, int predicted, double confidence) {
        /** A short caption for an image grid, e.g. "3→8 (97%)". */
        public String caption() {
            return String.format(java.util.Locale.ROOT, "%d\u2192%d (%.0f%%)", actual, predicted, 100 * confidence);
        }
    }

    /** All errors of class scores (logits) [N, C] against labels [N], sorted by decreasing confidence. */
    public static List<Error> of(Tensor scores, Tensor truth) {
        if (scores.dim() != 2)
            throw new IllegalArgumentException(
                    "Misclassified: scores must be [N, C], got " + java.util.Arrays.toString(scores.shape()));
        double[][] p;
        try (var g = Tensor.noGrad()) {
            p = scores.toDouble().softmax(1).toDoubleMatrix();
        }
        long[] t = truth.toLongArray();
        if (t.length != p.length)
            throw new IllegalArgumentException(
                    "Misclassified: " + p.length + " score rows but " + t.length + " labels");
        List<Error> out = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) if (p[i][c] > p[i][best]) best = c;
            if (best != t[i]) out.add(new Error(i, (int) t[i], best, p[i][best]));
        }
        // Stable sort: ties keep data order, so the selection is reproducible.
        out.sort(Comparator.comparingDouble(Error::confidence).reversed());
        return out;
    }

    /** The indices of the errors, in the same order, e.g. to pick their images. */
    public static int[] indices(List<Error> errors) {
        return errors.stream().mapToInt(Error::index).toArray();
    }
}
