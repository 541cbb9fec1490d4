package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.gradnote.plots.internal.Colormap;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class DecisionBoundaryBuilderTest {

  private static final double[][] POINTS = {{-1, -1}, {-0.5, 0.5}, {1, 1}, {0.5, -0.5}};
  private static final int[] LABELS = {0, 0, 1, 1};

  @Test
  void tintsRegionsAndDrawsPointsInClassColours() {
    Chart c = Plots.decisionBoundary(p -> p[0] > 0 ? 1 : 0)
        .title("Split")
        .points(POINTS, LABELS)
        .classNames("neg", "pos")
        .build();
    BufferedImage img = Pixels.decode(c.png(), 700, 560);
    Color tint0 = Colormap.lighten(Palette.color(0), 0.65);
    Color tint1 = Colormap.lighten(Palette.color(1), 0.65);
    Pixels.assertHasColor(img, tint0, 50_000, "region of class 0");
    Pixels.assertHasColor(img, tint1, 50_000, "region of class 1");
    Pixels.assertHasColor(img, Palette.color(0), 20, "points of class 0");
    Pixels.assertHasColor(img, Palette.color(1), 20, "points of class 1");
    XYPlot plot = c.jfree().getXYPlot();
    assertEquals(-1.2, plot.getDomainAxis().getLowerBound(), 1e-9, "10% margin around the points");
    String svg = c.svg();
    assertTrue(
        Pixels.countElements(Pixels.parseSvg(svg), "image") >= 1, "regions embedded as one image");
    assertTrue(svg.contains(">pos<"));
  }

  @Test
  void worksWithoutPointsGivenARange() {
    Chart c = Plots.decisionBoundaryBatch(rows -> {
          int[] out = new int[rows.length];
          for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][1] > 0 ? 2 : 0;
          }
          return out;
        })
        .range(-2, 2, -1, 1)
        .resolution(50)
        .build();
    assertEquals(
        3, c.jfree().getXYPlot().getDataset().getSeriesCount(), "legend entries for 3 classes");
    BufferedImage img = Pixels.decode(c.png(400, 300), 400, 300);
    Pixels.assertHasColor(img, Colormap.lighten(Palette.color(2), 0.65), 10_000, "class 2 region");
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "decision boundary 'D': classifier returned 3 labels for 100 grid points",
        Plots.decisionBoundaryBatch(rows -> new int[3])
            .title("D")
            .range(0, 1, 0, 1)
            .resolution(10));
    LineChartBuilderTest.assertMessage(
        "decision boundary 'D': classifier output has label -1 at index 0, expected >= 0",
        Plots.decisionBoundary(p -> -1).title("D").range(0, 1, 0, 1).resolution(10));
    LineChartBuilderTest.assertMessage(
        "decision boundary 'D': has neither points nor range(); cannot tell which area to draw",
        Plots.decisionBoundary(p -> 0).title("D"));
    LineChartBuilderTest.assertMessage(
        "decision boundary 'D': x range [1.0, 0.0] must be finite with min < max",
        Plots.decisionBoundary(p -> 0).title("D").range(1, 0, 0, 1));
  }
}
