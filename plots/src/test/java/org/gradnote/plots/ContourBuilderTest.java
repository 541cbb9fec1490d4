package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.jfree.chart.title.PaintScaleLegend;
import org.junit.jupiter.api.Test;

class ContourBuilderTest {

  private static final DoubleBinaryOperator QUADRATIC = (x1, x2) -> 0.5 * (x1 * x1 + 10 * x2 * x2);

  /** Gradient descent on the quadratic: zig-zags along x2. */
  private static List<double[]> gd(double lr, int steps) {
    List<double[]> path = new ArrayList<>();
    double[] p = {-1.8, 0.9};
    for (int i = 0; i < steps; i++) {
      path.add(p.clone());
      p[0] -= lr * p[0];
      p[1] -= lr * 10 * p[1];
    }
    return path;
  }

  @Test
  void levelLinesWithOptimizerPaths() {
    Chart c = Plots.contour(QUADRATIC)
        .title("GD")
        .range(-2, 2, -1, 1)
        .path("GD", gd(0.18, 20))
        .path("slow", gd(0.05, 20))
        .build();
    BufferedImage img = Pixels.decode(c.png(), 700, 560);
    Pixels.assertNotBlank(img);
    Pixels.assertHasColor(img, Palette.color(3), 200, "first path is red");
    Pixels.assertHasColor(img, Palette.color(1), 200, "second path is orange");
    assertEquals(
        10,
        ((org.jfree.chart.renderer.xy.AbstractXYItemRenderer)
                c.jfree().getXYPlot().getRenderer())
            .getAnnotations()
            .size(),
        "10 level lines");
    String svg = c.svg();
    assertTrue(
        Pixels.countElements(Pixels.parseSvg(svg), "path") >= 12, "levels and paths as <path>");
    assertTrue(svg.contains(">GD<"));
  }

  @Test
  void filledBandsWithColourBarAndDefaultRange() {
    Chart c = Plots.contour(QUADRATIC)
        .filled(true)
        .levels(0.1, 1, 0.5, 4)
        .path("GD", gd(0.18, 10))
        .resolution(80)
        .build();
    assertTrue(c.jfree().getSubtitles().stream().anyMatch(t -> t instanceof PaintScaleLegend));
    // Range is the path's bounding box plus 15%: x in [-1.8, ~0], so the lower bound is below -1.8.
    double lower = c.jfree().getXYPlot().getDomainAxis().getLowerBound();
    assertTrue(lower < -1.8 && lower > -2.2, "lower x bound " + lower);
    BufferedImage img = Pixels.decode(c.png(), 700, 560);
    // Most of the data area is band colour: far fewer white pixels than in the line version.
    int white = Pixels.count(img, java.awt.Color.WHITE, 3);
    assertTrue(white < 700 * 560 / 2, "bands fill the plot, white pixels " + white);
    Pixels.assertHasColor(img, Palette.color(3), 100, "path");
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "contour plot 'C': path 'GD' point 1 is not finite (NaN, 0.0); did the optimizer diverge?",
        Plots.contour(QUADRATIC).title("C").path("GD", new double[][] {{0, 0}, {Double.NaN, 0}}));
    LineChartBuilderTest.assertMessage(
        "contour plot 'C': function has no finite value in the range",
        Plots.contour((x, y) -> Double.NaN).title("C").resolution(5));
    LineChartBuilderTest.assertMessage(
        "contour plot 'C': levels must be in [1, 200], got 0",
        Plots.contour(QUADRATIC).title("C").levels(0));
  }
}
