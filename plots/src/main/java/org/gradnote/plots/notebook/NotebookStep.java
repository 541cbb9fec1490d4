package org.gradnote.plots.notebook;

/**
 * One cell of an exported notebook: its cell id, the code it runs and how long it may take.
 *
 * @param timeoutMillis the cell's {@code //| timeout}, or 0 for the runner's default
 */
public record NotebookStep(String cellId, Body body, long timeoutMillis) {

    /** A cell's code; may throw anything, as a notebook cell may. */
    @FunctionalInterface
    public interface Body {
        /** Runs the cell's code. */
        void run() throws Throwable;
    }

    public NotebookStep(String cellId, Body body) {
        this(cellId, body, 0);
    }
}
