package org.gradnote.grid;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gradnote.plots.Chart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import tech.tablesaw.api.Table;

/**
 * {@code summary.png}: one panel per metric, its mean against the first parameter with 95% interval bars, one line
 * per combination of the other parameters; panels stacked into one image. Each panel is a gradnote {@link Chart}.
 */
final class SummaryChart {
    private static final int WIDTH = 800, HEIGHT = 420;

    private SummaryChart() {}

    /** Writes the chart of {@code summary} to {@code file}; returns false when there is nothing to draw. */
    static boolean write(Table summary, List<String> paramNames, List<String> metrics, String title, Path file) throws IOException {
        List<Chart> panels = new ArrayList<>();
        for (String m : metrics) panels.add(panel(summary, paramNames, m, title));
        if (panels.isEmpty()) return false;
        BufferedImage all = new BufferedImage(WIDTH, HEIGHT * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < panels.size(); i++) g.drawImage(panels.get(i).image(WIDTH, HEIGHT, 1.0), 0, i * HEIGHT, null);
        g.dispose();
        ImageIO.write(all, "png", file.toFile());
        return true;
    }

    static Chart panel(Table summary, List<String> paramNames, String metric, String title) {
        String xName = paramNames.isEmpty() ? null : paramNames.get(0);
        List<String> xs = new ArrayList<>();
        if (xName != null) for (String v : summary.stringColumn(xName)) if (!xs.contains(v)) xs.add(v);
        boolean numeric = xName != null && xs.stream().allMatch(SummaryChart::isNumber);
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (int row = 0; row < summary.rowCount(); row++) {
            List<String> rest = new ArrayList<>();
            for (String p : paramNames.subList(Math.min(1, paramNames.size()), paramNames.size())) {
                rest.add(p + "=" + summary.stringColumn(p).get(row));
            }
            String key = rest.isEmpty() ? metric : String.join(", ", rest);
            YIntervalSeries s = series.computeIfAbsent(key, YIntervalSeries::new);
            double x = xName == null ? 0 : numeric ? Double.parseDouble(summary.stringColumn(xName).get(row))
                    : xs.indexOf(summary.stringColumn(xName).get(row));
            double mean = summary.doubleColumn(metric + "_mean").getDouble(row);
            if (Double.isNaN(mean)) continue;
            double lo = summary.doubleColumn(metric + "_ci95_low").getDouble(row), hi = summary.doubleColumn(metric + "_ci95_high").getDouble(row);
            s.add(x, mean, Double.isNaN(lo) ? mean : lo, Double.isNaN(hi) ? mean : hi);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        String xLabel = xName == null ? "" : numeric ? xName : xName + " (" + String.join(", ", xs) + ")";
        JFreeChart chart = ChartFactory.createXYLineChart(title + ": " + metric + " (mean, 95% interval)", xLabel, metric, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setCapLength(6);
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        if (numeric && spansDecades(xs)) {
            LogAxis log = new LogAxis(xName);
            log.setSmallestValue(1e-12);
            plot.setDomainAxis(log);
        } else {
            ((NumberAxis) plot.getDomainAxis()).setAutoRangeIncludesZero(false);
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        return Chart.of(chart);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean spansDecades(List<String> xs) {
        double min = Double.MAX_VALUE, max = 0;
        for (String s : xs) {
            double v = Double.parseDouble(s);
            if (v <= 0) return false;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max / min >= 100;
    }
}
