package org.gradnote.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ROC AUC and average precision on hand-computed examples (scikit-learn definitions). */
class CurvesTest {

    @Test
    void rocAucOnAHandExample() {
        // positives 0.9, 0.8, 0.6; negatives 0.7, 0.55, 0.4.
        // AUC = P(score+ > score-) = (3 + 3 + 2) / 9 = 8/9
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.55, 0.4};
        int[] labels = {1, 1, 0, 1, 0, 0};
        Curves.Curve roc = Curves.roc(scores, labels);
        assertEquals(8 / 9.0, roc.area(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, roc.x(), 1e-12);
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 1}, roc.y(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, roc.thresholds()[0]);
        assertEquals(0.9, roc.thresholds()[1]);
    }

    @Test
    void rocOfScikitLearnsDocExampleIsThreeQuarters() {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        assertEquals(
                0.75,
                Curves.roc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1})
                        .area(),
                1e-12);
    }

    @Test
    void perfectSeparationGivesAucOneAndReversedGivesZero() {
        double[] scores = {0.1, 0.2, 0.8, 0.9};
        assertEquals(1.0, Curves.roc(scores, new int[] {0, 0, 1, 1}).area(), 1e-12);
        assertEquals(0.0, Curves.roc(scores, new int[] {1, 1, 0, 0}).area(), 1e-12);
    }

    @Test
    void tiedScoresCountHalfWhateverTheirOrder() {
        // pos 0.9, 0.5; neg 0.5, 0.1: pairs 1 + 1 + 0.5 (tie) + 1 = 3.5 of 4
        assertEquals(
                0.875,
                Curves.roc(new double[] {0.9, 0.5, 0.5, 0.1}, new int[] {1, 1, 0, 0})
                        .area(),
                1e-12);
        assertEquals(
                0.875,
                Curves.roc(new double[] {0.9, 0.5, 0.5, 0.1}, new int[] {1, 0, 1, 0})
                        .area(),
                1e-12);
        // all scores tied: a single diagonal step, AUC 0.5
        Curves.Curve flat = Curves.roc(new double[] {0.3, 0.3, 0.3}, new int[] {1, 0, 1});
        assertEquals(0.5, flat.area(), 1e-12);
        assertEquals(2, flat.x().length);
    }

    @Test
    void rocNeedsBothClassesAndBinaryLabels() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Curves.roc(new double[] {0.1, 0.2}, new int[] {1, 1}));
        assertTrue(e.getMessage().contains("0 negative"), e.getMessage());
        IllegalArgumentException l = assertThrows(
                IllegalArgumentException.class, () -> Curves.roc(new double[] {0.1, 0.2}, new int[] {1, 2}));
        assertTrue(l.getMessage().contains("got 2"), l.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Curves.roc(new double[] {0.1}, new int[] {1, 0}));
    }

    // ---- precision-recall

    @Test
    void averagePrecisionOnAHandExample() {
        // scikit-learn: AP = sum_n (R_n - R_{n-1}) P_n over descending thresholds.
        // scores 0.9(+) 0.8(+) 0.7(-) 0.6(+) 0.55(-) 0.4(-), 3 positives:
        //   t=0.9 : TP1 FP0  R=1/3 P=1     -> +1/3 * 1
        //   t=0.8 : TP2 FP0  R=2/3 P=1     -> +1/3 * 1
        //   t=0.7 : TP2 FP1  R=2/3 P=2/3   -> +0
        //   t=0.6 : TP3 FP1  R=1   P=3/4   -> +1/3 * 3/4
        //   t=0.55: TP3 FP2  R=1   P=3/5   -> +0
        //   t=0.4 : TP3 FP3  R=1   P=1/2   -> +0
        //   AP = 2/3 + 1/4 = 11/12 = 0.91667
        Curves.Curve pr =
                Curves.precisionRecall(new double[] {0.9, 0.8, 0.7, 0.6, 0.55, 0.4}, new int[] {1, 1, 0, 1, 0, 0});
        assertEquals(11 / 12.0, pr.area(), 1e-12);
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 1}, pr.x(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 2 / 3.0, 0.75, 0.6, 0.5}, pr.y(), 1e-12);
    }

    @Test
    void averagePrecisionOfScikitLearnsDocExample() {
        // average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        //   t=0.8: R=1/2 P=1 ; t=0.4: R=1/2 P=1/2 ; t=0.35: R=1 P=2/3 ; t=0.1: R=1 P=1/2
        //   AP = 1/2 * 1 + 1/2 * 2/3 = 5/6
        assertEquals(
                5 / 6.0,
                Curves.precisionRecall(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1})
                        .area(),
                1e-12);
    }

    @Test
    void averagePrecisionGroupsTies() {
        // 0.8(+) and 0.8(-) tied: one threshold R=1/2 P=1/2; then 0.3(+): R=1 P=2/3. AP = 1/4 + 1/3 = 7/12
        assertEquals(
                7 / 12.0,
                Curves.precisionRecall(new double[] {0.8, 0.8, 0.3, 0.1}, new int[] {1, 0, 1, 0})
                        .area(),
                1e-12);
        assertEquals(
                7 / 12.0,
                Curves.precisionRecall(new double[] {0.8, 0.8, 0.3, 0.1}, new int[] {0, 1, 1, 0})
                        .area(),
                1e-12);
        assertEquals(
                1.0,
                Curves.precisionRecall(new double[] {0.9, 0.8, 0.1}, new int[] {1, 1, 0})
                        .area(),
                1e-12);
        assertThrows(IllegalArgumentException.class, () -> Curves.precisionRecall(new double[] {0.1}, new int[] {0}));
    }
}
