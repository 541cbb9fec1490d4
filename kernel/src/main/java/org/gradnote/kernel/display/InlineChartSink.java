package org.gradnote.kernel.display;

import org.gradnote.kernel.api.Display;
import org.gradnote.plots.Chart;
import org.gradnote.plots.ChartSink;
import org.gradnote.plots.Plots;

/** Makes {@code chart.show()} in a cell an inline display (instead of a file under {@code plots/}). */
public final class InlineChartSink implements ChartSink {

    @Override
    public void show(Chart chart) {
        Display.show(chart);
    }

    /** Installs the sink in this (evaluator) JVM; a no-op when the plots module is not on the class path. */
    public static void install() {
        try {
            Plots.setSink(new InlineChartSink());
        } catch (LinkageError e) {
            // No plots module: charts cannot be shown anyway.
        }
    }
}
