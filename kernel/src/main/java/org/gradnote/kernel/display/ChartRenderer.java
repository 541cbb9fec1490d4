package org.gradnote.kernel.display;

import java.util.Optional;
import org.gradnote.plots.Chart;
import org.gradnote.plots.notebook.Notebook;
import org.jfree.chart.JFreeChart;

/**
 * Shows a gradnote {@link Chart}, a raw {@link JFreeChart} or a training History (its curves) as a PNG rasterised at
 * twice its size (sharp on HiDPI screens, shown at its logical size through the bundle's width/height metadata) plus
 * {@code text/plain}. SVG is added only on request ({@link Chart#withSvg()}, {@link #svgByDefault(boolean)} or the
 * evaluator JVM property {@code gradnote.chartSvg=true}): nbconvert's HTML export prefers SVG to PNG and Debian's
 * 6.5 strips inline SVG down to its text, and stored SVG made up most of a notebook's size and of its git churn.
 * Which values are charts is {@link Notebook#asChart}'s rule, shared with export.
 */
public final class ChartRenderer implements Renderer {
    /** Pixels per logical pixel of the PNG, as matplotlib's "retina" format. */
    static final int PNG_SCALE = 2;

    private static volatile boolean svgByDefault = Boolean.getBoolean("gradnote.chartSvg");

    @Override
    public Optional<MimeBundle> render(Object value) {
        Chart chart = Notebook.asChart(value);
        if (chart == null) return Optional.empty();
        int w = chart.width(), h = chart.height();
        MimeBundle bundle = MimeBundle.text(chart.toString())
                .withPng(chart.png(w, h, PNG_SCALE))
                .withImageSize("image/png", w, h);
        if (chart.wantsSvg() || svgByDefault) bundle.with("image/svg+xml", chart.svg(w, h));
        return Optional.of(bundle);
    }

    /** Whether every chart shown from now on also carries SVG (the session-wide form of {@link Chart#withSvg()}). */
    public static void svgByDefault(boolean on) {
        svgByDefault = on;
    }

    /** Whether charts carry SVG unless asked per chart. */
    public static boolean svgByDefault() {
        return svgByDefault;
    }

    @Override
    public int priority() {
        return 10;
    }
}
