package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageGridBuilderTest {

  /** n images of 8x8: left half 0 (black), right half 16 (white), like a digit stroke. */
  private static double[][][] halves(int n) {
    double[][][] imgs = new double[n][8][8];
    for (int k = 0; k < n; k++) {
      for (int r = 0; r < 8; r++) {
        for (int c = 4; c < 8; c++) {
          imgs[k][r][c] = 16;
        }
      }
    }
    return imgs;
  }

  @Test
  void gridWithTitlesShowsBlackPixels() {
    String[] titles = {"0", "1", "2", "3", "4"};
    Chart c = Plots.images(halves(5)).columns(3).titles(titles).title("Digits").build();
    assertEquals(3 * 110 + 16, c.width(), "width follows the column count");
    BufferedImage img = Pixels.decode(c.png(), c.width(), c.height());
    assertTrue(c.height() > 2 * 110, "two rows plus captions");
    int black = Pixels.count(img, Color.BLACK, 5);
    // 5 images, each half black over a ~99x99 px box: well over 5 * 3000 black pixels.
    assertTrue(black > 5 * 3000, "black halves drawn: " + black);
    String svg = c.svg();
    assertEquals(5, Pixels.countElements(Pixels.parseSvg(svg), "image"));
    assertTrue(svg.contains(">4<"), "caption of the last image");
  }

  @Test
  void invertedAndSharedRange() {
    Chart c = Plots.images(halves(1)).inverted(true).range(0, 32).build();
    BufferedImage img = Pixels.decode(c.png(), c.width(), c.height());
    // 0 -> white after inversion, 16 of [0, 32] -> mid grey.
    Pixels.assertHasColor(img, new Color(128, 128, 128), 2_000, "mid grey half");
    assertEquals(0, Pixels.count(img, Color.BLACK, 5));
  }

  @Test
  void badInput() {
    double[][][] ragged = {{{1, 2}, {3}}};
    LineChartBuilderTest.assertMessage(
        "image grid 'I': image 0 is ragged: row 1 has 1 values but row 0 has 2",
        Plots.images(ragged).title("I"));
    LineChartBuilderTest.assertMessage(
        "image grid 'I': titles has 1 values but images has 2",
        Plots.images(halves(2)).title("I").titles("a"));
    LineChartBuilderTest.assertMessage(
        "image grid 'I': has no images", Plots.images(new double[0][][]).title("I"));
  }
}
