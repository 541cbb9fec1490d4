package org.gradnote.kernel.export;

/** A notebook that cannot be exported, checked or replayed; the message names the file and, if any, the cell. */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file: cell #id: problem}. */
    static ExportException atCell(String file, NotebookCell cell, String problem) {
        return new ExportException(file + ": cell " + cell.label() + ": " + problem);
    }
}
