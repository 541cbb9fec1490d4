package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ThemeTest {

  @Test
  void whiteBackgroundLightGridAntiAliasedFonts() {
    XYPlot plot =
        new XYPlot(new XYSeriesCollection(), new NumberAxis("x"), new NumberAxis("y"), null);
    JFreeChart chart = Theme.apply(new JFreeChart("T", null, plot, true));
    assertEquals(Color.WHITE, chart.getBackgroundPaint());
    assertEquals(Color.WHITE, plot.getBackgroundPaint());
    assertEquals(Theme.GRID, plot.getDomainGridlinePaint());
    assertTrue(chart.getAntiAlias());
    assertFalse(plot.isOutlineVisible());
    assertEquals(Theme.TITLE_FONT, chart.getTitle().getFont());
    assertEquals(Theme.TICK_FONT, plot.getDomainAxis().getTickLabelFont());
    assertEquals(RectangleEdge.BOTTOM, chart.getLegend().getPosition());
  }
}
