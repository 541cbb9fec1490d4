package org.gradnote.plots.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The house look applied to every chart: white background, light grid, anti-aliasing, readable fonts. */
public final class Theme {

  /** The chart title's font. */
  public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
  /** The axis labels' font. */
  public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  /** The tick labels' font. */
  public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  /** The legend's font. */
  public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  /** The font of numbers drawn in cells (confusion matrices). */
  public static final Font CELL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

  /** The colour of titles and labels. */
  public static final Color TEXT = new Color(0x22, 0x22, 0x22);
  /** The colour of axis lines and ticks. */
  public static final Color AXIS = new Color(0x99, 0x99, 0x99);
  /** The colour of grid lines. */
  public static final Color GRID = new Color(0xE3, 0xE3, 0xE3);

  /** Data lines: 2 px with round joins reads well at 800x500 and survives HiDPI downscaling. */
  public static final Stroke LINE =
      new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  /** The stroke of dashed reference lines (e.g. a ROC curve's diagonal). */
  public static final Stroke DASHED = new BasicStroke(
      2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 4f}, 0f);

  private static final double TICK_PAD = 9;
  private static final Stroke GRID_STROKE = new BasicStroke(0.8f);

  private Theme() {}

  /** Styles the chart, its titles, legend, plot and all axes in place and returns it. */
  public static JFreeChart apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    chart
        .getRenderingHints()
        .put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setFont(TITLE_FONT);
      title.setPaint(TEXT);
      title.setMargin(2, 0, 8, 0);
    }
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      Title t = chart.getSubtitle(i);
      if (t instanceof LegendTitle legend) {
        legend.setItemFont(LEGEND_FONT);
        legend.setItemPaint(TEXT);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(null);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setMargin(8, 0, 0, 0);
      }
    }
    style(chart.getPlot());
    return chart;
  }

  private static void style(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(GRID_STROKE);
      xy.setRangeGridlineStroke(GRID_STROKE);
      xy.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
      for (int i = 0; i < xy.getDomainAxisCount(); i++) {
        axis(xy.getDomainAxis(i));
      }
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        axis(xy.getRangeAxis(i));
      }
    } else if (plot instanceof CategoryPlot cat) {
      cat.setRangeGridlinePaint(GRID);
      cat.setRangeGridlineStroke(GRID_STROKE);
      cat.setAxisOffset(new RectangleInsets(2, 2, 2, 2));
      for (int i = 0; i < cat.getDomainAxisCount(); i++) {
        axis(cat.getDomainAxis(i));
      }
      for (int i = 0; i < cat.getRangeAxisCount(); i++) {
        axis(cat.getRangeAxis(i));
      }
    }
  }

  private static void axis(Axis axis) {
    if (axis == null) {
      return;
    }
    axis.setLabelFont(LABEL_FONT);
    axis.setLabelPaint(TEXT);
    axis.setTickLabelFont(TICK_FONT);
    axis.setTickLabelPaint(TEXT);
    axis.setAxisLinePaint(AXIS);
    axis.setTickMarkPaint(AXIS);
    if (axis instanceof ValueAxis) {
      // JFreeChart packs ticks as densely as labels fit; the padding counts towards each label's
      // size, so this brings a 400 px axis down from ~20 ticks to the 6-10 that matplotlib shows.
      axis.setTickLabelInsets(new RectangleInsets(TICK_PAD, TICK_PAD + 2, TICK_PAD, TICK_PAD + 2));
    }
  }
}
