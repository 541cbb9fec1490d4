package org.gradnote.plots.notebook;

/**
 * One cell of an exported notebook: its cell id, the code it runs, how long it may take and the exception it is
 * expected to throw.
 *
 * @param timeoutMillis the cell's {@code //| timeout}, or 0 for the runner's default
 * @param raises the cell's {@code //| raises} exception type (simple or qualified name), or null when none is expected
 */
public record NotebookStep(String cellId, Body body, long timeoutMillis, String raises) {

  /** A cell's code; may throw anything, as a notebook cell may. */
  @FunctionalInterface
  public interface Body {
    /** Runs the cell's code. */
    void run() throws Throwable;
  }

  /** A cell with the runner's default timeout that should not throw. */
  public NotebookStep(String cellId, Body body) {
    this(cellId, body, 0, null);
  }

  /** A cell with its own timeout that should not throw. */
  public NotebookStep(String cellId, Body body, long timeoutMillis) {
    this(cellId, body, timeoutMillis, null);
  }

  /** Whether {@code thrown} is the exception this cell's {@code //| raises} names (by qualified or simple name). */
  public boolean expects(Throwable thrown) {
    if (raises == null || thrown == null) return false;
    String name = thrown.getClass().getName();
    return raises.equals(name) || raises.equals(name.substring(name.lastIndexOf('.') + 1));
  }
}
