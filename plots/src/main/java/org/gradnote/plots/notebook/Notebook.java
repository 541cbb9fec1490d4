package org.gradnote.plots.notebook;

import java.nio.file.Path;
import org.gradnote.plots.Chart;
import org.gradnote.plots.FileSink;
import org.gradnote.plots.Plots;
import org.jfree.chart.JFreeChart;

/**
 * What exported notebook code calls: {@code display(x)} for a cell's shown last expression. In script mode text
 * goes to stdout and charts to {@code plots/<notebook>/NN-title.png}; replay swaps in a recording displayer.
 */
public final class Notebook {
  private static volatile Displayer displayer = Notebook::printOrSave;

  private Notebook() {}

  /** Shows a cell's value: the exported form of a notebook cell ending in an expression. */
  public static void display(Object value) {
    if (shows(value)) displayer.display(value);
  }

  /**
   * Whether a cell's last value is shown, the same rule in the kernel and in exported classes: not the stream a
   * {@code System.out.printf(...)} returns for chaining (as Python shows nothing for print's None).
   */
  public static boolean shows(Object value) {
    return !(value instanceof java.io.PrintStream || value instanceof java.io.PrintWriter);
  }

  /**
   * Records a result of this run, e.g. {@code Notebook.metric("dev_accuracy", acc)}: printed as
   * {@code metric NAME = VALUE} (Java's shortest exact decimal, so a printed value reads back bit for bit), and
   * collected by {@code gradnote grid}, which sets {@code GRADNOTE_METRICS_FILE} for each run. A name recorded
   * twice keeps its last value. Names are letters, digits, {@code _ . -}.
   */
  public static void metric(String name, double value) {
    if (name == null || !name.matches("[A-Za-z0-9_.\\-]+")) {
      throw new IllegalArgumentException(
          "Notebook.metric: name must be letters, digits, '_', '.' or '-', got "
              + (name == null ? "null" : "'" + name + "'"));
    }
    System.out.println("metric " + name + " = " + value);
    Metrics.record(name, value);
  }

  /** Evaluates and drops a value: the exported form of an expression that is not a cell's last. */
  public static void discard(Object value) {
    // Nothing to do: the argument has been evaluated for its side effects, as JShell would.
  }

  /** Replaces the displayer; returns the previous one. */
  public static Displayer setDisplayer(Displayer d) {
    Displayer previous = displayer;
    displayer = d;
    return previous;
  }

  /** Script mode: charts shown with {@code show()} or {@code display} go under {@code plots/<notebook>/}. */
  public static void scriptMode(String notebookName) {
    Plots.setSink(new FileSink(Path.of("plots", notebookName), "png", true));
    displayer = Notebook::printOrSave;
  }

  /** A {@link Chart} for charts (JFreeChart ones wrapped), else null. */
  /**
   * The chart a value is shown as, or null: charts themselves, raw JFreeCharts, and a training History as its curves.
   * The kernel's chart renderer uses the same rule, so a notebook and its exported class show the same thing.
   */
  public static Chart asChart(Object value) {
    if (value instanceof Chart c) return c;
    if (value instanceof JFreeChart j) return Chart.of(j);
    if (value instanceof org.gradnote.train.History h && h.epochs() > 0)
      return org.gradnote.plots.Plots.history(h).build();
    return null;
  }

  private static void printOrSave(Object value) {
    Chart chart = asChart(value);
    if (chart != null) chart.show();
    else System.out.println(Texts.of(value));
  }
}
