package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankingCurvesTest {

  private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2};
  private static final int[] LABELS = {1, 1, 0, 1, 0, 1, 0, 0};

  @Test
  void rocMatchesRankStatistic() {
    double[][] roc = RankingCurves.roc(SCORES, LABELS);
    assertArrayEquals(new double[] {0, 0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 1}, roc[0], 1e-12);
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1, 1}, roc[1], 1e-12);
    // AUC = P(score of a positive > score of a negative) = 13 / 16.
    assertEquals(0.8125, RankingCurves.auc(roc[0], roc[1]), 1e-12);
  }

  @Test
  void tiedScoresShareOnePoint() {
    double[][] roc = RankingCurves.roc(new double[] {0.5, 0.5, 0.5, 0.5}, new int[] {1, 0, 1, 0});
    assertArrayEquals(new double[] {0, 1}, roc[0]);
    assertEquals(0.5, RankingCurves.auc(roc[0], roc[1]), 1e-12, "ties count half");
  }

  @Test
  void precisionRecallStartsAtPrecisionOne() {
    double[][] pr = RankingCurves.precisionRecall(SCORES, LABELS);
    assertEquals(0, pr[0][0]);
    assertEquals(1, pr[1][0]);
    assertEquals(0.25, pr[0][1], 1e-12);
    assertEquals(1.0, pr[1][1], 1e-12);
    assertEquals(1.0, pr[0][pr[0].length - 1], 1e-12);
    assertEquals(0.5, pr[1][pr[1].length - 1], 1e-12, "precision at recall 1 is the positive rate");
  }

  @Test
  void aucSortsByX() {
    assertEquals(0.5, RankingCurves.auc(new double[] {1, 0}, new double[] {1, 0}), 1e-12);
    assertEquals(1.0, RankingCurves.auc(new double[] {0, 0, 1}, new double[] {0, 1, 1}), 1e-12);
  }

  @Test
  void badLabels() {
    assertEquals(
        "label 2 at index 0 is not 0 or 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> RankingCurves.roc(new double[] {1}, new int[] {2}))
            .getMessage());
  }
}
