package org.gradnote.plots.notebook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradnote.plots.Chart;
import org.gradnote.plots.LiveDisplay;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * What {@code %grid ARGS} runs, in the kernel and in exported notebooks: {@code gradnote grid ARGS} in its own process
 * (Spark never enters this JVM), its progress as a one-row table updated in place, then each metric's summary chart and
 * the summary table. In a script the progress shows once, final.
 */
public final class GridRun {
  private static final Pattern PROGRESS = Pattern.compile(
      "grid: (\\d+)/(\\d+) done, (\\d+) failed, (\\d+) running, (\\d+) left, (\\S+) elapsed, ETA (\\S+)");
  private static final Pattern RESULT = Pattern.compile("gradnote grid: .* -> (.*)results\\.csv");

  private GridRun() {}

  /**
   * Runs {@code gradnote grid args...} from the gradnote checkout (paths are relative to it, as on the command line),
   * showing its progress and then each metric's chart; returns the summary table, or throws naming the failure.
   */
  public static Table run(String... args) throws IOException, InterruptedException {
    Path launcher = launcher();
    List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "grid"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(launcher.getParent().toFile()).start();
    p.getOutputStream().close();
    LiveDisplay live = LiveDisplay.current();
    String id = live.show(progress("0", "?", "0", "0", "?", "0s", "?"));
    List<String> errors = new ArrayList<>();
    Thread stdout = new Thread("gradnote-grid-stdout") {
      @Override
      public void run() {
        try (BufferedReader r =
            new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            synchronized (errors) {
              errors.add(line);
            }
          }
        } catch (IOException e) {
          // the process ended
        }
      }
    };
    stdout.start();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        Matcher m = PROGRESS.matcher(line);
        if (m.find()) {
          live.update(
              id,
              progress(
                  m.group(1),
                  m.group(2),
                  m.group(3),
                  m.group(4),
                  m.group(5),
                  m.group(6),
                  m.group(7)));
        } else if (line.startsWith("grid: run ")
            || line.startsWith("gradnote grid: ")
            || line.startsWith("gradnote: ")) {
          System.out.println(line); // failed runs, exports, usage errors
        }
      }
    }
    int exit = p.waitFor();
    stdout.join();
    live.flush();
    Path out = null;
    synchronized (errors) {
      for (String line : errors) {
        Matcher m = RESULT.matcher(line);
        if (m.find()) out = Path.of(m.group(1).isEmpty() ? "." : m.group(1));
        System.out.println(line);
      }
    }
    if (out == null)
      throw new IllegalStateException(
          "gradnote grid failed (exit code " + exit + "); see its messages above");
    Path csv = launcher.getParent().resolve(out).resolve("summary.csv");
    Table summary = readSummary(csv);
    String title = launcher.getParent().resolve(out).getFileName().toString();
    for (Chart c : GridCharts.of(summary, title)) c.show();
    return summary;
  }

  /**
   * What {@code %grid ARGS} runs: {@link #run}, then the summary table shown (as HTML in the kernel, as text in a
   * script); returns nothing, so the kernel does not show the table a second time as the cell's value.
   */
  public static void show(String... args) throws IOException, InterruptedException {
    Table summary = run(args);
    LiveDisplay live = LiveDisplay.current();
    live.show(summary);
    live.flush();
  }

  /** {@code summary.csv} with its parameter columns as text and every statistic as a double. */
  static Table readSummary(Path csv) throws IOException {
    String header = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
    String[] names = header.split(",", -1);
    List<String> params =
        GridCharts.columns(Table.create("h", headerColumns(names))).get(0);
    ColumnType[] types = new ColumnType[names.length];
    for (int i = 0; i < names.length; i++)
      types[i] = params.contains(names[i]) ? ColumnType.STRING : ColumnType.DOUBLE;
    return Table.read()
        .usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(types).tableName("summary"));
  }

  private static tech.tablesaw.columns.Column<?>[] headerColumns(String[] names) {
    tech.tablesaw.columns.Column<?>[] cols = new tech.tablesaw.columns.Column<?>[names.length];
    for (int i = 0; i < names.length; i++)
      cols[i] = tech.tablesaw.api.StringColumn.create(names[i]);
    return cols;
  }

  private static Table progress(
      String done,
      String total,
      String failed,
      String running,
      String left,
      String elapsed,
      String eta) {
    return Table.create("grid")
        .addColumns(
            tech.tablesaw.api.StringColumn.create("done", List.of(done + "/" + total)),
            tech.tablesaw.api.StringColumn.create("failed", List.of(failed)),
            tech.tablesaw.api.StringColumn.create("running", List.of(running)),
            tech.tablesaw.api.StringColumn.create("left", List.of(left)),
            tech.tablesaw.api.StringColumn.create("elapsed", List.of(elapsed)),
            tech.tablesaw.api.StringColumn.create("ETA", List.of(eta)));
  }

  /** The {@code gradnote} launcher: {@code $GRADNOTE_HOME/gradnote}, else the nearest one above this directory. */
  static Path launcher() {
    String home = System.getenv("GRADNOTE_HOME");
    if (home != null && Files.isExecutable(Path.of(home, "gradnote")))
      return Path.of(home, "gradnote").toAbsolutePath();
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isExecutable(d.resolve("gradnote")) && Files.isDirectory(d.resolve("grid")))
        return d.resolve("gradnote");
    }
    throw new IllegalStateException(
        "%grid needs gradnote's launcher: set GRADNOTE_HOME to the gradnote checkout");
  }
}
