package org.gradnote.kernel.protocol;

/** A multipart ZeroMQ message that is not a well-formed, correctly signed Jupyter message. */
public final class InvalidMessageException extends Exception {
    public InvalidMessageException(String message) {
        super(message);
    }

    public InvalidMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
