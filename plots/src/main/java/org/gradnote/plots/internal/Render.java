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
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
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

  /**
   * Returns a standalone SVG document (with XML declaration) of the chart. Its clip-path ids are derived from the
   * document itself rather than JFreeSVG's default (the clock): a re-executed notebook then stores the very same
   * SVG when its chart did not change, so git shows no diff, while two different charts inlined in one page still
   * get distinct ids.
   */
  public static String svg(JFreeChart chart, int width, int height) {
    checkSize(width, height);
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(IDS_PLACEHOLDER);
    chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
    String doc = g2.getSVGDocument();
    return doc.replace(IDS_PLACEHOLDER, "_" + contentHash(doc));
  }

  private static final String IDS_PLACEHOLDER = "gradnoteSvgIds";

  private static String contentHash(String doc) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void checkSize(int width, int height) {
    if (width <= 0 || height <= 0 || width > 20_000 || height > 20_000) {
      throw new IllegalArgumentException(
          "chart size must be between 1 and 20000 pixels per side, got " + width + "x" + height);
    }
  }
}
