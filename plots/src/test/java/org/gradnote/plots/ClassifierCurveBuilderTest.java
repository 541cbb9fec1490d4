package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ClassifierCurveBuilderTest {

  private static final double[] SCORES = {0.9, 0.8, 0.7, 0.6, 0.55, 0.4, 0.3, 0.2};
  private static final int[] LABELS = {1, 1, 0, 1, 0, 1, 0, 0};

  @Test
  void rocWithAucInLegend() {
    Chart c = Plots.roc()
        .title("ROC")
        .curve("perfect", new double[] {0, 0, 1}, new double[] {0, 1, 1})
        .scores("model", SCORES, LABELS)
        .build();
    XYPlot plot = c.jfree().getXYPlot();
    assertEquals("perfect (AUC = 1.000)", plot.getDataset().getSeriesKey(0));
    assertEquals("model (AUC = 0.813)", plot.getDataset().getSeriesKey(1));
    assertEquals("false positive rate", plot.getDomainAxis().getLabel());
    BufferedImage img = Pixels.decode(c.png(), 620, 560);
    Pixels.assertNotBlank(img);
    Pixels.assertHasColor(img, Palette.color(0), 100, "perfect curve");
    Pixels.assertHasColor(img, Palette.color(1), 100, "model curve");
    String svg = c.svg();
    Pixels.parseSvg(svg);
    assertTrue(svg.contains("model (AUC = 0.813)"), "legend text in SVG");
  }

  @Test
  void precisionRecallFromScores() {
    Chart c = Plots.precisionRecall().scores("model", SCORES, LABELS).build();
    XYPlot plot = c.jfree().getXYPlot();
    assertEquals("recall", plot.getDomainAxis().getLabel());
    assertTrue(((String) plot.getDataset().getSeriesKey(0)).startsWith("model (AUC = "));
    assertNotNull(c.jfree().getLegend(), "legend shown even for one curve: it carries the AUC");
    Pixels.assertHasColor(Pixels.decode(c.png(), 620, 560), Palette.color(0), 100, "curve");
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "ROC curve 'R': curve 'm': labels need both classes, got 0 negatives and 2 positives",
        Plots.roc().title("R").scores("m", new double[] {0.1, 0.2}, new int[] {1, 1}));
    LineChartBuilderTest.assertMessage(
        "ROC curve 'R': curve 'm': label 2 at index 1 is not 0 or 1",
        Plots.roc().title("R").scores("m", new double[] {0.1, 0.2}, new int[] {1, 2}));
    LineChartBuilderTest.assertMessage(
        "ROC curve 'R': tpr of 'm' has 2 values but fpr has 3",
        Plots.roc().title("R").curve("m", new double[] {0, 0.5, 1}, new double[] {0, 1}));
    LineChartBuilderTest.assertMessage(
        "precision-recall curve 'P': curve 'm' has point (1.5, 1.0) at index 0 outside [0, 1]",
        Plots.precisionRecall().title("P").curve("m", new double[] {1.5}, new double[] {1}));
    LineChartBuilderTest.assertMessage(
        "ROC curve 'R': scores of 'm' has 2 values but labels has 1",
        Plots.roc().title("R").scores("m", new double[] {0.1, 0.2}, new int[] {1}));
  }
}
