/**
 * Charts for notebooks and scripts: a fluent layer over JFreeChart with matplotlib-like defaults.
 *
 * <p>Start from {@link org.gradnote.plots.Plots}, which has one factory per chart kind; every builder
 * ends in {@code build()}, giving a {@link org.gradnote.plots.Chart} that renders to PNG
 * ({@code png(w, h, scale)}), SVG ({@code svg(w, h)}) or a file ({@code save(path)}):
 *
 * <pre>{@code
 * Plots.line().title("Loss").x(epochs).series("train", train).series("dev", dev)
 *     .secondAxis("dev acc", acc).xLabel("epoch").build().show();
 * Plots.history(perEpochMetrics).title("MLP").show(); // keys like "train_loss", "dev_acc"
 * }</pre>
 *
 * <p><b>Display hook.</b> {@code Chart.show()} hands the chart to the current
 * {@link org.gradnote.plots.ChartSink}. Scripts keep the default {@link org.gradnote.plots.FileSink},
 * which writes {@code plots/01-loss.png}, {@code plots/02-...} under the working directory. A notebook
 * kernel calls {@code Plots.setSink(chart -> ...)} once to display charts inline instead; this module
 * has no dependency on the kernel.
 *
 * <p>All rendering is headless. Bad input fails in {@code build()} with an
 * {@link IllegalArgumentException} naming the chart, e.g.
 * {@code line chart 'Loss': series 'dev' has 99 values but x has 100}.
 */
package org.gradnote.plots;
