package org.gradnote.magics;

import java.util.List;

/** A magic's failure with its own traceback, e.g. the error of a notebook cell that {@code %load} ran. */
public final class MagicFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> traceback;

    /** A magic's failure with the message and traceback lines the notebook shows. */
    public MagicFailure(String message, List<String> traceback) {
        super(message);
        this.traceback = List.copyOf(traceback);
    }

    /** The lines shown under the error, first line first. */
    public List<String> traceback() {
        return traceback;
    }
}
