package org.gradnote.kernel.display;

import org.gradnote.plots.Chart;
import org.gradnote.plots.notebook.Notebook;
import org.jfree.chart.JFreeChart;

import java.util.Optional;

/**
 * Shows a gradnote {@link Chart}, a raw {@link JFreeChart} or a training History (its curves) as PNG (for every front
 * end) plus SVG (sharp when zoomed); which values are charts is {@link Notebook#asChart}'s rule, shared with export.
 */
public final class ChartRenderer implements Renderer {

    @Override
    public Optional<MimeBundle> render(Object value) {
        Chart chart = Notebook.asChart(value);
        if (chart == null) return Optional.empty();
        return Optional.of(MimeBundle.text(chart.toString()).withPng(chart.png()).with("image/svg+xml", chart.svg()));
    }

    @Override
    public int priority() {
        return 10;
    }
}
