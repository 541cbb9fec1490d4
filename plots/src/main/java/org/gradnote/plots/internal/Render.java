package org.gradnote.plots.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Draws a JFreeChart into raster images, PNG bytes or an SVG document. */
public final class Render {

  static {
    Headless.ensure();
  }

  private Render() {}

  /**
   * Renders at {@code width x height} logical pixels times {@code scale}: the layout (fonts, strokes)
   * is computed at logical size so a scale-2 image is the same chart, twice as sharp, for HiDPI screens.
   */
  public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
    checkSize(width, height);
    if (!(scale > 0) || Double.isInfinite(scale) || scale > 16) {
      throw new IllegalArgumentException("scale must be in (0, 16], got " + scale);
    }
    int pw = Math.max(1, (int) Math.round(width * scale));
    int ph = Math.max(1, (int) Math.round(height * scale));
    BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g2.scale(scale, scale);
      chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      g2.dispose();
    }
    return image;
  }

  /** Encodes {@link #image} as PNG. */
  public static byte[] png(JFreeChart chart, int width, int height, double scale) {
    BufferedImage image = image(chart, width, height, scale);
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer available in this JVM");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory stream: only a broken ImageIO gets here
    }
    return out.toByteArray();
  }

  /** Returns a standalone SVG document (with XML declaration) of the chart. */
  public static String svg(JFreeChart chart, int width, int height) {
    checkSize(width, height);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    return g2.getSVGDocument();
  }

  private static void checkSize(int width, int height) {
    if (width <= 0 || height <= 0 || width > 20_000 || height > 20_000) {
      throw new IllegalArgumentException(
          "chart size must be between 1 and 20000 pixels per side, got " + width + "x" + height);
    }
  }
}
