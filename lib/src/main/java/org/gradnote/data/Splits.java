package org.gradnote.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.gradnote.Gradnote;

/**
 * Train/dev/test splits and cross-validation folds over example indices: random split, k-fold, and nested k-fold
 * (an inner k-fold inside each outer training part, for choosing hyper-parameters without touching the test fold).
 */
public final class Splits {
    private Splits() {}

    /** Indices used for training and for testing in one fold. */
    public record Fold(int[] train, int[] test) {}

    /** An outer fold with its inner folds, which index into {@code outer.train()} positions' values. */
    public record NestedFold(Fold outer, List<Fold> inner) {}

    /** Random split into parts of the given fractions (they must sum to 1; rounding goes to the last part). */
    public static List<Subset> randomSplit(Dataset data, double[] fractions, long seed) {
        double sum = Arrays.stream(fractions).sum();
        if (Math.abs(sum - 1) > 1e-9)
            throw new IllegalArgumentException(
                    "randomSplit: fractions " + Arrays.toString(fractions) + " sum to " + sum + ", not 1");
        int n = data.size();
        int[] perm = Gradnote.permutation(n, new SplittableRandom(seed));
        List<Subset> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < fractions.length; i++) {
            int len = i == fractions.length - 1 ? n - start : (int) Math.floor(fractions[i] * n);
            parts.add(new Subset(data, Arrays.copyOfRange(perm, start, start + len)));
            start += len;
        }
        return parts;
    }

    /** k folds over n examples; each example is in exactly one test fold. Shuffled when seed is non-null. */
    public static List<Fold> kFold(int n, int k, Long seed) {
        if (k < 2 || k > n) throw new IllegalArgumentException("kFold: k must be in [2, n=" + n + "], got " + k);
        int[] order = seed == null ? identity(n) : Gradnote.permutation(n, new SplittableRandom(seed));
        return kFold(order, k);
    }

    private static List<Fold> kFold(int[] items, int k) {
        int n = items.length;
        List<Fold> folds = new ArrayList<>();
        int start = 0;
        for (int f = 0; f < k; f++) {
            // Same sizes as scikit-learn's KFold: the first n % k folds get one more example.
            int len = n / k + (f < n % k ? 1 : 0);
            int[] test = Arrays.copyOfRange(items, start, start + len);
            int[] train = new int[n - len];
            System.arraycopy(items, 0, train, 0, start);
            System.arraycopy(items, start + len, train, start, n - start - len);
            folds.add(new Fold(train, test));
            start += len;
        }
        return folds;
    }

    /** Nested cross-validation: outerK folds, and innerK folds over each outer training part (actual indices). */
    public static List<NestedFold> nestedKFold(int n, int outerK, int innerK, Long seed) {
        List<NestedFold> out = new ArrayList<>();
        for (Fold outer : kFold(n, outerK, seed)) {
            if (innerK < 2 || innerK > outer.train().length) {
                throw new IllegalArgumentException(
                        "nestedKFold: innerK must be in [2, " + outer.train().length + "], got " + innerK);
            }
            out.add(new NestedFold(outer, kFold(outer.train(), innerK)));
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }
}
