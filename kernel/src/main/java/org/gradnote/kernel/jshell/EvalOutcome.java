package org.gradnote.kernel.jshell;

import java.util.Optional;

/**
 * Result of evaluating Java source: success with an optional reference (a JShell name) to the value to display,
 * or the error that stopped it.
 */
public record EvalOutcome(Optional<String> valueRef, Optional<ErrorInfo> error) {

    public static EvalOutcome success(String valueRefOrNull) {
        return new EvalOutcome(Optional.ofNullable(valueRefOrNull), Optional.empty());
    }

    public static EvalOutcome failure(ErrorInfo error) {
        return new EvalOutcome(Optional.empty(), Optional.of(error));
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
