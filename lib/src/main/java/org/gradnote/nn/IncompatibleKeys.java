package org.gradnote.nn;

import java.util.List;

/**
 * What a non-strict {@link Module#loadStateDict(java.util.Map, boolean)} skipped, like torch's {@code
 * IncompatibleKeys}: model entries the state did not give, and state entries the model does not have.
 */
public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
    /** Copies the lists, so the record stays as it was returned. */
    public IncompatibleKeys {
        missingKeys = List.copyOf(missingKeys);
        unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /** Whether every key matched. */
    public boolean isEmpty() {
        return missingKeys.isEmpty() && unexpectedKeys.isEmpty();
    }
}
