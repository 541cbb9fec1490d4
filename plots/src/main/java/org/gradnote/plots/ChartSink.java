package org.gradnote.plots;

/**
 * Where {@link Chart#show()} sends a chart. The default ({@link FileSink}) writes files under
 * {@code plots/}; a notebook kernel installs its own with {@link Plots#setSink(ChartSink)} to display
 * charts inline, e.g. {@code Plots.setSink(chart -> display(chart.png()))}.
 */
@FunctionalInterface
public interface ChartSink {

  /** Displays, stores or otherwise publishes the chart; called once per {@code show()}. */
  void show(Chart chart);
}
