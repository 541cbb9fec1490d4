package org.gradnote.plots.internal;

import java.awt.Color;

/** Sequential colour maps (piecewise-linear between anchor colours) for heat maps, contours and images. */
public final class Colormap {

  /** matplotlib's viridis, sampled at 9 anchors: perceptually uniform and colour-blind safe. */
  public static final Colormap VIRIDIS = new Colormap(
      0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21918C, 0x28AE80, 0x5EC962, 0xADDC30, 0xFDE725);
  /** matplotlib's Blues: white to dark blue, the usual confusion-matrix scale. */
  public static final Colormap BLUES = new Colormap(
      0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6, 0x4292C6, 0x2171B5, 0x08519C, 0x08306B);
  /** Black to white. */
  public static final Colormap GRAY = new Colormap(0x000000, 0xFFFFFF);

  private final int[] anchors;

  private Colormap(int... anchors) {
    this.anchors = anchors;
  }

  /** Colour at {@code t} in [0, 1] (clamped; NaN maps to 0). */
  public Color at(double t) {
    return new Color(rgb(t));
  }

  /** Packed RGB at {@code t}, cheap enough for per-pixel use. */
  public int rgb(double t) {
    double c = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
    double pos = c * (anchors.length - 1);
    int i = Math.min((int) pos, anchors.length - 2);
    double f = pos - i;
    return mix(anchors[i], anchors[i + 1], f);
  }

  /** Blends {@code color} towards white; {@code amount} 0 keeps it, 1 gives white. */
  public static Color lighten(Color color, double amount) {
    return new Color(mix(color.getRGB() & 0xFFFFFF, 0xFFFFFF, amount));
  }

  /** Relative luminance in [0, 1], used to pick black or white text over a cell. */
  public static double luminance(Color c) {
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
  }

  private static int mix(int a, int b, double f) {
    int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
    int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
    int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    return (r << 16) | (g << 8) | bl;
  }
}
