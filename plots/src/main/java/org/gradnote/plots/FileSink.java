package org.gradnote.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gradnote.plots.internal.Slug;

/**
 * The default {@link ChartSink} for scripts: saves each shown chart as {@code plots/NN-<title>.png}
 * under the working directory. The running number keeps files in script order and makes names stable
 * from one run to the next, so re-running a script overwrites its previous plots instead of piling up.
 */
public final class FileSink implements ChartSink {

  private final Path directory;
  private final String format;
  private final boolean announce;
  private final List<Path> saved = new ArrayList<>();

  /** Saves PNGs under {@code ./plots} and prints one line per saved file. */
  public FileSink() {
    this(Path.of("plots"), "png", true);
  }

  /**
   * @param directory where files go (created on demand)
   * @param format "png" or "svg"
   * @param announce whether to print "Saved plot: path" to standard output after each save
   */
  public FileSink(Path directory, String format, boolean announce) {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("png") && !f.equals("svg")) {
      throw new IllegalArgumentException(
          "file sink format must be png or svg, got '" + format + "'");
    }
    this.directory = directory;
    this.format = f;
    this.announce = announce;
  }

  @Override
  public synchronized void show(Chart chart) {
    String base = Slug.of(chart.title(), Slug.of(chart.kind(), "chart"));
    Path file =
        directory.resolve(String.format(Locale.ROOT, "%02d-%s.%s", saved.size() + 1, base, format));
    chart.save(file);
    saved.add(file);
    if (announce) {
      System.out.println("Saved plot: " + file);
    }
  }

  /** The directory files are written to. */
  public Path directory() {
    return directory;
  }

  /** Files written so far, in order. */
  public synchronized List<Path> saved() {
    return List.copyOf(saved);
  }
}
