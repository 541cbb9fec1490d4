package org.gradnote.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Line chart of one or more curves over a shared x, with an optional second y-axis on the right
 * (gnuplot's {@code axis x1y2}): {@code Plots.line().x(epochs).series("train", loss).secondAxis("dev acc", acc)}.
 */
public final class LineChartBuilder extends ChartBuilder<LineChartBuilder> {

  private double[] x;
  private final List<SeriesSpec> series = new ArrayList<>();
  private final Map<String, Color> colors = new HashMap<>();
  private String y2Label;
  private boolean markers;
  private boolean logY;

  LineChartBuilder() {
    super(Chart.DEFAULT_WIDTH, Chart.DEFAULT_HEIGHT);
  }

  /** Shared x values for every {@link #series(String, double[])}; default is 0, 1, 2, ... */
  public LineChartBuilder x(double[] x) {
    this.x = x == null ? null : x.clone();
    return this;
  }

  /** Shared integer x values, e.g. epoch numbers. */
  public LineChartBuilder x(int[] x) {
    double[] d = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      d[i] = x[i];
    }
    return x(d);
  }

  /** Adds a curve on the left axis over the shared x; NaN values leave a gap. */
  public LineChartBuilder series(String name, double[] y) {
    series.add(new SeriesSpec(name, null, copy(y), false, null));
    return this;
  }

  /** Adds a curve on the left axis with its own x values. */
  public LineChartBuilder series(String name, double[] x, double[] y) {
    series.add(new SeriesSpec(name, copy(x), copy(y), false, null));
    return this;
  }

  /** Adds a dashed curve on a second y-axis on the right, over the shared x. */
  public LineChartBuilder secondAxis(String name, double[] y) {
    series.add(new SeriesSpec(name, null, copy(y), true, null));
    return this;
  }

  /** Adds a dashed curve on the right axis with its own x values. */
  public LineChartBuilder secondAxis(String name, double[] x, double[] y) {
    series.add(new SeriesSpec(name, copy(x), copy(y), true, null));
    return this;
  }

  /** Label of the right axis. */
  public LineChartBuilder y2Label(String label) {
    this.y2Label = label;
    return this;
  }

  /** Draws a dot at every point as well as the line. */
  public LineChartBuilder markers(boolean markers) {
    this.markers = markers;
    return this;
  }

  /** Uses a logarithmic left axis (all values must be positive). */
  public LineChartBuilder logY(boolean logY) {
    this.logY = logY;
    return this;
  }

  /** Overrides the palette colour of the named series. */
  public LineChartBuilder color(String seriesName, Color color) {
    colors.put(seriesName, color);
    return this;
  }

  @Override
  String kind() {
    return "line chart";
  }

  @Override
  JFreeChart createChart() {
    List<SeriesSpec> styled = new ArrayList<>();
    for (SeriesSpec s : series) {
      styled.add(new SeriesSpec(s.name(), s.x(), s.y(), s.right(), colors.get(s.name())));
    }
    for (String name : colors.keySet()) {
      check()
          .that(
              styled.stream().anyMatch(s -> name.equals(s.name())),
              "color() names series '%s' but there is no such series",
              name);
    }
    NumberAxis domain = XYLines.numberAxis(xLabel);
    boolean ownX = series.stream().anyMatch(s -> s.x() != null);
    if (!ownX) {
      XYLines.integerTicksIfIntegral(domain, x);
    }
    XYPlot plot = XYLines.plot(check(), domain, x, styled, yLabel, y2Label, markers, logY);
    return themed(plot, series.size() > 1);
  }

  static double[] copy(double[] a) {
    return a == null ? null : a.clone();
  }
}
