package org.gradnote.plots.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Draws an image stretched over a rectangle given in data coordinates. Used instead of one block per
 * grid cell so a 200x200 decision surface stays one embedded PNG in SVG output, not 40,000 rectangles.
 */
public final class RasterAnnotation extends AbstractXYAnnotation {

  private static final long serialVersionUID = 1L;

  private final transient BufferedImage image;
  private final double xMin;
  private final double xMax;
  private final double yMin;
  private final double yMax;

  /** The image is drawn upright: its first row at the top of the screen rectangle. */
  public RasterAnnotation(BufferedImage image, double xMin, double xMax, double yMin, double yMax) {
    this.image = image;
    this.xMin = xMin;
    this.xMax = xMax;
    this.yMin = yMin;
    this.yMax = yMax;
  }

  @Override
  public void draw(
      Graphics2D g2,
      XYPlot plot,
      Rectangle2D dataArea,
      ValueAxis domainAxis,
      ValueAxis rangeAxis,
      int rendererIndex,
      PlotRenderingInfo info) {
    double x0 = domainAxis.valueToJava2D(xMin, dataArea, plot.getDomainAxisEdge());
    double x1 = domainAxis.valueToJava2D(xMax, dataArea, plot.getDomainAxisEdge());
    double y0 = rangeAxis.valueToJava2D(yMin, dataArea, plot.getRangeAxisEdge());
    double y1 = rangeAxis.valueToJava2D(yMax, dataArea, plot.getRangeAxisEdge());
    double left = Math.min(x0, x1);
    double top = Math.min(y0, y1);
    AffineTransform at = AffineTransform.getTranslateInstance(left, top);
    at.scale(Math.abs(x1 - x0) / image.getWidth(), Math.abs(y1 - y0) / image.getHeight());
    Shape savedClip = g2.getClip();
    Object savedInterpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g2.clip(dataArea);
    // Nearest neighbour keeps class regions and 8x8 digit pixels crisp instead of blurred.
    g2.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g2.drawImage(image, at, null);
    if (savedInterpolation != null) {
      g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, savedInterpolation);
    }
    g2.setClip(savedClip);
  }

  /**
   * Upscales a small image by an integer factor (nearest neighbour) so that SVG viewers, which smooth
   * embedded images, still show sharp pixels.
   */
  public static BufferedImage crisp(BufferedImage src, int minSide) {
    int factor =
        Math.max(1, (int) Math.ceil((double) minSide / Math.min(src.getWidth(), src.getHeight())));
    if (factor == 1) {
      return src;
    }
    BufferedImage out =
        new BufferedImage(src.getWidth() * factor, src.getHeight() * factor, src.getType());
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, src.getRGB(x / factor, y / factor));
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return this
        == o; // identity: images have no cheap value equality and charts never compare these
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
