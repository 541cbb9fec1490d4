package org.gradnote.kernel.cell;

import java.util.Optional;
import org.gradnote.kernel.jshell.ErrorInfo;

/** The first error of a cell, including errors from code a magic evaluated, which the magic itself may ignore. */
final class ErrorHolder {
    private ErrorInfo first;

    synchronized void record(ErrorInfo error) {
        if (first == null) first = error;
    }

    synchronized Optional<ErrorInfo> first() {
        return Optional.ofNullable(first);
    }
}
