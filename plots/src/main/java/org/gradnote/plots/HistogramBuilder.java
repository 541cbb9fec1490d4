package org.gradnote.plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradnote.plots.internal.Check;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.statistics.HistogramType;

/** Histogram of one or more samples over shared bins; several series are overlaid semi-transparently. */
public final class HistogramBuilder extends ChartBuilder<HistogramBuilder> {

  private final List<String> names = new ArrayList<>();
  private final List<double[]> samples = new ArrayList<>();
  private int bins; // 0: chosen from the sample size
  private double[] range;
  private boolean density;
  private double alpha = Double.NaN;

  HistogramBuilder() {
    super(Chart.DEFAULT_WIDTH, Chart.DEFAULT_HEIGHT);
  }

  /** Adds a sample; every series is counted in the same bins so they compare directly. */
  public HistogramBuilder series(String name, double[] values) {
    names.add(name);
    samples.add(LineChartBuilder.copy(values));
    return this;
  }

  /** Number of bins (default: Sturges' rule on the largest sample, at least 10). */
  public HistogramBuilder bins(int bins) {
    this.bins = bins;
    return this;
  }

  /** Bins span [min, max]; values outside are left out (default: the data's extent). */
  public HistogramBuilder range(double min, double max) {
    this.range = new double[] {min, max};
    return this;
  }

  /** Scales bars so each series' area is 1, making samples of different sizes comparable. */
  public HistogramBuilder density(boolean density) {
    this.density = density;
    return this;
  }

  /** Bar opacity in [0, 1] (default 0.85 for one series, 0.5 when overlaid). */
  public HistogramBuilder alpha(double alpha) {
    this.alpha = alpha;
    return this;
  }

  @Override
  String kind() {
    return "histogram";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(!samples.isEmpty(), "has no series; add one with series(name, values)");
    Set<String> seen = new HashSet<>();
    int largest = 0;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < samples.size(); s++) {
      String name = names.get(s);
      check.that(name != null && seen.add(name), "series name '%s' is missing or used twice", name);
      double[] v = samples.get(s);
      check.nonEmpty("series '" + name + "'", v);
      check.finite("series '" + name + "'", v);
      largest = Math.max(largest, v.length);
      for (double d : v) {
        lo = Math.min(lo, d);
        hi = Math.max(hi, d);
      }
    }
    if (range != null) {
      check.range("histogram", range[0], range[1]);
      lo = range[0];
      hi = range[1];
    } else if (lo == hi) {
      lo -= 0.5; // a constant sample still gets a visible bar
      hi += 0.5;
    }
    int n = bins > 0 ? bins : Math.max(10, (int) Math.ceil(Math.log(largest) / Math.log(2)) + 1);
    check.that(bins >= 0 && n <= 10_000, "bins must be in [1, 10000], got %d", bins);
    double a = Double.isNaN(alpha) ? (samples.size() > 1 ? 0.5 : 0.85) : alpha;
    check.that(a >= 0 && a <= 1, "alpha must be in [0, 1], got %s", a);

    HistogramDataset ds = new HistogramDataset();
    ds.setType(density ? HistogramType.SCALE_AREA_TO_1 : HistogramType.FREQUENCY);
    final double min = lo;
    final double max = hi;
    for (int s = 0; s < samples.size(); s++) {
      // HistogramDataset clamps outliers into the edge bins; numpy drops them, and so do we.
      double[] inside =
          Arrays.stream(samples.get(s)).filter(d -> d >= min && d <= max).toArray();
      ds.addSeries(names.get(s), inside, n, min, max);
    }
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setBarPainter(new StandardXYBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(samples.size() == 1); // white gaps separate bars of a single series
    renderer.setDefaultOutlinePaint(Color.WHITE);
    renderer.setDefaultOutlineStroke(new BasicStroke(0.6f));
    for (int s = 0; s < samples.size(); s++) {
      renderer.setSeriesPaint(s, Palette.withAlpha(Palette.color(s), a));
    }
    NumberAxis yAxis = new NumberAxis(yLabel != null ? yLabel : density ? "density" : "count");
    XYPlot plot = new XYPlot(ds, XYLines.numberAxis(xLabel), yAxis, renderer);
    plot.setDomainGridlinesVisible(false);
    return themed(plot, samples.size() > 1);
  }
}
