package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class LineChartBuilderTest {

  private static final double[] TRAIN = {2.0, 1.5, 1.1, 0.9, 0.8};
  private static final double[] DEV = {2.1, 1.7, 1.4, 1.3, 1.3};
  private static final double[] ACC = {0.5, 0.6, 0.7, 0.75, 0.78};

  private static LineChartBuilder lossChart() {
    return Plots.line()
        .title("Loss")
        .x(new int[] {1, 2, 3, 4, 5})
        .series("train", TRAIN)
        .series("dev", DEV)
        .secondAxis("dev acc", ACC)
        .xLabel("epoch")
        .yLabel("loss")
        .y2Label("acc");
  }

  @Test
  void rendersEverySeriesInItsPaletteColour() {
    BufferedImage img = Pixels.decode(lossChart().build().png(800, 500), 800, 500);
    Pixels.assertNotBlank(img);
    Pixels.assertHasColor(img, Palette.color(0), 100, "train");
    Pixels.assertHasColor(img, Palette.color(1), 100, "dev");
    Pixels.assertHasColor(img, Palette.color(2), 60, "dev acc (dashed)");
  }

  @Test
  void secondAxisIsARightRangeAxisWithItsOwnDataset() {
    XYPlot plot = lossChart().build().jfree().getXYPlot();
    assertEquals(2, plot.getRangeAxisCount());
    assertEquals("acc", plot.getRangeAxis(1).getLabel());
    assertEquals(2, plot.getDataset(0).getSeriesCount());
    assertEquals(1, plot.getDataset(1).getSeriesCount());
    assertNotNull(lossChart().build().jfree().getLegend());
  }

  @Test
  void svgHasTitleLabelsAndCurves() {
    String svg = lossChart().build().svg();
    Document doc = Pixels.parseSvg(svg);
    assertTrue(Pixels.countElements(doc, "path") >= 3, "one path per curve at least");
    for (String s : new String[] {">Loss<", ">epoch<", ">train<", ">dev acc<"}) {
      assertTrue(svg.contains(s), "svg contains " + s);
    }
  }

  @Test
  void mismatchedLengthNamesChartSeriesAndCounts() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> Plots.line()
            .title("Loss")
            .x(new double[100])
            .series("train", new double[100])
            .series("dev", new double[99])
            .build());
    assertEquals("line chart 'Loss': series 'dev' has 99 values but x has 100", e.getMessage());
  }

  @Test
  void otherBadInput() {
    assertMessage(
        "line chart (untitled): has no series; add one with series(name, values)", Plots.line());
    assertMessage(
        "line chart 'T': series 'a' is added twice",
        Plots.line().title("T").series("a", TRAIN).series("a", DEV));
    assertMessage(
        "line chart 'T': series 'a' has value 0.0 at index 1 but a log y-axis needs positive values",
        Plots.line().title("T").series("a", new double[] {1, 0}).logY(true));
    assertMessage(
        "line chart 'T': color() names series 'b' but there is no such series",
        Plots.line().title("T").series("a", TRAIN).color("b", Color.RED));
    assertMessage(
        "line chart 'T': series 'a' has an infinite value at index 0",
        Plots.line().title("T").series("a", new double[] {Double.POSITIVE_INFINITY}));
    assertMessage(
        "line chart 'T': has only second-axis series; add at least one series(name, values) for the left axis",
        Plots.line().title("T").secondAxis("a", TRAIN));
    assertMessage(
        "line chart 'T': series 'a' has 2 values but its x has 3",
        Plots.line().title("T").series("a", new double[] {1, 2, 3}, new double[] {1, 2}));
  }

  @Test
  void optionsWork() {
    Chart c = Plots.line()
        .series("a", new double[] {1, Double.NaN, 3, 4})
        .markers(true)
        .logY(true)
        .color("a", new Color(0x11, 0x22, 0x33))
        .legend(false)
        .build();
    assertInstanceOf(LogAxis.class, c.jfree().getXYPlot().getRangeAxis());
    assertNull(c.jfree().getLegend());
    assertNull(c.jfree().getTitle());
    Pixels.assertHasColor(
        Pixels.decode(c.png(), 800, 500), new Color(0x11, 0x22, 0x33), 50, "custom colour");
    // Own x per series: points are kept in the caller's order, not sorted.
    XYPlot plot = Plots.line()
        .series("loop", new double[] {0, 1, 0}, new double[] {0, 1, 1})
        .build()
        .jfree()
        .getXYPlot();
    assertEquals(0.0, plot.getDataset().getXValue(0, 2));
  }

  static void assertMessage(String expected, ChartBuilder<?> builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertEquals(expected, e.getMessage());
  }
}
