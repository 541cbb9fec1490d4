package org.gradnote.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.plots.Chart;
import org.gradnote.plots.notebook.GridCharts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** The summary charts, from the README's committed grid of lab 13 (what %grid shows and summary.png stacks). */
class GridChartsTest {
    private static final Path SUMMARY = Path.of("examples/13-mlp-grid/summary.csv");

    @TempDir
    Path tmp;

    @Test
    void oneChartPerMetricWithALinePerWidthAndIntervals() throws Exception {
        Table summary = Table.read().usingOptions(CsvReadOptions.builder(SUMMARY.toFile()));
        assertEquals(
                List.of(List.of("LR", "HIDDEN"), List.of("train_loss", "dev_loss", "dev_accuracy")),
                GridCharts.columns(summary));
        List<Chart> charts = GridCharts.of(summary, "Nb13MlpGrid");
        assertEquals(3, charts.size());
        var data = charts.get(2).jfree().getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount()); // HIDDEN=2 and HIDDEN=32
        assertEquals("HIDDEN=2", data.getSeriesKey(0).toString());
        assertEquals(3, data.getItemCount(0)); // LR = 0.001, 0.01, 0.1
        var intervals = (org.jfree.data.xy.YIntervalSeriesCollection) data;
        assertEquals(summary.numberColumn("dev_accuracy_mean").getDouble(0), intervals.getYValue(0, 0), 0);
        assertEquals(summary.numberColumn("dev_accuracy_ci95_high").getDouble(0), intervals.getEndYValue(0, 0), 0);
        assertTrue(
                charts.get(0).jfree().getXYPlot().getDomainAxis() instanceof org.jfree.chart.axis.LogAxis,
                "LR spans decades");
        Path png = tmp.resolve("s.png");
        assertTrue(GridCharts.write(summary, "Nb13MlpGrid", png));
        assertTrue(Files.size(png) > 20_000);
    }
}
