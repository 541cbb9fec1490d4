package org.gradnote.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Colormap;
import org.gradnote.plots.internal.MarchingSquares;
import org.gradnote.plots.internal.RasterAnnotation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Contour plot of f(x, y) with level lines or filled bands, plus optional optimizer paths drawn on top,
 * e.g. gradient descent vs momentum on f(x) = (x1^2 + a x2^2) / 2.
 */
public final class ContourBuilder extends ChartBuilder<ContourBuilder> {

  /** tab10 indices for paths: red and orange first, as they stand out best on viridis and on blue. */
  private static final int[] PATH_COLORS = {3, 1, 4, 0, 6, 5, 2, 9};

  private final DoubleBinaryOperator f;
  private double[] range;
  private int resolution = 200;
  private int levelCount = 10;
  private double[] levels;
  private boolean filled;
  private final List<String> pathNames = new ArrayList<>();
  private final List<double[][]> paths = new ArrayList<>();

  ContourBuilder(DoubleBinaryOperator f) {
    super(700, 560);
    this.f = f;
  }

  /** The plotted area (default: the paths' bounding box plus margins, or [-1, 1] x [-1, 1]). */
  public ContourBuilder range(double xMin, double xMax, double yMin, double yMax) {
    this.range = new double[] {xMin, xMax, yMin, yMax};
    return this;
  }

  /** Number of evenly spaced levels between the sampled minimum and maximum (default 10). */
  public ContourBuilder levels(int count) {
    this.levelCount = count;
    this.levels = null;
    return this;
  }

  /** Explicit level values, e.g. geometric ones to resolve the bottom of a bowl. */
  public ContourBuilder levels(double... values) {
    this.levels = values == null ? null : values.clone();
    return this;
  }

  /** Fills the bands between levels (with a colour bar) instead of drawing level lines only. */
  public ContourBuilder filled(boolean filled) {
    this.filled = filled;
    return this;
  }

  /** Samples per axis (default 200). */
  public ContourBuilder resolution(int samplesPerAxis) {
    this.resolution = samplesPerAxis;
    return this;
  }

  /** Adds an optimizer path: points (x, y) in visiting order, drawn as a line with markers. */
  public ContourBuilder path(String name, List<double[]> points) {
    return path(name, points == null ? null : points.toArray(new double[0][]));
  }

  /** Adds an optimizer path given as an n x 2 array. */
  public ContourBuilder path(String name, double[][] points) {
    pathNames.add(name);
    paths.add(points == null ? null : points.clone());
    return this;
  }

