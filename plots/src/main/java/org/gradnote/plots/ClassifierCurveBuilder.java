package org.gradnote.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.RankingCurves;
import org.gradnote.plots.internal.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * ROC or precision-recall curves of binary classifiers, each with its trapezoidal AUC in the legend.
 * Curves come either as ready point arrays or as scores plus 0/1 labels.
 */
public final class ClassifierCurveBuilder extends ChartBuilder<ClassifierCurveBuilder> {

  private final boolean roc;
  private final List<Object[]> curves = new ArrayList<>(); // {name, x, y} or {name, scores, labels}

  ClassifierCurveBuilder(boolean roc) {
    super(620, 560);
    this.roc = roc;
    xLabel(roc ? "false positive rate" : "recall");
    yLabel(roc ? "true positive rate" : "precision");
  }

  /** Adds a curve from points: (fpr, tpr) for ROC, (recall, precision) for precision-recall. */
  public ClassifierCurveBuilder curve(String name, double[] x, double[] y) {
    curves.add(new Object[] {name, LineChartBuilder.copy(x), LineChartBuilder.copy(y)});
    return this;
  }

  /** Adds a curve computed from scores (higher means "positive") and true labels 0/1. */
  public ClassifierCurveBuilder scores(String name, double[] scores, int[] labels) {
    curves.add(
        new Object[] {name, LineChartBuilder.copy(scores), labels == null ? null : labels.clone()});
    return this;
  }

  @Override
  String kind() {
    return roc ? "ROC curve" : "precision-recall curve";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(!curves.isEmpty(), "has no curves; add one with curve(name, x, y) or scores(...)");
    XYSeriesCollection ds = new XYSeriesCollection();
    Set<String> names = new HashSet<>();
    for (Object[] c : curves) {
      String name = (String) c[0];
      check.that(name != null && names.add(name), "curve name '%s' is missing or used twice", name);
      double[][] xy = points(check, name, c);
      double auc = RankingCurves.auc(xy[0], xy[1]);
      XYSeries s =
          new XYSeries(String.format(Locale.ROOT, "%s (AUC = %.3f)", name, auc), false, true);
      for (int i = 0; i < xy[0].length; i++) {
        s.add(xy[0][i], xy[1][i]);
      }
      ds.addSeries(s);
    }
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    for (int s = 0; s < ds.getSeriesCount(); s++) {
      r.setSeriesPaint(s, Palette.color(s));
      r.setSeriesStroke(s, Theme.LINE);
    }
    NumberAxis xAxis = unitAxis(xLabel);
    NumberAxis yAxis = unitAxis(yLabel);
    XYPlot plot = new XYPlot(ds, xAxis, yAxis, r);
    if (roc) {
      // The chance diagonal is the reference every ROC reader looks for.
      plot.addAnnotation(new XYLineAnnotation(
          0,
          0,
          1,
          1,
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f),
          new Color(0x88, 0x88, 0x88)));
    }
    // Always show the legend: it carries the AUC, even for a single curve.
    return themed(plot, true);
  }

  private double[][] points(Check check, String name, Object[] c) {
    if (c[2] instanceof int[] labels) {
      double[] scores = (double[]) c[1];
      check.nonEmpty("scores of '" + name + "'", scores);
      check.sameLength("scores of '" + name + "'", scores.length, "labels", labels.length);
      check.finite("scores of '" + name + "'", scores);
      try {
        return roc
            ? RankingCurves.roc(scores, labels)
            : RankingCurves.precisionRecall(scores, labels);
      } catch (IllegalArgumentException e) {
        throw check.fail("curve '%s': %s", name, e.getMessage());
      }
    }
    double[] x = (double[]) c[1];
    double[] y = (double[]) c[2];
    String xn = roc ? "fpr" : "recall";
    String yn = roc ? "tpr" : "precision";
    check.that(x != null && y != null, "curve '%s' has no points", name);
    check.nonEmpty(xn + " of '" + name + "'", x);
    check.sameLength(yn + " of '" + name + "'", y.length, xn, x.length);
    for (int i = 0; i < x.length; i++) {
      check.that(
          x[i] >= 0 && x[i] <= 1 && y[i] >= 0 && y[i] <= 1,
          "curve '%s' has point (%s, %s) at index %d outside [0, 1]",
          name,
          x[i],
          y[i],
          i);
    }
    return new double[][] {x, y};
  }

  private static NumberAxis unitAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(-0.01, 1.01); // a hair of room so curves along the border stay visible
    axis.setTickUnit(new NumberTickUnit(0.2, new DecimalFormat("0.0")));
    return axis;
  }
}
