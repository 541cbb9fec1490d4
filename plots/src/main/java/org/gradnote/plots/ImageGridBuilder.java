package org.gradnote.plots;

import java.awt.image.BufferedImage;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Colormap;
import org.gradnote.plots.internal.RasterAnnotation;
import org.gradnote.plots.internal.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Grid of grayscale images, e.g. 8x8 digits or learned convolution filters, with optional captions.
 * Each image is scaled to its own min..max unless a shared {@link #range} is set.
 */
public final class ImageGridBuilder extends ChartBuilder<ImageGridBuilder> {

  private static final int CELL = 110; // default pixels per grid cell
  private static final double PAD = 0.05; // gap around each image, in cells
  private static final double CAPTION = 0.2; // caption band above an image, in cells

  private final double[][][] images;
  private int columns;
  private String[] captions;
  private double[] range;
  private boolean inverted;

  ImageGridBuilder(double[][][] images) {
    super(0, 0); // sized from the grid shape unless size() is called
    this.images = images;
  }

  /** Images per row (default: about square, at most 10). */
  public ImageGridBuilder columns(int columns) {
    this.columns = columns;
    return this;
  }

  /** One caption per image, drawn above it (e.g. the label or prediction). */
  public ImageGridBuilder titles(String... captions) {
    this.captions = captions;
    return this;
  }

  /** Maps {@code min} to black and {@code max} to white for all images, so intensities compare. */
  public ImageGridBuilder range(double min, double max) {
    this.range = new double[] {min, max};
    return this;
  }

  /** Low values white and high values black, like ink on paper (matplotlib's gray_r). */
  public ImageGridBuilder inverted(boolean inverted) {
    this.inverted = inverted;
    return this;
  }

  @Override
  String kind() {
    return "image grid";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(images != null && images.length > 0, "has no images");
    check.that(columns >= 0, "columns must be positive, got %d", columns);
    if (captions != null) {
      check.sameLength("titles", captions.length, "images", images.length);
    }
    if (range != null) {
      check.range("intensity", range[0], range[1]);
    }
    int n = images.length;
    int cols = columns > 0 ? Math.min(columns, n) : Math.min(10, (int) Math.ceil(Math.sqrt(n)));
    int rows = (n + cols - 1) / cols;
    double cellH = 1 + (captions != null ? CAPTION : 0);

    XYPlot plot = new XYPlot(
        new XYSeriesCollection(),
        hiddenAxis(0, cols),
        hiddenAxis(0, rows * cellH),
        new XYLineAndShapeRenderer());
    plot.getRangeAxis().setInverted(true); // row 0 at the top
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    plot.setInsets(new RectangleInsets(0, 0, 0, 0));
    for (int k = 0; k < n; k++) {
      double[][] img = images[k];
      check.that(
          img != null && img.length > 0 && img[0] != null && img[0].length > 0,
          "image %d is empty",
          k);
      int h = img.length;
      int w = img[0].length;
      double x0 = k % cols;
      double y0 = (k / cols) * cellH + (captions != null ? CAPTION : 0);
      // Fit the image's aspect ratio into the (square) cell.
      double box = 1 - 2 * PAD;
      double iw = w >= h ? box : box * w / h;
      double ih = h >= w ? box : box * h / w;
      double left = x0 + (1 - iw) / 2;
      double top = y0 + (1 - ih) / 2;
      BufferedImage bi = RasterAnnotation.crisp(toImage(check, k, img), 96);
      plot.addAnnotation(new RasterAnnotation(bi, left, left + iw, top, top + ih));
      if (captions != null && captions[k] != null) {
        XYTextAnnotation t = new XYTextAnnotation(captions[k], x0 + 0.5, y0 - CAPTION * 0.35);
        t.setFont(Theme.LEGEND_FONT);
        t.setPaint(Theme.TEXT);
        t.setTextAnchor(TextAnchor.CENTER);
        plot.addAnnotation(t);
      }
    }
    if (width == 0) {
      boolean titled = title != null && !title.isBlank();
      width = cols * CELL + 16;
      height = (int) Math.round(rows * cellH * CELL) + 16 + (titled ? 32 : 0);
    }
    return themed(plot, false);
  }

  private BufferedImage toImage(Check check, int k, double[][] img) {
    int h = img.length;
    int w = img[0].length;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < h; r++) {
      check.that(
          img[r] != null && img[r].length == w,
          "image %d is ragged: row %d has %s values but row 0 has %d",
          k,
          r,
          img[r] == null ? "no" : String.valueOf(img[r].length),
          w);
      check.finite("image " + k + " row " + r, img[r]);
      for (double v : img[r]) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (range != null) {
      lo = range[0];
      hi = range[1];
    }
    double span = hi > lo ? hi - lo : 1; // a constant image shows as black rather than failing
    BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double t = (img[r][c] - lo) / span;
        bi.setRGB(c, r, Colormap.GRAY.rgb(inverted ? 1 - t : t));
      }
    }
    return bi;
  }

  private static NumberAxis hiddenAxis(double lo, double hi) {
    NumberAxis axis = new NumberAxis();
    axis.setRange(lo, hi);
    axis.setVisible(false);
    return axis;
  }
}
