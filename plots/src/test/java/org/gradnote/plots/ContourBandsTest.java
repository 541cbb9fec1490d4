package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import org.jfree.chart.renderer.LookupPaintScale;
import org.junit.jupiter.api.Test;

class ContourBandsTest {

  @Test
  void bandsCountLevelsBelowAndPutTheLastRowOnTop() {
    // z rows are bottom-up (y ascending); the image must be top-down.
    double[][] z = {{0, 0}, {5, Double.NaN}};
    BufferedImage img = ContourBands.image(z, new double[] {1, 2});
    assertEquals(img.getRGB(0, 1), img.getRGB(1, 1), "bottom row: both in band 0");
    assertNotEquals(img.getRGB(0, 1), img.getRGB(0, 0), "top-left is in the top band");
    assertEquals(0, img.getRGB(1, 0) >>> 24, "NaN is transparent");
  }

  @Test
  void colourBarMatchesBands() {
    double[] levels = {1, 2};
    LookupPaintScale scale =
        (LookupPaintScale) ContourBands.colorBar(0, 3, levels).getScale();
    BufferedImage img = ContourBands.image(new double[][] {{0.5, 1.5}, {2.5, 2.5}}, levels);
    assertEquals(img.getRGB(0, 1), ((java.awt.Color) scale.getPaint(0.5)).getRGB());
    assertEquals(img.getRGB(1, 1), ((java.awt.Color) scale.getPaint(1.5)).getRGB());
    assertEquals(img.getRGB(0, 0), ((java.awt.Color) scale.getPaint(2.5)).getRGB());
  }
}
