package org.gradnote.plots.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where {@link Notebook#metric} appends its values when a grid runs the notebook: one {@code name<TAB>value} line. */
final class Metrics {
  /** The environment variable naming the file; unset in a plain run, the kernel and replay. */
  static final String FILE_ENV = "GRADNOTE_METRICS_FILE";

  private Metrics() {}

  static synchronized void record(String name, double value) {
    String file = System.getenv(FILE_ENV);
    if (file == null || file.isEmpty()) return;
    // Appended and closed at each call: a run killed by its timeout still leaves the metrics it
    // recorded.
    try {
      Files.writeString(
          Path.of(file),
          name + "\t" + value + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Notebook.metric: cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