  @Override
  String kind() {
    return "contour plot";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(f != null, "has no function");
    check.that(
        resolution >= 3 && resolution <= 2000,
        "resolution must be in [3, 2000], got %d",
        resolution);
    XYSeriesCollection ds = pathDataset(check);
    double[] r = range != null ? range : defaultRange(ds);
    check.range("x", r[0], r[1]);
    check.range("y", r[2], r[3]);

    int n = resolution;
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[][] z = new double[n][n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      xs[i] = r[0] + i * (r[1] - r[0]) / (n - 1);
      ys[i] = r[2] + i * (r[3] - r[2]) / (n - 1);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = f.applyAsDouble(xs[j], ys[i]);
        z[i][j] = Double.isFinite(v) ? v : Double.NaN; // overflow is treated as "undefined here"
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    check.that(lo <= hi, "function has no finite value in the range");
    double[] lv = levelValues(check, lo, hi);

    XYLineAndShapeRenderer renderer = pathRenderer(ds.getSeriesCount());
    if (filled) {
      renderer.addAnnotation(
          new RasterAnnotation(ContourBands.image(z, lv), r[0], r[1], r[2], r[3]),
          Layer.BACKGROUND);
    }
    BasicStroke thin =
        new BasicStroke(filled ? 0.6f : 1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    for (int k = 0; k < lv.length; k++) {
      // Filled: faint dark edges between bands. Lines: viridis, stopping short of its pale yellow
      // end.
      Color c = filled
          ? new Color(0x30, 0x30, 0x30, 90)
          : Colormap.VIRIDIS.at(0.85 * k / Math.max(1, lv.length - 1));
      renderer.addAnnotation(
          new XYShapeAnnotation(MarchingSquares.isoline(xs, ys, z, lv[k]), thin, c),
          Layer.BACKGROUND);
    }
    NumberAxis xAxis = XYLines.numberAxis(xLabel);
    NumberAxis yAxis = XYLines.numberAxis(yLabel);
    xAxis.setRange(r[0], r[1]);
    yAxis.setRange(r[2], r[3]);
    XYPlot plot = new XYPlot(ds, xAxis, yAxis, renderer);
    if (filled) {
      plot.setDomainGridlinesVisible(false);
      plot.setRangeGridlinesVisible(false);
    }
    JFreeChart chart = themed(plot, ds.getSeriesCount() > 0);
    if (filled) {
      chart.addSubtitle(ContourBands.colorBar(lo, hi, lv));
    }
    return chart;
  }

  private double[] levelValues(Check check, double lo, double hi) {
    if (levels != null) {
      check.that(levels.length > 0, "levels() got no values");
      check.finite("levels", levels);
      double[] sorted = levels.clone();
      Arrays.sort(sorted);
      return sorted;
    }
    check.that(
        levelCount >= 1 && levelCount <= 200, "levels must be in [1, 200], got %d", levelCount);
    double[] lv = new double[levelCount];
    for (int k = 0; k < levelCount; k++) {
      lv[k] =
          lo + (k + 1) * (hi - lo) / (levelCount + 1); // skip the extremes: they are single points
    }
    return lv;
  }

  private XYSeriesCollection pathDataset(Check check) {
    XYSeriesCollection ds = new XYSeriesCollection();
    Set<String> names = new HashSet<>();
    for (int p = 0; p < paths.size(); p++) {
      String name = pathNames.get(p);
      double[][] pts = paths.get(p);
      check.that(name != null && names.add(name), "path name '%s' is missing or used twice", name);
      check.that(pts != null && pts.length > 0, "path '%s' has no points", name);
      XYSeries s = new XYSeries(name, false, true);
      for (int i = 0; i < pts.length; i++) {
        check.that(
            pts[i] != null && pts[i].length == 2,
            "path '%s' point %d must have 2 coordinates",
            name,
            i);
        check.that(
            Double.isFinite(pts[i][0]) && Double.isFinite(pts[i][1]),
            "path '%s' point %d is not finite (%s, %s); did the optimizer diverge?",
            name,
            i,
            pts[i][0],
            pts[i][1]);
        s.add(pts[i][0], pts[i][1]);
      }
      ds.addSeries(s);
    }
    return ds;
  }

  private static double[] defaultRange(XYSeriesCollection ds) {
    if (ds.getSeriesCount() == 0) {
      return new double[] {-1, 1, -1, 1};
    }
    double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int s = 0; s < ds.getSeriesCount(); s++) {
      XYSeries series = ds.getSeries(s);
      r[0] = Math.min(r[0], series.getMinX());
      r[1] = Math.max(r[1], series.getMaxX());
      r[2] = Math.min(r[2], series.getMinY());
      r[3] = Math.max(r[3], series.getMaxY());
    }
    double padX = r[1] > r[0] ? 0.15 * (r[1] - r[0]) : 1;
    double padY = r[3] > r[2] ? 0.15 * (r[3] - r[2]) : 1;
    return new double[] {r[0] - padX, r[1] + padX, r[2] - padY, r[3] + padY};
  }

  private static XYLineAndShapeRenderer pathRenderer(int count) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    r.setDefaultShape(new Ellipse2D.Double(-3, -3, 6, 6));
    r.setAutoPopulateSeriesShape(false);
    for (int s = 0; s < count; s++) {
      r.setSeriesPaint(s, Palette.color(PATH_COLORS[s % PATH_COLORS.length]));
      r.setSeriesStroke(s, new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }
    return r;
  }
}
