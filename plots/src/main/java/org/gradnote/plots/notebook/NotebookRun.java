package org.gradnote.plots.notebook;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;

/** The {@code main} of an exported notebook run as a script: parameters, then every step in order. */
public final class NotebookRun {
  private NotebookRun() {}

  /**
   * Runs {@code notebook}'s steps with {@code args} ({@code --name=value} parameters, and {@code --seed=N}, which
   * calls {@code Gradnote.seed(N)} before the first step and sets the notebook's {@code SEED} parameter if it declares
   * one); exits 2 on bad arguments and 1 when a cell fails. A cell marked {@code //| raises T} is treated as replay
   * treats it: throwing T is reported and the run goes on; throwing anything else, or nothing, fails the run.
   */
  public static void main(Class<?> notebook, String notebookName, String[] args) {
    Long seed = null;
    try {
      List<String> params = new ArrayList<>();
      for (String arg : args) {
        if (arg.startsWith("--seed=")) seed = parseSeed(arg.substring("--seed=".length()));
        else params.add(arg);
      }
      // A notebook that seeds itself (so the kernel and replay reproduce it) reads the seed from
      // its SEED
      // parameter: --seed=N sets that parameter too.
      if (seed != null && Parameters.of(notebook).containsKey("SEED")) {
        for (String p : params) {
          if (p.startsWith("--SEED="))
            throw new IllegalArgumentException("give --seed=N or --SEED=N, not both");
        }
        params.add("--SEED=" + seed);
      }
      Parameters.apply(notebook, params);
    } catch (IllegalArgumentException e) {
      System.err.println(notebookName + ": " + e.getMessage());
      System.exit(2);
    }
    if (System.getenv(PARENT_WATCH_ENV) != null) exitWithParent();
    Notebook.scriptMode(notebookName);
    if (seed != null) Gradnote.seed(seed);
    for (NotebookStep step : steps(notebook)) {
      try {
        step.body().run();
        if (step.raises() != null) {
          System.out.flush();
          System.err.println(notebookName + ": cell #" + step.cellId() + " failed: expected "
              + step.raises() + " to be thrown (//| raises), nothing was");
          System.exit(1);
        }
      } catch (Throwable t) {
        System.out.flush();
        if (step.expects(t)) {
          System.err.println(notebookName + ": cell #" + step.cellId() + " raised " + t
              + " (expected: //| raises " + step.raises() + ")");
          System.err.flush();
          continue;
        }
        System.err.println(notebookName + ": cell #" + step.cellId() + " failed:");
        t.printStackTrace();
        System.exit(1);
      }
    }
    System.out.flush();
    System.exit(0);
  }

  /** The environment variable that makes a run exit when its standard input closes (set by {@code gradnote grid}). */
  static final String PARENT_WATCH_ENV = "GRADNOTE_EXIT_WITH_STDIN";

  static long parseSeed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed needs an integer, got '" + value + "'");
    }
  }

  /**
   * A grid starts each run from a task of a Spark executor; when that executor is killed its child would run on
   * as an orphan, so the run stops when the pipe from its parent closes.
   */
  private static void exitWithParent() {
    Thread watch = new Thread("gradnote-parent-watch") {
      @Override
      public void run() {
        try {
          while (System.in.read() >= 0) {
            // the parent never writes; anything it sends is ignored
          }
        } catch (java.io.IOException e) {
          // a broken pipe means the same as end of input
        }
        Runtime.getRuntime().halt(143);
      }
    };
    watch.setDaemon(true);
    watch.start();
  }

  /** The steps the exported class lists in its static {@code steps()} method. */
  @SuppressWarnings("unchecked")
  public static List<NotebookStep> steps(Class<?> notebook) {
    try {
      return (List<NotebookStep>) notebook.getMethod("steps").invoke(null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(notebook.getName() + ".steps() failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(
          notebook.getName() + " is not an exported notebook (no static steps())", e);
    }
  }
}
