package org.gradnote.plots.notebook;

/** Where {@link Notebook#display(Object)} sends a cell's shown value: stdout and files in scripts, a recorder in replay. */
@FunctionalInterface
public interface Displayer {
  /** Shows a value the way the notebook would (an exported notebook's {@code Notebook.display}). */
  void display(Object value);
}
