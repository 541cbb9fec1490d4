package org.gradnote.plots;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Theme;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Builds the XY plot behind line and time-series charts: left-axis and optional right-axis curves. */
final class XYLines {

  private XYLines() {}

  /**
   * Validates the series against the shared x ({@code sharedX} may be null: index 0..n-1 is used) and
   * makes the plot. Right-axis curves are dashed so the reader can tell which axis a curve belongs to.
   */
  static XYPlot plot(
      Check check,
      ValueAxis domain,
      double[] sharedX,
      List<SeriesSpec> series,
      String yLabel,
      String y2Label,
      boolean markers,
      boolean logY) {
    check.that(!series.isEmpty(), "has no series; add one with series(name, values)");
    Set<String> names = new HashSet<>();
    XYSeriesCollection left = new XYSeriesCollection();
    XYSeriesCollection right = new XYSeriesCollection();
    XYLineAndShapeRenderer leftRenderer = renderer(markers);
    XYLineAndShapeRenderer rightRenderer = renderer(markers);
    for (int s = 0; s < series.size(); s++) {
      SeriesSpec spec = series.get(s);
      check.that(spec.name() != null, "series %d has no name", s + 1);
      check.that(names.add(spec.name()), "series '%s' is added twice", spec.name());
      double[] x = xFor(check, spec, sharedX);
      XYSeries xy = new XYSeries(spec.name(), false, true); // keep the caller's point order
      for (int i = 0; i < x.length; i++) {
        double v = spec.y()[i];
        check.that(
            !Double.isInfinite(v), "series '%s' has an infinite value at index %d", spec.name(), i);
        check.that(
            !logY || Double.isNaN(v) || v > 0,
            "series '%s' has value %s at index %d but a log y-axis needs positive values",
            spec.name(),
            v,
            i);
        xy.add(x[i], v); // NaN stays in: the renderer leaves a gap there (e.g. unevaluated epochs)
      }
      Color color = spec.color() != null ? spec.color() : Palette.color(s);
      XYSeriesCollection target = spec.right() ? right : left;
      XYLineAndShapeRenderer r = spec.right() ? rightRenderer : leftRenderer;
      int index = target.getSeriesCount();
      target.addSeries(xy);
      r.setSeriesPaint(index, color);
      r.setSeriesStroke(index, spec.right() ? Theme.DASHED : Theme.LINE);
    }
    check.that(
        left.getSeriesCount() > 0,
        "has only second-axis series; add at least one series(name, values) for the left axis");
    ValueAxis range = logY ? new LogAxis(yLabel) : numberAxis(yLabel);
    XYPlot plot = new XYPlot(left, domain, range, leftRenderer);
    if (right.getSeriesCount() > 0) {
      plot.setDataset(1, right);
      plot.setRangeAxis(1, numberAxis(y2Label));
      plot.setRenderer(1, rightRenderer);
      plot.mapDatasetToRangeAxis(1, 1);
    }
    return plot;
  }

  /** A y axis that fits the data instead of always including zero (losses rarely reach it). */
  static NumberAxis numberAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  /** Uses whole-number ticks when every x is an integer, so epochs never read "2.5". */
  static void integerTicksIfIntegral(NumberAxis axis, double[] x) {
    if (x == null) {
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      return;
    }
    for (double v : x) {
      if (v != Math.rint(v)) {
        return;
      }
    }
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
  }

  static double[] index(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  private static double[] xFor(Check check, SeriesSpec spec, double[] sharedX) {
    check.that(spec.y() != null, "series '%s' has no values", spec.name());
    double[] x = spec.x() != null ? spec.x() : sharedX != null ? sharedX : index(spec.y().length);
    String xName = spec.x() != null ? "its x" : "x";
    check.sameLength("series '" + spec.name() + "'", spec.y().length, xName, x.length);
    check.finite(spec.x() != null ? "x of series '" + spec.name() + "'" : "x", x);
    return x;
  }

  private static XYLineAndShapeRenderer renderer(boolean markers) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, markers);
    r.setDefaultShape(new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    r.setAutoPopulateSeriesShape(false);
    r.setDrawSeriesLineAsPath(true); // one path per curve: smooth joins, small SVG
    return r;
  }
}
