package org.gradnote.plots.notebook;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gradnote.plots.Chart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import tech.tablesaw.api.Table;

/**
 * The charts of a grid's {@code summary.csv} ({@code gradnote grid}): one per metric, its mean against the first
 * parameter with 95% interval bars, one line per combination of the other parameters. {@code summary.png} stacks
 * them; {@link GridRun} shows them in a notebook.
 */
public final class GridCharts {
  private static final int WIDTH = 800, HEIGHT = 420;

  private GridCharts() {}

  /**
   * The parameter columns of a summary table (those before the first metric's {@code _n} column) and its metrics.
   */
  public static List<List<String>> columns(Table summary) {
    List<String> params = new ArrayList<>(), metrics = new ArrayList<>();
    boolean inMetrics = false;
    for (String c : summary.columnNames()) {
      if (c.endsWith("_n")
          && summary.columnNames().contains(c.substring(0, c.length() - 2) + "_mean")) {
        inMetrics = true;
        metrics.add(c.substring(0, c.length() - 2));
      } else if (!inMetrics) {
        params.add(c);
      }
    }
    return List.of(params, metrics);
  }

  /** One chart per metric of {@code summary}, titled {@code title: metric}. */
  public static List<Chart> of(Table summary, String title) {
    List<List<String>> cols = columns(summary);
    List<Chart> out = new ArrayList<>();
    for (String m : cols.get(1)) out.add(panel(summary, cols.get(0), m, title));
    return out;
  }

  /** Writes the charts of {@code summary} stacked into one PNG; returns false when there is no metric to draw. */
  public static boolean write(Table summary, String title, Path file) throws IOException {
    List<Chart> panels = of(summary, title);
    if (panels.isEmpty()) return false;
    BufferedImage all =
        new BufferedImage(WIDTH, HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, all.getWidth(), all.getHeight());
    for (int i = 0; i < panels.size(); i++)
      g.drawImage(panels.get(i).image(WIDTH, HEIGHT, 1.0), 0, i * HEIGHT, null);
    g.dispose();
    ImageIO.write(all, "png", file.toFile());
    return true;
  }

  /** The chart of one metric. */
  public static Chart panel(Table summary, List<String> paramNames, String metric, String title) {
    String xName = paramNames.isEmpty() ? null : paramNames.get(0);
    List<String> xs = new ArrayList<>();
    if (xName != null)
      for (int row = 0; row < summary.rowCount(); row++) {
        String v = summary.column(xName).getString(row);
        if (!xs.contains(v)) xs.add(v);
      }
    boolean numeric = xName != null && xs.stream().allMatch(GridCharts::isNumber);
    Map<String, YIntervalSeries> series = new LinkedHashMap<>();
    for (int row = 0; row < summary.rowCount(); row++) {
      List<String> rest = new ArrayList<>();
      for (String p : paramNames.subList(Math.min(1, paramNames.size()), paramNames.size())) {
        rest.add(p + "=" + summary.column(p).getString(row));
      }
      String key = rest.isEmpty() ? metric : String.join(", ", rest);
      YIntervalSeries s = series.computeIfAbsent(key, YIntervalSeries::new);
      double x = xName == null
          ? 0
          : numeric
              ? Double.parseDouble(summary.column(xName).getString(row))
              : xs.indexOf(summary.column(xName).getString(row));
      double mean = summary.numberColumn(metric + "_mean").getDouble(row);
      if (Double.isNaN(mean)) continue;
      double lo = summary.numberColumn(metric + "_ci95_low").getDouble(row),
          hi = summary.numberColumn(metric + "_ci95_high").getDouble(row);
      s.add(x, mean, Double.isNaN(lo) ? mean : lo, Double.isNaN(hi) ? mean : hi);
    }
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    series.values().forEach(data::addSeries);
    String xLabel =
        xName == null ? "" : numeric ? xName : xName + " (" + String.join(", ", xs) + ")";
    JFreeChart chart = ChartFactory.createXYLineChart(
        title + ": " + metric + " (mean, 95% interval)",
        xLabel,
        metric,
        data,
        PlotOrientation.VERTICAL,
        true,
        false,
        false);
    XYPlot plot = chart.getXYPlot();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(true);
    renderer.setDefaultShapesVisible(true);
    renderer.setCapLength(6);
    plot.setRenderer(renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    if (numeric && spansDecades(xs)) {
      LogAxis log = new LogAxis(xName);
      log.setSmallestValue(1e-12);
      log.setTickUnit(new NumberTickUnit(
          1.0)); // one tick per decade: the values a grid lists are 1e-3, 1e-2...
      log.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
      plot.setDomainAxis(log);
    } else {
      ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
    }
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    return Chart.of(chart);
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean spansDecades(List<String> xs) {
    double min = Double.MAX_VALUE, max = 0;
    for (String s : xs) {
      double v = Double.parseDouble(s);
      if (v <= 0) return false;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return max / min >= 100;
  }
}
