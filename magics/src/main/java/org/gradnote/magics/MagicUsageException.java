package org.gradnote.magics;

/** An unknown magic or bad arguments; its message is the one line shown to the user, usage included. */
public final class MagicUsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A usage error with the message the notebook shows. */
    public MagicUsageException(String message) {
        super(message);
    }

    /** A usage error naming the problem and the magic's usage line. */
    public static MagicUsageException of(Magic magic, String problem) {
        return new MagicUsageException("UsageError: " + problem + ". Usage: " + magic.usage());
    }
}
