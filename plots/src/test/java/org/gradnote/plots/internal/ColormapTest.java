package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ColormapTest {

  @Test
  void endpointsClampAndInterpolate() {
    assertEquals(new Color(0x440154), Colormap.VIRIDIS.at(0));
    assertEquals(new Color(0xFDE725), Colormap.VIRIDIS.at(1));
    assertEquals(Colormap.VIRIDIS.at(1), Colormap.VIRIDIS.at(5));
    assertEquals(Colormap.VIRIDIS.at(0), Colormap.VIRIDIS.at(Double.NaN));
    assertEquals(new Color(128, 128, 128), Colormap.GRAY.at(0.5));
  }

  @Test
  void lightenAndLuminance() {
    assertEquals(Color.WHITE, Colormap.lighten(Color.BLACK, 1));
    assertEquals(new Color(128, 128, 128), Colormap.lighten(Color.BLACK, 0.5));
    assertTrue(Colormap.luminance(Colormap.BLUES.at(1)) < 0.5);
    assertTrue(Colormap.luminance(Colormap.BLUES.at(0)) > 0.5);
  }
}
