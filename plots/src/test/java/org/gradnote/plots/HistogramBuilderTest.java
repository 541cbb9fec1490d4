package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.jfree.data.statistics.HistogramDataset;
import org.junit.jupiter.api.Test;

class HistogramBuilderTest {

  private static double[] normal(int n, double mean, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = mean + r.nextGaussian();
    }
    return v;
  }

  @Test
  void overlaysSeriesOnSharedBins() {
    Chart c = Plots.histogram()
        .title("Weights")
        .series("a", normal(500, 0, 1))
        .series("b", normal(500, 3, 2))
        .bins(20)
        .alpha(0.6)
        .build();
    HistogramDataset ds = (HistogramDataset) c.jfree().getXYPlot().getDataset();
    assertEquals(20, ds.getItemCount(0));
    assertEquals(
        ds.getStartXValue(0, 0), ds.getStartXValue(1, 0), "same bin edges for both series");
    BufferedImage img = Pixels.decode(c.png(), 800, 500);
    Pixels.assertNotBlank(img);
    // 60% of the colour over white.
    Pixels.assertHasColor(img, blend(Palette.color(0), 0.6), 500, "series a");
    Pixels.assertHasColor(img, blend(Palette.color(1), 0.6), 500, "series b");
    assertTrue(
        Pixels.countElements(Pixels.parseSvg(c.svg()), "rect") >= 20, "one rect per non-empty bar");
  }

  @Test
  void rangeDropsOutsideValuesAndDensityScales() {
    Chart c = Plots.histogram()
        .series("x", new double[] {0.5, 1.5, 1.6, 99})
        .range(0, 2)
        .bins(2)
        .density(true)
        .build();
    HistogramDataset ds = (HistogramDataset) c.jfree().getXYPlot().getDataset();
    assertEquals(1.0 / 3, ds.getYValue(0, 0), 1e-9);
    assertEquals(2.0 / 3, ds.getYValue(0, 1), 1e-9);
    assertEquals("density", c.jfree().getXYPlot().getRangeAxis().getLabel());
    Pixels.assertHasColor(
        Pixels.decode(c.png(), 800, 500), blend(Palette.color(0), 0.85), 500, "bars");
    // A constant sample still renders.
    Plots.histogram().series("c", new double[] {2, 2, 2}).build().png(200, 100);
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "histogram 'H': series 'a' has a non-finite value (NaN) at index 1",
        Plots.histogram().title("H").series("a", new double[] {1, Double.NaN}));
    LineChartBuilderTest.assertMessage(
        "histogram 'H': series 'a' is empty",
        Plots.histogram().title("H").series("a", new double[0]));
    LineChartBuilderTest.assertMessage(
        "histogram 'H': has no series; add one with series(name, values)",
        Plots.histogram().title("H"));
  }

  static java.awt.Color blend(java.awt.Color c, double alpha) {
    return new java.awt.Color(
        (int) Math.round(c.getRed() * alpha + 255 * (1 - alpha)),
        (int) Math.round(c.getGreen() * alpha + 255 * (1 - alpha)),
        (int) Math.round(c.getBlue() * alpha + 255 * (1 - alpha)));
  }
}
