package org.gradnote.plots;

import java.awt.Color;
import java.util.List;

/** The categorical colour palette shared by all charts: matplotlib's tab10, cycled for more series. */
public final class Palette {

  /** tab10 in matplotlib's order: blue, orange, green, red, purple, brown, pink, grey, olive, cyan. */
  public static final List<Color> TAB10 = List.of(
      new Color(0x1F77B4),
      new Color(0xFF7F0E),
      new Color(0x2CA02C),
      new Color(0xD62728),
      new Color(0x9467BD),
      new Color(0x8C564B),
      new Color(0xE377C2),
      new Color(0x7F7F7F),
      new Color(0xBCBD22),
      new Color(0x17BECF));

  private Palette() {}

  /** Colour of the {@code i}-th series (or class), wrapping around after ten. */
  public static Color color(int i) {
    return TAB10.get(Math.floorMod(i, TAB10.size()));
  }

  /** The same colour with {@code alpha} in [0, 1]. */
  public static Color withAlpha(Color c, double alpha) {
    int a = (int) Math.round(Math.max(0, Math.min(1, alpha)) * 255);
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
  }
}
