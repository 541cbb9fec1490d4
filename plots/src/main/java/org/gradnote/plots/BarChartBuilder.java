package org.gradnote.plots;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradnote.plots.internal.Check;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bar chart over named categories; several series give grouped bars. */
public final class BarChartBuilder extends ChartBuilder<BarChartBuilder> {

  private String[] categories;
  private final List<String> names = new ArrayList<>();
  private final List<double[]> values = new ArrayList<>();
  private boolean horizontal;

  BarChartBuilder() {
    super(Chart.DEFAULT_WIDTH, Chart.DEFAULT_HEIGHT);
  }

  /** Category names along the axis, in order. */
  public BarChartBuilder categories(String... categories) {
    this.categories = categories == null ? null : categories.clone();
    return this;
  }

  /** One value per category. */
  public BarChartBuilder series(String name, double[] values) {
    names.add(name);
    this.values.add(LineChartBuilder.copy(values));
    return this;
  }

  /** Draws bars left to right (useful for long category names). */
  public BarChartBuilder horizontal(boolean horizontal) {
    this.horizontal = horizontal;
    return this;
  }

  @Override
  String kind() {
    return "bar chart";
  }

  @Override
  JFreeChart createChart() {
    Check check = check();
    check.that(
        categories != null && categories.length > 0, "has no categories; call categories(...)");
    check.that(!values.isEmpty(), "has no series; add one with series(name, values)");
    Set<String> cats = new HashSet<>();
    for (String c : categories) {
      check.that(c != null && cats.add(c), "category '%s' is missing or repeated", c);
    }
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    Set<String> seen = new HashSet<>();
    for (int s = 0; s < values.size(); s++) {
      String name = names.get(s);
      double[] v = values.get(s);
      check.that(name != null && seen.add(name), "series name '%s' is missing or used twice", name);
      check.that(v != null, "series '%s' has no values", name);
      check.sameLength("series '" + name + "'", v.length, "categories", categories.length);
      check.finite("series '" + name + "'", v);
      for (int i = 0; i < v.length; i++) {
        ds.addValue(v[i], name, categories[i]);
      }
    }
    BarRenderer renderer = new BarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    renderer.setDrawBarOutline(false);
    for (int s = 0; s < values.size(); s++) {
      renderer.setSeriesPaint(s, Palette.color(s));
    }
    CategoryAxis catAxis = new CategoryAxis(xLabel);
    catAxis.setCategoryMargin(0.25);
    catAxis.setLowerMargin(0.03);
    catAxis.setUpperMargin(0.03);
    CategoryPlot plot = new CategoryPlot(ds, catAxis, new NumberAxis(yLabel), renderer);
    plot.setOrientation(horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL);
    return themed(plot, values.size() > 1);
  }
}
