package org.gradnote.kernel.display;

import org.gradnote.kernel.api.Display;
import org.gradnote.plots.Chart;
import org.gradnote.plots.ChartSink;
import org.gradnote.plots.Plots;

/**
 * Makes {@code chart.show()} in a cell an inline display (instead of a file under {@code plots/}), and live outputs
 * ({@link org.gradnote.plots.LiveDisplay}) displays updated in place.
 */
public final class InlineChartSink implements ChartSink {

    @Override
    public void show(Chart chart) {
        Display.show(chart);
    }

    /** Installs the sink in this (evaluator) JVM; a no-op when the plots module is not on the class path. */
    public static void install() {
        try {
            Plots.setSink(new InlineChartSink());
            // Live outputs (LiveCurves' progress line and curves) become displays updated in place.
            org.gradnote.plots.LiveDisplay.setCurrent(new org.gradnote.plots.LiveDisplay() {
                @Override
                public String show(Object value) {
                    return Display.show(value);
                }

                @Override
                public void update(String id, Object value) {
                    Display.update(id, value);
                }
            });
        } catch (LinkageError e) {
            // No plots module: charts cannot be shown anyway.
        }
    }
}
