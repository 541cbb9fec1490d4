package org.gradnote.plots.notebook;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradnote.plots.Chart;
import org.gradnote.plots.Plots;

/**
 * Runs an exported notebook step by step for {@code gradnote replay}, in its own JVM: each step's stdout, stderr,
 * shown values and exception are captured separately and written as JSON; a step over its timeout ends the run.
 * Usage: {@code StepCapture CLASS OUT.json DEFAULT_TIMEOUT_MS [--name=value...]}.
 */
public final class StepCapture {
  private StepCapture() {}

  /**
   * Runs an exported notebook class and writes each step's captured output for replay: arguments class, output file,
   * default timeout, then parameters.
   */
  public static void main(String[] args) throws Exception {
    Class<?> notebook = Class.forName(args[0]);
    Path out = Path.of(args[1]);
    long defaultTimeout = Long.parseLong(args[2]);
    Parameters.apply(notebook, Arrays.asList(args).subList(3, args.length));
    PrintStream realOut = System.out, realErr = System.err;
    List<StepRecord> records = new ArrayList<>();
    for (NotebookStep step : NotebookRun.steps(notebook)) {
      StepRecord record = new StepRecord(step.cellId());
      records.add(record);
      long timeout = step.timeoutMillis() > 0 ? step.timeoutMillis() : defaultTimeout;
      boolean finished = run(step, record, timeout);
      System.setOut(realOut);
      System.setErr(realErr);
      if (!finished) {
        write(out, records);
        Runtime.getRuntime().halt(3); // the step's thread cannot be stopped safely: end the JVM
      }
    }
    write(out, records);
    System.exit(0);
  }

  private static boolean run(NotebookStep step, StepRecord record, long timeoutMillis)
      throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8),
        e = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setOut(o);
    System.setErr(e);
    Notebook.setDisplayer(value -> {
      Chart chart = Notebook.asChart(value);
      if (chart != null) image(record, chart);
      else record.text(Texts.of(value));
    });
    Plots.setSink(chart -> image(record, chart));
    Thread worker = new Thread(
        () -> {
          try {
            step.body().run();
          } catch (Throwable t) {
            record.exception = t.getClass().getName();
            record.message = t.getMessage();
            t.printStackTrace(e);
          }
        },
        "cell-" + step.cellId());
    worker.setDaemon(true);
    long start = System.nanoTime();
    worker.start();
    worker.join(timeoutMillis);
    record.millis = (System.nanoTime() - start) / 1_000_000;
    o.flush();
    e.flush();
    record.stdout = out.toString(StandardCharsets.UTF_8);
    record.stderr = err.toString(StandardCharsets.UTF_8);
    if (worker.isAlive()) {
      record.timedOut = true;
      return false;
    }
    return true;
  }

  private static void image(StepRecord record, Chart chart) {
    BufferedImage img = chart.image(chart.width(), chart.height(), 1);
    record.image(img.getWidth(), img.getHeight(), isBlank(img));
  }

  /** True when every pixel has the same colour (nothing was drawn). */
  static boolean isBlank(BufferedImage img) {
    int first = img.getRGB(0, 0);
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) if (img.getRGB(x, y) != first) return false;
    }
    return true;
  }

  private static void write(Path out, List<StepRecord> records) throws java.io.IOException {
    List<String> json = records.stream().map(StepRecord::toJson).toList();
    Files.writeString(out, "[" + String.join(",\n", json) + "]\n", StandardCharsets.UTF_8);
  }
}
