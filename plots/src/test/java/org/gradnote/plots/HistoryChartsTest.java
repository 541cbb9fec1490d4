package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;

class HistoryChartsTest {

  private static Map<String, double[]> history() {
    Map<String, double[]> h = new LinkedHashMap<>();
    h.put("train_loss", new double[] {1.0, 0.7, 0.5, 0.4});
    h.put("dev_loss", new double[] {1.1, 0.8, 0.7, 0.7});
    h.put("dev_acc", new double[] {0.6, 0.7, 0.75, Double.NaN});
    return h;
  }

  @Test
  void lossesLeftMetricsRightOneColourPerSplit() {
    Chart c = Plots.history(history()).title("MLP").build();
    XYPlot plot = c.jfree().getXYPlot();
    assertEquals(2, plot.getDataset(0).getSeriesCount());
    assertEquals("dev_acc", plot.getDataset(1).getSeriesKey(0));
    assertEquals("loss", plot.getRangeAxis(0).getLabel());
    assertEquals("accuracy", plot.getRangeAxis(1).getLabel());
    assertEquals("epoch", plot.getDomainAxis().getLabel());
    assertEquals(1.0, plot.getDataset(0).getXValue(0, 0), "epochs count from 1");
    XYItemRenderer left = plot.getRenderer(0);
    XYItemRenderer right = plot.getRenderer(1);
    assertEquals(Palette.color(1), left.getSeriesPaint(1), "dev_loss is the dev colour");
    assertEquals(Palette.color(1), right.getSeriesPaint(0), "dev_acc shares the dev colour");
    BufferedImage img = Pixels.decode(c.png(), 800, 500);
    Pixels.assertHasColor(img, Palette.color(0), 100, "train");
    Pixels.assertHasColor(img, Palette.color(1), 100, "dev");
  }

  @Test
  void onlyLossesOrOnlyMetricsUseOneAxis() {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("val_f1", new double[] {0.1, 0.2});
    m.put("val_accuracy", new double[] {0.3, 0.4});
    XYPlot plot = Plots.history(m).build().jfree().getXYPlot();
    assertEquals(1, plot.getRangeAxisCount());
    assertEquals("metric", plot.getRangeAxis().getLabel());
    // Same split and same axis: the second metric must not reuse the first one's colour.
    assertFalse(plot.getRenderer().getSeriesPaint(0).equals(plot.getRenderer().getSeriesPaint(1)));
  }

  @Test
  void classifiesKeys() {
    assertTrue(HistoryCharts.isMetric("dev_acc"));
    assertTrue(HistoryCharts.isMetric("val_F1"));
    assertTrue(HistoryCharts.isMetric("precision"));
    assertFalse(HistoryCharts.isMetric("dev_loss"));
    assertFalse(HistoryCharts.isMetric("lr"));
    assertEquals("dev", HistoryCharts.split("dev_acc"));
    assertEquals("val", HistoryCharts.split("val/loss"));
    assertEquals("", HistoryCharts.split("loss"));
    assertEquals("", HistoryCharts.split("accuracy"));
  }

  @Test
  void badInput() {
    Map<String, double[]> m = history();
    m.put("dev_f1", new double[] {1, 2});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Plots.history(m));
    assertEquals(
        "training history (untitled): metric 'dev_f1' has 2 values but 'train_loss' has 4",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Plots.history(Map.of()));
    assertEquals("training history (untitled): has no metrics", e.getMessage());
  }
}
