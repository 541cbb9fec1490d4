package org.gradnote.magics;

import java.util.Optional;

/** What the notebook exporter writes instead of a magic: plain Java code, or nothing with the reason why. */
public record JavaEquivalent(Optional<String> code, String reasonIfNone) {

    public static JavaEquivalent of(String javaCode) {
        return new JavaEquivalent(Optional.of(javaCode), "");
    }

    public static JavaEquivalent none(String reason) {
        return new JavaEquivalent(Optional.empty(), reason);
    }
}
