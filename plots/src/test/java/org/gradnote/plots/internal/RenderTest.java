package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.gradnote.plots.Pixels;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class RenderTest {

  private static JFreeChart empty() {
    return Theme.apply(
        new JFreeChart("Empty", new XYPlot(new XYSeriesCollection(), null, null, null)));
  }

  @Test
  void imageScalesPixelsNotLayout() {
    BufferedImage one = Render.image(empty(), 200, 100, 1);
    BufferedImage two = Render.image(empty(), 200, 100, 2);
    assertEquals(400, two.getWidth());
    assertEquals(200, two.getHeight());
    assertEquals(one.getRGB(0, 0), two.getRGB(0, 0), "same white background");
    Pixels.decode(Render.png(empty(), 200, 100, 1.5), 300, 150);
  }

  @Test
  void svgDocument() {
    String svg = Render.svg(empty(), 300, 200);
    assertTrue(svg.startsWith("<?xml"), "standalone document");
    assertEquals(
        300.0, Double.parseDouble(Pixels.parseSvg(svg).getDocumentElement().getAttribute("width")));
  }

  @Test
  void svgIsTheSameForTheSameChartAndItsIdsDifferForAnother() {
    String a = Render.svg(empty(), 300, 200), b = Render.svg(empty(), 300, 200);
    assertEquals(a, b, "no clock in the ids: a re-run notebook stores the same bytes");
    String other = Render.svg(
        Theme.apply(
            new JFreeChart("Other", new XYPlot(new XYSeriesCollection(), null, null, null))),
        300,
        200);
    String idA = a.replaceAll("(?s).*clipPath id='([^']*)clip-0'.*", "$1");
    String idOther = other.replaceAll("(?s).*clipPath id='([^']*)clip-0'.*", "$1");
    assertTrue(idA.startsWith("_") && idA.length() == 13, idA);
    assertTrue(!idA.equals(idOther), "two charts in one page must not share clip-path ids");
    assertTrue(!a.contains("gradnoteSvgIds"));
  }

  @Test
  void rejectsBadSizes() {
    assertThrows(IllegalArgumentException.class, () -> Render.png(empty(), 0, 10, 1));
    assertThrows(IllegalArgumentException.class, () -> Render.svg(empty(), 10, -1));
    assertThrows(IllegalArgumentException.class, () -> Render.image(empty(), 10, 10, Double.NaN));
  }
}
