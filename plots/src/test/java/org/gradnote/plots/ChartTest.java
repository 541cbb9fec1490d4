package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ChartTest {

  private static Chart loss() {
    return Plots.line()
        .title("Loss")
        .series("train", new double[] {3, 2, 1.5, 1.2})
        .build();
  }

  @Test
  void pngHasRequestedSizeAndScaleMultipliesPixels() {
    Chart c = loss();
    Pixels.assertNotBlank(Pixels.decode(c.png(), 800, 500));
    Pixels.decode(c.png(300, 200), 300, 200);
    BufferedImage hi = Pixels.decode(c.png(300, 200, 2), 600, 400);
    Pixels.assertHasColor(hi, Palette.color(0), 50, "series colour at scale 2");
  }

  @Test
  void svgIsWellFormedWithTitleText() {
    String svg = loss().svg(640, 400);
    Document doc = Pixels.parseSvg(svg);
    assertEquals(640.0, Double.parseDouble(doc.getDocumentElement().getAttribute("width")));
    assertTrue(Pixels.countElements(doc, "text") > 5, "tick labels and title are <text>");
    assertTrue(svg.contains(">Loss<"), "title text present");
    assertTrue(Pixels.svgMentions(svg, Palette.color(0)), "series colour used");
  }

  @Test
  void saveChoosesFormatFromExtension(@TempDir Path dir) throws Exception {
    Chart c = loss();
    Path png = c.save(dir.resolve("a/b/loss.PNG"));
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(bytes, 4));
    Path svg = c.save(dir.resolve("loss.svg"), 400, 300);
    Pixels.parseSvg(Files.readString(svg));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.save(dir.resolve("loss.jpg")));
    assertTrue(e.getMessage().contains("use .png or .svg"), e.getMessage());
  }

  @Test
  void sizeIsValidatedAndUsedAsDefault() {
    Chart c = loss().size(320, 240);
    assertEquals(320, c.width());
    assertEquals(240, c.height());
    Pixels.decode(c.png(), 320, 240);
    assertThrows(IllegalArgumentException.class, () -> c.size(0, 10));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> c.png(10, 10, 0));
    assertTrue(e.getMessage().contains("scale"), e.getMessage());
  }

  @Test
  void showGoesToTheInstalledSink() {
    List<Chart> shown = new ArrayList<>();
    ChartSink previous = Plots.setSink(shown::add);
    try {
      Chart c = loss();
      c.show();
      assertEquals(List.of(c), shown);
    } finally {
      Plots.setSink(previous);
    }
  }

  @Test
  void wrapsHandMadeCharts() {
    JFreeChart raw = new JFreeChart("Raw", new XYPlot(new XYSeriesCollection(), null, null, null));
    Chart c = Chart.of(raw);
    assertSame(raw, c.jfree());
    assertEquals("Raw", c.title());
    assertEquals("chart", c.kind());
    assertTrue(c.toString().contains("'Raw'"));
    assertEquals("line chart", loss().kind());
  }

  @Test
  void headlessIsOn() {
    loss().png(10, 10);
    assertEquals("true", System.getProperty("java.awt.headless"));
  }
}
