package org.gradnote.kernel.display;

import org.gradnote.plots.Chart;
import org.jfree.chart.JFreeChart;

import java.util.Optional;

/** Shows a gradnote {@link Chart} or a raw {@link JFreeChart} as PNG (for every front end) plus SVG (sharp when zoomed). */
public final class ChartRenderer implements Renderer {

    @Override
    public Optional<MimeBundle> render(Object value) {
        Chart chart = value instanceof Chart c ? c : value instanceof JFreeChart j ? Chart.of(j) : null;
        if (chart == null) return Optional.empty();
        return Optional.of(MimeBundle.text(chart.toString()).withPng(chart.png()).with("image/svg+xml", chart.svg()));
    }

    @Override
    public int priority() {
        return 10;
    }
}
