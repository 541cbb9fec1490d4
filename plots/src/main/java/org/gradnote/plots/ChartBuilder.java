package org.gradnote.plots;

import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Headless;
import org.gradnote.plots.internal.Theme;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;

/**
 * Options every chart builder shares (title, axis labels, size, legend); subclasses add the data.
 * Setters can be called in any order: data is only checked, and the chart only made, in {@link #build()}.
 *
 * @param <B> the concrete builder, so fluent calls keep their type
 */
public abstract class ChartBuilder<B extends ChartBuilder<B>> {

  static {
    Headless.ensure();
  }

  String title;
  String xLabel;
  String yLabel;
  int width;
  int height;
  Boolean legend; // null: shown when there is more than one named series

  ChartBuilder(int width, int height) {
    this.width = width;
    this.height = height;
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }

  /** Sets the chart title (also names the file the default sink writes). */
  public B title(String title) {
    this.title = title;
    return self();
  }

  /** Sets the x-axis label. */
  public B xLabel(String label) {
    this.xLabel = label;
    return self();
  }

  /** Sets the (left) y-axis label. */
  public B yLabel(String label) {
    this.yLabel = label;
    return self();
  }

  /** Sets the default render size in logical pixels. */
  public B size(int width, int height) {
    check().that(width > 0 && height > 0, "size must be positive, got %dx%d", width, height);
    this.width = width;
    this.height = height;
    return self();
  }

  /** Forces the legend on or off (by default it appears when there is more than one series). */
  public B legend(boolean show) {
    this.legend = show;
    return self();
  }

  /** Validates the data and makes the chart. */
  public final Chart build() {
    JFreeChart chart = createChart();
    return new Chart(chart, kind(), title, width, height);
  }

  /** Shortcut for {@code build().show()}. */
  public final void show() {
    build().show();
  }

  /** Kind used in error messages and file names, e.g. "line chart". */
  abstract String kind();

  /** Builds the themed JFreeChart; called by {@link #build()}. */
  abstract JFreeChart createChart();

  final Check check() {
    return new Check(kind(), title);
  }

  /** Wraps a plot in a themed chart; the legend is created only if wanted. */
  final JFreeChart themed(Plot plot, boolean legendByDefault) {
    boolean showLegend = legend != null ? legend : legendByDefault;
    String t = title == null || title.isBlank() ? null : title;
    JFreeChart chart = new JFreeChart(t, Theme.TITLE_FONT, plot, showLegend);
    return Theme.apply(chart);
  }
}
