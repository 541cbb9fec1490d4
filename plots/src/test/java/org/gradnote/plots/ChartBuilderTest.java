package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartBuilderTest {

  private static final double[] V = {1, 2, 3};

  @Test
  void commonOptionsReachTheChart() {
    Chart c = Plots.line()
        .title("T")
        .xLabel("x")
        .yLabel("y")
        .size(300, 200)
        .series("a", V)
        .build();
    assertEquals("T", c.title());
    assertEquals("T", c.jfree().getTitle().getText());
    assertEquals("x", c.jfree().getXYPlot().getDomainAxis().getLabel());
    assertEquals("y", c.jfree().getXYPlot().getRangeAxis().getLabel());
    assertEquals(300, c.width());
    Pixels.decode(c.png(), 300, 200);
  }

  @Test
  void legendAutomaticallyOnlyForSeveralSeriesUnlessForced() {
    assertNull(Plots.line().series("a", V).build().jfree().getLegend());
    assertNotNull(Plots.line().series("a", V).series("b", V).build().jfree().getLegend());
    assertNotNull(Plots.line().series("a", V).legend(true).build().jfree().getLegend());
  }

  @Test
  void showBuildsAndSends() {
    List<Chart> shown = new ArrayList<>();
    ChartSink previous = Plots.setSink(shown::add);
    try {
      Plots.bar().title("B").categories("a").series("s", new double[] {1}).show();
      assertEquals("B", shown.get(0).title());
    } finally {
      Plots.setSink(previous);
    }
  }

  @Test
  void sizeMustBePositive() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Plots.scatter().title("S").size(0, 100));
    assertEquals("scatter plot 'S': size must be positive, got 0x100", e.getMessage());
  }
}
