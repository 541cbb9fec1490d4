package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ScatterBuilderTest {

  static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  static final double[] Y = {0, 1, 0, 5, 6, 5, 9, 10, 9};
  static final int[] LABELS = {0, 0, 0, 1, 1, 1, 2, 2, 2};

  @Test
  void coloursPointsByClass() {
    Chart c = Plots.scatter()
        .title("Blobs")
        .points(X, Y, LABELS)
        .classNames("a", "b", "c")
        .markerSize(14)
        .alpha(1)
        .build();
    BufferedImage img = Pixels.decode(c.png(), 700, 520);
    Pixels.assertNotBlank(img);
    for (int k = 0; k < 3; k++) {
      Pixels.assertHasColor(img, Palette.color(k), 150, "class " + k);
    }
    XYPlot plot = c.jfree().getXYPlot();
    assertEquals("b", plot.getDataset().getSeriesKey(1));
    assertEquals(3, plot.getDataset().getItemCount(1));
    String svg = c.svg();
    Pixels.parseSvg(svg);
    for (int k = 0; k < 3; k++) {
      java.awt.Color col = Palette.color(k);
      String fill = "fill:rgb(" + col.getRed() + "," + col.getGreen() + "," + col.getBlue() + ")";
      // 3 markers per class plus the legend swatch.
      assertTrue(
          svg.split(java.util.regex.Pattern.quote(fill), -1).length - 1 >= 4,
          "markers of class " + k);
    }
  }

  @Test
  void matrixInputAndNamedGroups() {
    double[][] xy = {{0, 0}, {1, 1}, {2, 0}};
    Chart c = Plots.scatter()
        .points(xy, new int[] {0, 1, 1})
        .series("extra", new double[] {5}, new double[] {5})
        .build();
    assertEquals(3, c.jfree().getXYPlot().getDataset().getSeriesCount());
    assertEquals("class 0", c.jfree().getXYPlot().getDataset().getSeriesKey(0));
    Chart groups = Plots.scatter().series("g", X, Y).markerSize(12).build();
    Pixels.assertHasColor(
        Pixels.decode(groups.png(), 700, 520),
        HistogramBuilderTest.blend(Palette.color(0), 0.8),
        100,
        "group");
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "scatter plot 'S': labels has 2 values but points has 9",
        Plots.scatter().title("S").points(X, Y, new int[] {0, 1}));
    LineChartBuilderTest.assertMessage(
        "scatter plot 'S': labels has label -1 at index 0, expected >= 0",
        Plots.scatter().title("S").points(new double[] {1}, new double[] {1}, new int[] {-1}));
    LineChartBuilderTest.assertMessage(
        "scatter plot 'S': has 2 class names but labels go up to 2",
        Plots.scatter().title("S").points(X, Y, LABELS).classNames("a", "b"));
    LineChartBuilderTest.assertMessage(
        "scatter plot 'S': point 1 must have 2 coordinates, got 3",
        Plots.scatter().title("S").points(new double[][] {{1, 2}, {1, 2, 3}}, new int[] {0, 0}));
    LineChartBuilderTest.assertMessage(
        "scatter plot 'S': has no points; call points(x, y, labels) or series(name, x, y)",
        Plots.scatter().title("S"));
  }
}
