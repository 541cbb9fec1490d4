package org.gradnote.plots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.gradnote.plots.internal.Headless;
import org.gradnote.plots.internal.Render;
import org.jfree.chart.JFreeChart;

/** A finished chart: renders to PNG/SVG bytes or files, or shows itself through the current {@link ChartSink}. */
public final class Chart {

  static {
    Headless.ensure();
  }

  /** Size used when none is given: wide enough for a legend, small enough for a notebook cell. */
  public static final int DEFAULT_WIDTH = 800;
  /** Height in pixels used when none is given. */
  public static final int DEFAULT_HEIGHT = 500;

  private final JFreeChart chart;
  private final String kind;
  private final String title;
  private int width;
  private int height;
  private boolean withSvg;

  Chart(JFreeChart chart, String kind, String title, int width, int height) {
    this.chart = Objects.requireNonNull(chart, "chart");
    this.kind = kind;
    this.title = title;
    size(width, height);
  }

  /** Wraps a hand-made JFreeChart so it can use the same rendering and {@code show()} path. */
  public static Chart of(JFreeChart chart) {
    String t = chart.getTitle() == null ? null : chart.getTitle().getText();
    return new Chart(chart, "chart", t, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /** The underlying JFreeChart, for anything this API does not cover. */
  public JFreeChart jfree() {
    return chart;
  }

  /** The title, or null for an untitled chart. */
  public String title() {
    return title;
  }

  /** What kind of chart this is, e.g. "line chart"; used for file names of untitled charts. */
  public String kind() {
    return kind;
  }

  /** Default width in logical pixels used by {@link #png()}, {@link #svg()}, {@link #save} and sinks. */
  public int width() {
    return width;
  }

  /** Default height in logical pixels. */
  public int height() {
    return height;
  }

  /** Changes the default size and returns this chart. */
  public Chart size(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "chart size must be positive, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    return this;
  }

  /**
   * Asks notebooks to show this chart as SVG too, beside the PNG they always get (sharp at any zoom, but several
   * times larger, and nbconvert's HTML export shows the SVG in place of the PNG); returns this chart.
   */
  public Chart withSvg() {
    this.withSvg = true;
    return this;
  }

  /** Whether {@link #withSvg()} was asked for this chart. */
  public boolean wantsSvg() {
    return withSvg;
  }

  /** PNG at the default size. */
  public byte[] png() {
    return png(width, height, 1);
  }

  /** PNG at the given size. */
  public byte[] png(int width, int height) {
    return png(width, height, 1);
  }

  /** PNG laid out at {@code width x height} and rasterised {@code scale} times larger (2 for HiDPI). */
  public byte[] png(int width, int height, double scale) {
    return Render.png(chart, width, height, scale);
  }

  /** The chart as an ARGB image, e.g. to compose several charts. */
  public BufferedImage image(int width, int height, double scale) {
    return Render.image(chart, width, height, scale);
  }

  /** A standalone SVG document at the default size. */
  public String svg() {
    return svg(width, height);
  }

  /** A standalone SVG document at the given size. */
  public String svg(int width, int height) {
    return Render.svg(chart, width, height);
  }

  /** Saves at the default size; the format follows the extension ({@code .png} or {@code .svg}). */
  public Path save(Path file) {
    return save(file, width, height);
  }

  /** Saves at the given size, creating parent directories; returns {@code file}. */
  public Path save(Path file, int width, int height) {
    String name =
        file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    byte[] bytes;
    if (name.endsWith(".png")) {
      bytes = png(width, height);
    } else if (name.endsWith(".svg")) {
      bytes = svg(width, height).getBytes(StandardCharsets.UTF_8);
    } else {
      throw new IllegalArgumentException(
          "cannot save chart to '" + file + "': unknown extension, use .png or .svg");
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save chart to '" + file + "'", e);
    }
    return file;
  }

  /**
   * Hands the chart to {@link Plots#sink()}: a file under {@code plots/} in scripts, inline output in
   * the kernel. Returns nothing on purpose, so a notebook cell ending in {@code chart.show()} does not
   * display the chart a second time as the cell's value.
   */
  public void show() {
    Plots.sink().show(this);
  }

  @Override
  public String toString() {
    return "Chart[" + kind + (title == null ? "" : " '" + title + "'") + ", " + width + "x" + height
        + "]";
  }
}
