package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Theme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class XYLinesTest {

  @Test
  void defaultXIsTheIndexAndRightSeriesAreDashed() {
    List<SeriesSpec> specs = List.of(
        new SeriesSpec("a", null, new double[] {5, 6}, false, null),
        new SeriesSpec("b", null, new double[] {0.1, 0.2}, true, null));
    XYPlot plot = XYLines.plot(
        new Check("line chart", null), new NumberAxis(), null, specs, "l", "r", false, false);
    assertEquals(1.0, plot.getDataset(0).getXValue(0, 1));
    assertEquals(Theme.DASHED, plot.getRenderer(1).getSeriesStroke(0));
    assertEquals(
        Palette.color(1), plot.getRenderer(1).getSeriesPaint(0), "colour follows call order");
    assertArrayEquals(new double[] {0, 1, 2}, XYLines.index(3));
  }

  @Test
  void integerTicksOnlyForIntegralX() {
    NumberAxis ints = new NumberAxis();
    XYLines.integerTicksIfIntegral(ints, new double[] {1, 2, 3});
    NumberAxis reals = new NumberAxis();
    XYLines.integerTicksIfIntegral(reals, new double[] {0.5, 1});
    assertFalse(reals.getStandardTickUnits().equals(ints.getStandardTickUnits()));
    assertFalse(XYLines.numberAxis("y").getAutoRangeIncludesZero());
  }
}
