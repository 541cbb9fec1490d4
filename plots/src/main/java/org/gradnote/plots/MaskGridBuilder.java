package org.gradnote.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Colormap;
import org.gradnote.plots.internal.RasterAnnotation;
import org.gradnote.plots.internal.Theme;
import org.gradnote.tensor.Tensor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Segmentation results, one sample per row: the grayscale image, the true mask and (if given) the predicted mask,
 * each class in its own colour (class 0, the background, in dark grey; class k in the k-th palette colour).
 */
public final class MaskGridBuilder extends ChartBuilder<MaskGridBuilder> {

  private static final int CELL = 110; // pixels per grid cell
  private static final double PAD = 0.05; // gap around each image, in cells
  private static final double CAPTION =
      0.25; // caption band above the first row and the legend band, in cells
  private static final Color BACKGROUND = new Color(40, 40, 40);

  private final double[][][] images;
  private final int[][][] truth;
  private final int[][][] predicted;
  private String[] classes;
  private String[] columns;

  MaskGridBuilder(double[][][] images, int[][][] truth, int[][][] predicted) {
    super(0, 0);
    this.images = images;
    this.truth = truth;
    this.predicted = predicted;
  }

  static MaskGridBuilder of(Tensor images, Tensor truth, Tensor predicted, int count) {
    Check check = new Check("mask grid", null);
    long[] s = images.shape();
    check.that(
        (s.length == 4 && s[1] == 1) || s.length == 3,
        "images must be [N, 1, H, W] or [N, H, W], got %s",
        Arrays.toString(s));
    int h = (int) s[s.length - 2];
    int w = (int) s[s.length - 1];
    int n = (int) Math.min(count, s[0]);
    check.that(n > 0, "needs a positive count, got %d", count);
    long[] m = {s[0], h, w};
    check.that(
        Arrays.equals(truth.shape(), m),
        "true masks %s do not match images %s",
        Arrays.toString(truth.shape()),
        Arrays.toString(s));
    check.that(
        predicted == null || Arrays.equals(predicted.shape(), m),
        "predicted masks %s do not match images %s",
        predicted == null ? "" : Arrays.toString(predicted.shape()),
        Arrays.toString(s));
    double[] iv = images.toDoubleArray();
    long[] tv = truth.toLongArray();
    long[] pv = predicted == null ? null : predicted.toLongArray();
    double[][][] img = new double[n][h][w];
    int[][][] tru = new int[n][h][w];
    int[][][] pre = pv == null ? null : new int[n][h][w];
    for (int k = 0, i = 0; k < n; k++) {
      for (int r = 0; r < h; r++) {
        for (int c = 0; c < w; c++, i++) {
          img[k][r][c] = iv[i];
          tru[k][r][c] = (int) tv[i];
          if (pre != null) {
            pre[k][r][c] = (int) pv[i];
          }
        }
      }
    }
    return new MaskGridBuilder(img, tru, pre);
  }

  /** Class names, by index, shown as a colour legend under the grid. */
  public MaskGridBuilder classes(String... names) {
    this.classes = names;
    return this;
  }

  /**
   * Column headings, left to right (default "image", "true mask", "predicted"): for instance to compare two models'
   * masks, passed in the truth and prediction slots.
   */
  public MaskGridBuilder columns(String... headings) {
    this.columns = headings.clone();
    return this;
  }

  /** The colour of class k in these grids. */
  public static Color classColor(int k) {
    return k == 0 ? BACKGROUND : Palette.color(k - 1);
  }

