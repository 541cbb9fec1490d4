package org.gradnote.plots;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradnote.plots.internal.Check;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Scatter plot, either coloured by integer class label or as named point groups. */
public final class ScatterBuilder extends ChartBuilder<ScatterBuilder> {

  private ClassPoints labelled;
  private String[] classNames;
  private final List<Object[]> groups = new ArrayList<>(); // {name, x, y}
  private double markerSize = 7;
  private double alpha = 0.8;

  ScatterBuilder() {
    super(700, 520);
  }

  /** Points coloured by class: {@code labels[i]} in 0..k-1 picks the palette colour of point i. */
  public ScatterBuilder points(double[] x, double[] y, int[] labels) {
    this.labelled = new ClassPoints(LineChartBuilder.copy(x), LineChartBuilder.copy(y), labels);
    return this;
  }

  /** Same as {@link #points(double[], double[], int[])} from an n x 2 matrix. */
  public ScatterBuilder points(double[][] xy, int[] labels) {
    this.labelled = ClassPoints.fromRows(xy, labels);
    return this;
  }

  /** Legend names for classes 0, 1, ... (default "class 0", "class 1", ...). */
  public ScatterBuilder classNames(String... names) {
    this.classNames = names;
    return this;
  }

  /** Adds a named group of points in the next palette colour. */
  public ScatterBuilder series(String name, double[] x, double[] y) {
    groups.add(new Object[] {name, LineChartBuilder.copy(x), LineChartBuilder.copy(y)});
    return this;
  }

  /** Marker diameter in pixels (default 7). */
  public ScatterBuilder markerSize(double pixels) {
    this.markerSize = pixels;
    return this;
  }

  /** Marker opacity in [0, 1] (default 0.8, so overlapping points stay visible). */
  public ScatterBuilder alpha(double alpha) {
    this.alpha = alpha;
    return this;
  }

  @Override
  String kind() {
    return "scatter plot";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(
        labelled != null || !groups.isEmpty(),
        "has no points; call points(x, y, labels) or series(name, x, y)");
    check.that(markerSize > 0, "marker size must be positive, got %s", markerSize);
    check.that(alpha >= 0 && alpha <= 1, "alpha must be in [0, 1], got %s", alpha);
    XYSeriesCollection ds;
    if (labelled != null) {
      labelled.validate(check);
      int classes = labelled.classCount();
      ClassPoints.checkNames(check, classNames, classes);
      ds = labelled.dataset(classes, classNames);
    } else {
      ds = new XYSeriesCollection();
    }
    Set<String> names = new HashSet<>();
    for (Object[] g : groups) {
      String name = (String) g[0];
      double[] x = (double[]) g[1];
      double[] y = (double[]) g[2];
      check.that(
          name != null && names.add(name), "series name '%s' is missing or used twice", name);
      check.that(x != null && y != null, "series '%s' has no points", name);
      check.sameLength("series '" + name + "' x", x.length, "y", y.length);
      check.finite("x of series '" + name + "'", x);
      check.finite("y of series '" + name + "'", y);
      XYSeries s = new XYSeries(name, false, true);
      for (int i = 0; i < x.length; i++) {
        s.add(x[i], y[i]);
      }
      ds.addSeries(s);
    }
    XYPlot plot = new XYPlot(
        ds,
        XYLines.numberAxis(xLabel),
        XYLines.numberAxis(yLabel),
        ClassPoints.renderer(ds.getSeriesCount(), markerSize, alpha, false));
    return themed(plot, ds.getSeriesCount() > 1);
  }
}
