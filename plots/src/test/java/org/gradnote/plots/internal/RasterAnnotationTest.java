package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class RasterAnnotationTest {

  @Test
  void drawsUprightOverDataRectangle() {
    BufferedImage img = new BufferedImage(1, 2, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, Color.RED.getRGB()); // top row
    img.setRGB(0, 1, Color.BLUE.getRGB());
    NumberAxis x = new NumberAxis();
    NumberAxis y = new NumberAxis();
    x.setRange(0, 1);
    y.setRange(0, 1);
    x.setVisible(false);
    y.setVisible(false);
    XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, null);
    plot.setInsets(new org.jfree.chart.ui.RectangleInsets(0, 0, 0, 0));
    plot.setAxisOffset(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
    plot.addAnnotation(new RasterAnnotation(img, 0, 1, 0, 1));
    JFreeChart chart = new JFreeChart(null, null, plot, false);
    chart.setPadding(org.jfree.chart.ui.RectangleInsets.ZERO_INSETS);
    BufferedImage out = Render.image(chart, 100, 100, 1);
    assertEquals(Color.RED.getRGB(), out.getRGB(50, 20), "first image row on top");
    assertEquals(Color.BLUE.getRGB(), out.getRGB(50, 80));
  }

  @Test
  void crispUpscalesByIntegerFactor() {
    BufferedImage small = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    small.setRGB(1, 0, 0xFFFFFF);
    BufferedImage big = RasterAnnotation.crisp(small, 64);
    assertEquals(64, big.getWidth());
    assertEquals(0xFFFFFF, big.getRGB(8, 0) & 0xFFFFFF);
    assertEquals(0xFFFFFF, big.getRGB(15, 7) & 0xFFFFFF);
    assertEquals(0, big.getRGB(16, 0) & 0xFFFFFF);
    assertSame(big, RasterAnnotation.crisp(big, 64));
  }
}
