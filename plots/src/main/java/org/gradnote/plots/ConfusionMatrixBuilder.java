package org.gradnote.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Locale;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Colormap;
import org.gradnote.plots.internal.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/** Confusion-matrix heat map: rows are true classes, columns predictions, each cell shows its count. */
public final class ConfusionMatrixBuilder extends ChartBuilder<ConfusionMatrixBuilder> {

  private int[][] counts;
  private int[] actual;
  private int[] predicted;
  private String[] classNames;
  private boolean normalize;

  ConfusionMatrixBuilder() {
    super(0, 0); // sized from the class count in createChart unless size() is called
    xLabel("predicted");
    yLabel("actual");
  }

  /** A square matrix: {@code counts[actual][predicted]}. */
  public ConfusionMatrixBuilder counts(int[][] counts) {
    this.counts = counts;
    this.actual = null;
    return this;
  }

  /** Counts the matrix from true and predicted labels (0..k-1). */
  public ConfusionMatrixBuilder labels(int[] actual, int[] predicted) {
    this.actual = actual;
    this.predicted = predicted;
    this.counts = null;
    return this;
  }

  /** Class names for rows and columns (default 0, 1, 2, ...). */
  public ConfusionMatrixBuilder classNames(String... names) {
    this.classNames = names;
    return this;
  }

  /** Colours and labels cells by fraction of their row (per-class recall) instead of raw counts. */
  public ConfusionMatrixBuilder normalize(boolean normalize) {
    this.normalize = normalize;
    return this;
  }

  @Override
  String kind() {
    return "confusion matrix";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    int[][] m = matrix(check);
    int n = m.length;
    if (classNames != null) {
      check.sameLength("classNames", classNames.length, "the matrix", n);
    }
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = classNames != null ? classNames[i] : String.valueOf(i);
    }
    double[][] xyz = new double[3][n * n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      long rowSum = 0;
      for (int v : m[i]) {
        rowSum += v;
      }
      for (int j = 0; j < n; j++) {
        double v = normalize ? (rowSum == 0 ? 0 : (double) m[i][j] / rowSum) : m[i][j];
        xyz[0][i * n + j] = j;
        xyz[1][i * n + j] = i;
        xyz[2][i * n + j] = v;
        max = Math.max(max, v);
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("cells", xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    Scale scale = new Scale(max > 0 ? max : 1);
    renderer.setPaintScale(scale);

    SymbolAxis xAxis = axis(xLabel, names);
    SymbolAxis yAxis = axis(yLabel, names);
    yAxis.setInverted(true); // row 0 on top, as the matrix is printed
    boolean longNames = java.util.Arrays.stream(names).anyMatch(s -> s.length() > 4);
    xAxis.setVerticalTickLabels(n > 6 && longNames);
    XYPlot plot = new XYPlot(ds, xAxis, yAxis, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    Font font = Theme.CELL_FONT.deriveFont(n > 12 ? 9f : n > 8 ? 11f : 13f);
    for (int k = 0; k < n * n; k++) {
      double v = xyz[2][k];
      String text = normalize ? String.format(Locale.ROOT, "%.2f", v) : String.valueOf((long) v);
      XYTextAnnotation a = new XYTextAnnotation(text, xyz[0][k], xyz[1][k]);
      a.setFont(font);
      // White on dark cells, near-black on light ones.
      a.setPaint(Colormap.luminance((Color) scale.getPaint(v)) < 0.5 ? Color.WHITE : Theme.TEXT);
      plot.addAnnotation(a);
    }
    if (width == 0) {
      int side = Math.max(440, Math.min(1000, 150 + 55 * n));
      width = side + 20;
      height = side;
    }
    return themed(plot, false);
  }

  private int[][] matrix(Check check) {
    if (actual != null || predicted != null) {
      check.that(actual != null && predicted != null, "needs both actual and predicted labels");
      check.sameLength("predicted", predicted.length, "actual", actual.length);
      check.labels("actual", actual, 0);
      check.labels("predicted", predicted, 0);
      int n = classNames != null ? classNames.length : 0;
      for (int i = 0; i < actual.length; i++) {
        n = Math.max(n, Math.max(actual[i], predicted[i]) + 1);
      }
      int[][] m = new int[n][n];
      for (int i = 0; i < actual.length; i++) {
        m[actual[i]][predicted[i]]++;
      }
      return m;
    }
    check.that(counts != null && counts.length > 0, "has no data; call counts(...) or labels(...)");
    for (int i = 0; i < counts.length; i++) {
      check.that(
          counts[i] != null && counts[i].length == counts.length,
          "matrix must be square: row %d has %s columns but there are %d rows",
          i,
          counts[i] == null ? "no" : String.valueOf(counts[i].length),
          counts.length);
      for (int j = 0; j < counts.length; j++) {
        check.that(counts[i][j] >= 0, "count at [%d][%d] is negative (%d)", i, j, counts[i][j]);
      }
    }
    return counts;
  }

  private static SymbolAxis axis(String label, String[] names) {
    SymbolAxis axis = new SymbolAxis(label, names);
    axis.setGridBandsVisible(false);
    axis.setAutoRange(false);
    axis.setRange(-0.5, names.length - 0.5);
    return axis;
  }

  /** Blues from 0 to the largest cell. */
  private record Scale(double max) implements PaintScale {
    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return max;
    }

    @Override
    public Paint getPaint(double value) {
      return Colormap.BLUES.at(value / max);
    }
  }
}
