package org.gradnote.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Arrays;
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

/**
 * Heat map of a labelled matrix, e.g. attention weights with output steps as rows and input tokens as
 * columns; row 0 is drawn on top, as the matrix is printed.
 */
public final class HeatmapBuilder extends ChartBuilder<HeatmapBuilder> {

  private final double[][] matrix;
  private final String[] rowLabels;
  private final String[] colLabels;
  private boolean showValues;
  private double min = Double.NaN;
  private double max = Double.NaN;

  HeatmapBuilder(double[][] matrix, String[] rowLabels, String[] colLabels) {
    super(0, 0); // sized from the matrix shape in createChart unless size() is called
    this.matrix = matrix;
    this.rowLabels = rowLabels;
    this.colLabels = colLabels;
  }

  /** Writes each cell's value (two decimals) in the cell. */
  public HeatmapBuilder showValues(boolean show) {
    this.showValues = show;
    return this;
  }

  /**
   * Fixes the colour scale to {@code [min, max]} (default: the matrix's own range), so several maps
   * are comparable, e.g. {@code range(0, 1)} for attention weights.
   */
  public HeatmapBuilder range(double min, double max) {
    check().range("colour", min, max);
    this.min = min;
    this.max = max;
    return this;
  }

  @Override
  String kind() {
    return "heat map";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(matrix != null && matrix.length > 0, "has no rows");
    int rows = matrix.length;
    int cols = matrix[0] == null ? 0 : matrix[0].length;
    check.that(cols > 0, "row 0 has no values");
    for (int i = 0; i < rows; i++) {
      check.that(
          matrix[i] != null && matrix[i].length == cols,
          "row %d has %s values but row 0 has %d",
          i,
          matrix[i] == null ? "no" : String.valueOf(matrix[i].length),
          cols);
      check.finite("row " + i, matrix[i]);
    }
    String[] rowNames = labels(check, "rowLabels", rowLabels, rows, "rows");
    String[] colNames = labels(check, "colLabels", colLabels, cols, "columns");

    double lo = min;
    double hi = max;
    if (Double.isNaN(lo)) {
      lo = Arrays.stream(matrix).flatMapToDouble(Arrays::stream).min().orElse(0);
      hi = Arrays.stream(matrix).flatMapToDouble(Arrays::stream).max().orElse(1);
      if (hi <= lo) {
        hi = lo + 1; // a constant matrix still draws, in the palest colour
      }
    }
    double[][] xyz = new double[3][rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        xyz[0][i * cols + j] = j;
        xyz[1][i * cols + j] = i;
        xyz[2][i * cols + j] = matrix[i][j];
      }
    }
    DefaultXYZDataset ds = new DefaultXYZDataset();
    ds.addSeries("cells", xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    Scale scale = new Scale(lo, hi);
    renderer.setPaintScale(scale);

    SymbolAxis xAxis = axis(xLabel, colNames);
    SymbolAxis yAxis = axis(yLabel, rowNames);
    yAxis.setInverted(true);
    boolean longNames = Arrays.stream(colNames).anyMatch(s -> s.length() > 3);
    xAxis.setVerticalTickLabels(cols > 5 && longNames);
    XYPlot plot = new XYPlot(ds, xAxis, yAxis, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    if (showValues) {
      int n = Math.max(rows, cols);
      Font font = Theme.CELL_FONT.deriveFont(n > 12 ? 9f : n > 8 ? 11f : 13f);
      for (int k = 0; k < rows * cols; k++) {
        double v = xyz[2][k];
        XYTextAnnotation a =
            new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", v), xyz[0][k], xyz[1][k]);
        a.setFont(font);
        // White on dark cells, near-black on light ones.
        a.setPaint(Colormap.luminance((Color) scale.getPaint(v)) < 0.5 ? Color.WHITE : Theme.TEXT);
        plot.addAnnotation(a);
      }
    }
    if (width == 0) {
      int cell = Math.max(24, Math.min(60, 600 / Math.max(rows, cols)));
      width = Math.max(360, 140 + cell * cols);
      height = Math.max(280, 120 + cell * rows);
    }
    return themed(plot, false);
  }

  private static String[] labels(Check check, String what, String[] given, int n, String unit) {
    if (given == null) {
      String[] names = new String[n];
      for (int i = 0; i < n; i++) {
        names[i] = String.valueOf(i);
      }
      return names;
    }
    check.that(
        given.length == n,
        "%s has %d values but the matrix has %d %s",
        what,
        given.length,
        n,
        unit);
    return given;
  }

  private static SymbolAxis axis(String label, String[] names) {
    SymbolAxis axis = new SymbolAxis(label, names);
    axis.setGridBandsVisible(false);
    axis.setAutoRange(false);
    axis.setRange(-0.5, names.length - 0.5);
    return axis;
  }

  /** Blues from {@code lo} to {@code hi}, clamped outside. */
  private record Scale(double lo, double hi) implements PaintScale {
    @Override
    public double getLowerBound() {
      return lo;
    }

    @Override
    public double getUpperBound() {
      return hi;
    }

    @Override
    public Paint getPaint(double value) {
      return Colormap.BLUES.at((value - lo) / (hi - lo));
    }
  }
}
