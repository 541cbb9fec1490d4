package org.gradnote.plots;

import java.awt.image.BufferedImage;
import java.util.function.Function;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Colormap;
import org.gradnote.plots.internal.RasterAnnotation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Decision regions of a 2-D classifier: the plane is sampled on a grid, each cell tinted with the
 * colour of its predicted class, and the labelled data points drawn on top in the full class colours.
 */
public final class DecisionBoundaryBuilder extends ChartBuilder<DecisionBoundaryBuilder> {

  private final Function<double[][], int[]> classifier;
  private ClassPoints points;
  private String[] classNames;
  private double[] range; // xMin, xMax, yMin, yMax
  private int resolution = 200;

  DecisionBoundaryBuilder(Function<double[][], int[]> batchClassifier) {
    super(700, 560);
    this.classifier = batchClassifier;
  }

  /** The data points with their true labels, drawn over the regions; they also set the default range. */
  public DecisionBoundaryBuilder points(double[][] xy, int[] labels) {
    this.points = ClassPoints.fromRows(xy, labels);
    return this;
  }

  /** Same as {@link #points(double[][], int[])} from separate coordinate arrays. */
  public DecisionBoundaryBuilder points(double[] x, double[] y, int[] labels) {
    this.points = new ClassPoints(LineChartBuilder.copy(x), LineChartBuilder.copy(y), labels);
    return this;
  }

  /** Legend names for classes 0, 1, ... */
  public DecisionBoundaryBuilder classNames(String... names) {
    this.classNames = names;
    return this;
  }

  /** The plotted area; by default the points' bounding box plus 10% on every side. */
  public DecisionBoundaryBuilder range(double xMin, double xMax, double yMin, double yMax) {
    this.range = new double[] {xMin, xMax, yMin, yMax};
    return this;
  }

  /** Grid cells per axis (default 200, i.e. 40,000 classifier calls in one batch). */
  public DecisionBoundaryBuilder resolution(int cellsPerAxis) {
    this.resolution = cellsPerAxis;
    return this;
  }

  @Override
  String kind() {
    return "decision boundary";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(
        resolution >= 2 && resolution <= 2000,
        "resolution must be in [2, 2000], got %d",
        resolution);
    if (points != null) {
      points.validate(check);
    }
    double[] r = range != null ? range : defaultRange(check);
    check.range("x", r[0], r[1]);
    check.range("y", r[2], r[3]);

    int[] predicted = classify(check, r);
    int classes = Math.max(points == null ? 0 : points.classCount(), max(predicted) + 1);
    ClassPoints.checkNames(check, classNames, classes);
    BufferedImage regions = new BufferedImage(resolution, resolution, BufferedImage.TYPE_INT_RGB);
    for (int row = 0; row < resolution; row++) {
      for (int col = 0; col < resolution; col++) {
        int c = predicted[row * resolution + col];
        regions.setRGB(col, row, Colormap.lighten(Palette.color(c), 0.65).getRGB());
      }
    }

    XYSeriesCollection ds;
    if (points != null) {
      ds = points.dataset(classes, classNames);
    } else {
      ds = new XYSeriesCollection(); // empty series still give legend entries in the class colours
      for (int c = 0; c < classes; c++) {
        ds.addSeries(new XYSeries(ClassPoints.className(c, classNames)));
      }
    }
    XYLineAndShapeRenderer renderer = ClassPoints.renderer(classes, 8, 1.0, true);
    renderer.addAnnotation(new RasterAnnotation(regions, r[0], r[1], r[2], r[3]), Layer.BACKGROUND);
    NumberAxis xAxis = XYLines.numberAxis(xLabel);
    NumberAxis yAxis = XYLines.numberAxis(yLabel);
    xAxis.setRange(r[0], r[1]);
    yAxis.setRange(r[2], r[3]);
    XYPlot plot = new XYPlot(ds, xAxis, yAxis, renderer);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    return themed(plot, classes > 1);
  }

  /** Calls the classifier once with every grid-cell centre, top row first (image row order). */
  private int[] classify(Check check, double[] r) {
    int n = resolution;
    double[][] grid = new double[n * n][];
    for (int row = 0; row < n; row++) {
      double y = r[3] - (row + 0.5) * (r[3] - r[2]) / n;
      for (int col = 0; col < n; col++) {
        grid[row * n + col] = new double[] {r[0] + (col + 0.5) * (r[1] - r[0]) / n, y};
      }
    }
    int[] predicted = classifier.apply(grid);
    check.that(predicted != null, "classifier returned null");
    check.that(
        predicted.length == grid.length,
        "classifier returned %d labels for %d grid points",
        predicted.length,
        grid.length);
    check.labels("classifier output", predicted, 0);
    return predicted;
  }

  private double[] defaultRange(Check check) {
    check.that(points != null, "has neither points nor range(); cannot tell which area to draw");
    double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < points.x.length; i++) {
      r[0] = Math.min(r[0], points.x[i]);
      r[1] = Math.max(r[1], points.x[i]);
      r[2] = Math.min(r[2], points.y[i]);
      r[3] = Math.max(r[3], points.y[i]);
    }
    double padX = r[1] > r[0] ? 0.1 * (r[1] - r[0]) : 1;
    double padY = r[3] > r[2] ? 0.1 * (r[3] - r[2]) : 1;
    return new double[] {r[0] - padX, r[1] + padX, r[2] - padY, r[3] + padY};
  }

  private static int max(int[] a) {
    int m = -1;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
