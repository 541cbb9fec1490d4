package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.jfree.chart.plot.PlotOrientation;
import org.junit.jupiter.api.Test;

class BarChartBuilderTest {

  @Test
  void groupedBarsInPaletteColours() {
    Chart c = Plots.bar()
        .title("Accuracy")
        .categories("logreg", "mlp", "cnn")
        .series("dev", new double[] {0.8, 0.88, 0.93})
        .series("test", new double[] {0.79, 0.86, 0.92})
        .build();
    BufferedImage img = Pixels.decode(c.png(), 800, 500);
    Pixels.assertNotBlank(img);
    Pixels.assertHasColor(img, Palette.color(0), 5_000, "dev bars");
    Pixels.assertHasColor(img, Palette.color(1), 5_000, "test bars");
    String svg = c.svg();
    Pixels.parseSvg(svg);
    assertTrue(svg.contains(">mlp<") && svg.contains(">Accuracy<"));
  }

  @Test
  void horizontal() {
    Chart c = Plots.bar()
        .categories("a", "b")
        .series("s", new double[] {1, 2})
        .horizontal(true)
        .build();
    assertEquals(PlotOrientation.HORIZONTAL, c.jfree().getCategoryPlot().getOrientation());
    Pixels.assertHasColor(Pixels.decode(c.png(), 800, 500), Palette.color(0), 5_000, "bars");
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "bar chart 'B': series 's' has 2 values but categories has 3",
        Plots.bar().title("B").categories("a", "b", "c").series("s", new double[] {1, 2}));
    LineChartBuilderTest.assertMessage(
        "bar chart 'B': has no categories; call categories(...)",
        Plots.bar().title("B").series("s", new double[] {1}));
    LineChartBuilderTest.assertMessage(
        "bar chart 'B': category 'a' is missing or repeated",
        Plots.bar().title("B").categories("a", "a").series("s", new double[] {1, 2}));
  }
}
