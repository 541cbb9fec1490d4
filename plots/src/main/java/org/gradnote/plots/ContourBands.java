package org.gradnote.plots;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.gradnote.plots.internal.Colormap;
import org.gradnote.plots.internal.Theme;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The filled part of a contour plot: one colour per band between levels, and the matching colour bar. */
final class ContourBands {

  private ContourBands() {}

  /** One pixel per sample, coloured by the band (number of levels below the value); top row first. */
  static BufferedImage image(double[][] z, double[] lv) {
    int n = z.length;
    BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_ARGB);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = z[i][j];
        int band = 0;
        while (band < lv.length && v >= lv[band]) {
          band++;
        }
        int rgb = bandColor(band, lv.length).getRGB();
        img.setRGB(j, n - 1 - i, Double.isNaN(v) ? 0 : rgb);
      }
    }
    return img;
  }

  /** A vertical colour bar on the right whose steps match the filled bands. */
  static PaintScaleLegend colorBar(double lo, double hi, double[] lv) {
    LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.WHITE);
    scale.add(lo, bandColor(0, lv.length));
    for (int k = 0; k < lv.length; k++) {
      scale.add(lv[k], bandColor(k + 1, lv.length));
    }
    NumberAxis axis = new NumberAxis();
    axis.setRange(lo, hi);
    axis.setTickLabelFont(Theme.TICK_FONT);
    axis.setTickLabelPaint(Theme.TEXT);
    axis.setAxisLinePaint(Theme.AXIS);
    axis.setTickLabelInsets(new RectangleInsets(9, 4, 9, 4)); // sparser ticks, as on the main axes
    PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
    bar.setPosition(RectangleEdge.RIGHT);
    bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    bar.setStripWidth(14);
    bar.setStripOutlineVisible(false);
    bar.setSubdivisionCount(512);
    bar.setMargin(new RectangleInsets(24, 10, 40, 0));
    bar.setBackgroundPaint(Color.WHITE);
    return bar;
  }

  private static Color bandColor(int band, int levelCount) {
    // Lightened viridis keeps the saturated palette colours of the paths readable on top.
    return Colormap.lighten(Colormap.VIRIDIS.at((double) band / levelCount), 0.45);
  }
}
