package org.gradnote.grid;

/** A grid that cannot start or go on, with a message for the user (bad arguments, an unreachable master...). */
public final class GridException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    /** A usage error (exit code 2). */
    public GridException(String message) {
        this(message, 2);
    }

    /** An error with its own exit code. */
    public GridException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The launcher's exit code for this error. */
    public int exitCode() {
        return exitCode;
    }
}
