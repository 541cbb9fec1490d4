package org.gradnote.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.gradnote.plots.internal.Check;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Labelled 2-D points split into one series per class, shared by scatter and decision-boundary charts. */
final class ClassPoints {

  double[] x;
  double[] y;
  private final double[][] rows; // converted in validate() so errors can name the chart
  final int[] labels;

  ClassPoints(double[] x, double[] y, int[] labels) {
    this.x = x;
    this.y = y;
    this.rows = null;
    this.labels = labels;
  }

  private ClassPoints(double[][] rows, int[] labels) {
    this.rows = rows;
    this.labels = labels;
  }

  /** From an n x 2 matrix such as a feature matrix with two columns. */
  static ClassPoints fromRows(double[][] xy, int[] labels) {
    return new ClassPoints(xy == null ? null : xy.clone(), labels);
  }

  void validate(Check check) {
    if (rows != null) {
      x = new double[rows.length];
      y = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        check.that(
            rows[i] != null && rows[i].length == 2,
            "point %d must have 2 coordinates, got %s",
            i,
            rows[i] == null ? "null" : String.valueOf(rows[i].length));
        x[i] = rows[i][0];
        y[i] = rows[i][1];
      }
    }
    check.that(x != null && y != null, "has no points");
    check.that(x.length > 0, "has no points");
    check.sameLength("x", x.length, "y", y.length);
    check.that(labels != null, "has no labels");
    check.sameLength("labels", labels.length, "points", x.length);
    check.finite("x", x);
    check.finite("y", y);
    check.labels("labels", labels, 0);
  }

  int classCount() {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    return max + 1;
  }

  /** One series per class 0..classes-1 (empty classes stay, so colours match class indices). */
  XYSeriesCollection dataset(int classes, String[] names) {
    XYSeries[] series = new XYSeries[classes];
    for (int c = 0; c < classes; c++) {
      series[c] = new XYSeries(className(c, names), false, true);
    }
    for (int i = 0; i < x.length; i++) {
      series[labels[i]].add(x[i], y[i]);
    }
    XYSeriesCollection ds = new XYSeriesCollection();
    for (XYSeries s : series) {
      ds.addSeries(s);
    }
    return ds;
  }

  /** Dots with a thin dark edge: readable both on white and on tinted decision regions. */
  static XYLineAndShapeRenderer renderer(int series, double size, double alpha, boolean edge) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setDefaultShape(new Ellipse2D.Double(-size / 2, -size / 2, size, size));
    r.setAutoPopulateSeriesShape(false);
    r.setUseOutlinePaint(true);
    r.setDrawOutlines(edge);
    r.setDefaultOutlineStroke(new BasicStroke(0.7f));
    r.setDefaultOutlinePaint(new Color(0x33, 0x33, 0x33));
    for (int c = 0; c < series; c++) {
      r.setSeriesPaint(c, Palette.withAlpha(Palette.color(c), alpha));
    }
    return r;
  }

  static String className(int c, String[] names) {
    return names != null && c < names.length ? names[c] : "class " + c;
  }

  static void checkNames(Check check, String[] names, int classes) {
    if (names != null) {
      check.that(
          names.length >= classes,
          "has %d class names but labels go up to %d",
          names.length,
          classes - 1);
    }
  }
}
