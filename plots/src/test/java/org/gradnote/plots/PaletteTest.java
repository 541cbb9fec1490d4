package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {

  @Test
  void tab10InMatplotlibOrderAndWraps() {
    assertEquals(10, Palette.TAB10.size());
    assertEquals(new Color(0x1F77B4), Palette.color(0));
    assertEquals(new Color(0xFF7F0E), Palette.color(1));
    assertEquals(Palette.color(0), Palette.color(10));
    assertEquals(Palette.color(9), Palette.color(-1));
  }

  @Test
  void alphaIsClamped() {
    assertEquals(128, Palette.withAlpha(Color.RED, 0.5).getAlpha());
    assertEquals(255, Palette.withAlpha(Color.RED, 7).getAlpha());
    assertEquals(0, Palette.withAlpha(Color.RED, -1).getAlpha());
  }
}
