package org.gradnote.plots;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;

/** Line chart over calendar dates, e.g. predicted vs actual temperature per day. */
public final class TimeSeriesBuilder extends ChartBuilder<TimeSeriesBuilder> {

  private double[] dates;
  private final List<SeriesSpec> series = new ArrayList<>();
  private String y2Label;
  private boolean markers;

  TimeSeriesBuilder() {
    super(Chart.DEFAULT_WIDTH, Chart.DEFAULT_HEIGHT);
  }

  /** Shared dates for every {@link #series(String, double[])}. */
  public TimeSeriesBuilder dates(LocalDate[] dates) {
    this.dates = millis(dates);
    return this;
  }

  /** Adds a curve over the shared dates; NaN values leave a gap. */
  public TimeSeriesBuilder series(String name, double[] values) {
    series.add(new SeriesSpec(name, null, LineChartBuilder.copy(values), false, null));
    return this;
  }

  /** Adds a curve with its own dates (e.g. a forecast covering only the last weeks). */
  public TimeSeriesBuilder series(String name, LocalDate[] dates, double[] values) {
    series.add(new SeriesSpec(name, millis(dates), LineChartBuilder.copy(values), false, null));
    return this;
  }

  /** Adds a dashed curve on a second y-axis on the right, over the shared dates. */
  public TimeSeriesBuilder secondAxis(String name, double[] values) {
    series.add(new SeriesSpec(name, null, LineChartBuilder.copy(values), true, null));
    return this;
  }

  /** Label of the right axis. */
  public TimeSeriesBuilder y2Label(String label) {
    this.y2Label = label;
    return this;
  }

  /** Draws a dot at every point as well as the line. */
  public TimeSeriesBuilder markers(boolean markers) {
    this.markers = markers;
    return this;
  }

  @Override
  String kind() {
    return "time series";
  }

  @Override
  JFreeChart createChart() {
    check()
        .that(
            dates != null || series.stream().allMatch(s -> s.x() != null),
            "has no dates; call dates(LocalDate[]) or series(name, dates, values)");
    DateAxis axis = new DateAxis(xLabel);
    // Dates are placed at UTC midnight; formatting in UTC keeps ticks on the right day everywhere.
    axis.setTimeZone(TimeZone.getTimeZone(ZoneOffset.UTC));
    axis.setLowerMargin(0.01);
    axis.setUpperMargin(0.01);
    XYPlot plot = XYLines.plot(check(), axis, dates, series, yLabel, y2Label, markers, false);
    return themed(plot, series.size() > 1);
  }

  private double[] millis(LocalDate[] dates) {
    if (dates == null) {
      return null;
    }
    double[] ms = new double[dates.length];
    for (int i = 0; i < dates.length; i++) {
      check().that(dates[i] != null, "date at index %d is null", i);
      ms[i] = dates[i].atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
    return ms;
  }
}