  @Override
  String kind() {
    return "mask grid";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(images != null && images.length > 0, "has no images");
    check.that(truth != null, "has no true masks");
    check.sameLength("true masks", truth.length, "images", images.length);
    if (predicted != null) {
      check.sameLength("predicted masks", predicted.length, "images", images.length);
    }
    int n = images.length;
    int cols = predicted == null ? 2 : 3;
    double legend = classes != null ? CAPTION : 0;
    double rowsH = n + CAPTION + legend;
    XYPlot plot = new XYPlot(
        new XYSeriesCollection(), hidden(0, cols), hidden(0, rowsH), new XYLineAndShapeRenderer());
    plot.getRangeAxis().setInverted(true);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setInsets(new RectangleInsets(0, 0, 0, 0));
    String[] heads = columns != null
        ? columns
        : Arrays.copyOf(new String[] {"image", "true mask", "predicted"}, cols);
    check.that(
        heads.length == cols,
        "has %d columns but %d headings %s",
        cols,
        heads.length,
        Arrays.toString(heads));
    for (int c = 0; c < cols; c++) {
      plot.addAnnotation(text(heads[c], c + 0.5, CAPTION * 0.5, Theme.TEXT));
    }
    for (int k = 0; k < n; k++) {
      double[][] img = images[k];
      check.that(img != null && img.length > 0 && img[0].length > 0, "image %d is empty", k);
      int h = img.length;
      int w = img[0].length;
      checkMask(check, "true mask", k, truth[k], h, w);
      BufferedImage[] cells = new BufferedImage[cols];
      cells[0] = gray(check, k, img);
      cells[1] = colours(truth[k]);
      if (predicted != null) {
        checkMask(check, "predicted mask", k, predicted[k], h, w);
        cells[2] = colours(predicted[k]);
      }
      double box = 1 - 2 * PAD;
      double iw = w >= h ? box : box * w / h;
      double ih = h >= w ? box : box * h / w;
      for (int c = 0; c < cols; c++) {
        double left = c + (1 - iw) / 2;
        double top = CAPTION + k + (1 - ih) / 2;
        BufferedImage bi = RasterAnnotation.crisp(cells[c], 96);
        plot.addAnnotation(new RasterAnnotation(bi, left, left + iw, top, top + ih));
      }
    }
    if (classes != null) {
      for (int i = 0; i < classes.length; i++) {
        double x = (i + 0.5) * cols / classes.length;
        plot.addAnnotation(text("■ " + classes[i], x, n + CAPTION + legend * 0.5, classColor(i)));
      }
    }
    if (width == 0) {
      boolean titled = title != null && !title.isBlank();
      width = cols * CELL + 16;
      height = (int) Math.round(rowsH * CELL) + 16 + (titled ? 32 : 0);
    }
    return themed(plot, false);
  }

  private static void checkMask(Check check, String what, int k, int[][] m, int h, int w) {
    check.that(
        m != null && m.length == h && m.length > 0 && m[0].length == w,
        "%s %d is not %dx%d like its image",
        what,
        k,
        h,
        w);
    for (int[] row : m) {
      check.that(row.length == w, "%s %d is ragged", what, k);
      for (int v : row) {
        check.that(v >= 0, "%s %d has a negative class %d", what, k, v);
      }
    }
  }

  private static BufferedImage gray(Check check, int k, double[][] img) {
    int h = img.length;
    int w = img[0].length;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : img) {
      check.that(row.length == w, "image %d is ragged", k);
      check.finite("image " + k, row);
      for (double v : row) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double span = hi > lo ? hi - lo : 1;
    BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        bi.setRGB(c, r, Colormap.GRAY.rgb((img[r][c] - lo) / span));
      }
    }
    return bi;
  }

  private static BufferedImage colours(int[][] m) {
    BufferedImage bi = new BufferedImage(m[0].length, m.length, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < m.length; r++) {
      for (int c = 0; c < m[0].length; c++) {
        bi.setRGB(c, r, classColor(m[r][c]).getRGB());
      }
    }
    return bi;
  }

  private static XYTextAnnotation text(String s, double x, double y, Color paint) {
    XYTextAnnotation t = new XYTextAnnotation(s, x, y);
    t.setFont(Theme.LEGEND_FONT);
    t.setPaint(paint);
    t.setTextAnchor(TextAnchor.CENTER);
    return t;
  }

  private static NumberAxis hidden(double lo, double hi) {
    NumberAxis axis = new NumberAxis();
    axis.setRange(lo, hi);
    axis.setVisible(false);
    return axis;
  }
}
