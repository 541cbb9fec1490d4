package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradnote.train.History;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class HistoryPlotTest {
  @Test
  void drawsTheHistoryLikeItsMap() {
    History h = new History();
    for (double[] v : new double[][] {{1.0, 1.2, 0.5}, {0.6, 0.9, 0.7}, {0.4, 1.0, 0.8}}) {
      java.util.LinkedHashMap<String, Double> row = new java.util.LinkedHashMap<>();
      row.put("train_loss", v[0]);
      row.put("dev_loss", v[1]);
      row.put("dev_acc", v[2]);
      h.append(row);
    }
    XYPlot plot = Plots.history(h).title("run").build().jfree().getXYPlot();
    assertEquals(2, plot.getDataset(0).getSeriesCount());
    assertEquals("train_loss", plot.getDataset(0).getSeriesKey(0));
    assertEquals("dev_loss", plot.getDataset(0).getSeriesKey(1));
    assertEquals("dev_acc", plot.getDataset(1).getSeriesKey(0));
    assertEquals(0.9, plot.getDataset(0).getYValue(1, 1));
    assertEquals(3.0, plot.getDataset(0).getXValue(0, 2), "epochs count from 1");
    Pixels.assertNotBlank(Pixels.decode(Plots.history(h).build().png(), 800, 500));
    assertArrayEquals(new double[] {0.5, 0.7, 0.8}, h.toMap().get("dev_acc"));
  }
}
