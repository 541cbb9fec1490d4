package org.gradnote.kernel.protocol;

/** A multipart ZeroMQ message that is not a well-formed, correctly signed Jupyter message. */
public final class InvalidMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
