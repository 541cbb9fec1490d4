package org.gradnote.magics;

import java.util.List;
import java.util.Optional;

/**
 * What the notebook exporter writes instead of a magic: plain Java code, or nothing with the reason why, plus the
 * Maven dependencies ({@code group:artifact:version}) and repositories ({@code id url}) the code needs to build.
 */
public record JavaEquivalent(
        Optional<String> code, String reasonIfNone, List<String> dependencies, List<String> repositories) {

    public JavaEquivalent {
        dependencies = List.copyOf(dependencies);
        repositories = List.copyOf(repositories);
    }

    /** The plain Java that replaces the magic in an exported notebook. */
    public static JavaEquivalent of(String javaCode) {
        return new JavaEquivalent(Optional.of(javaCode), "", List.of(), List.of());
    }

    /** No Java equivalent: export fails naming the cell and this reason. */
    public static JavaEquivalent none(String reason) {
        return new JavaEquivalent(Optional.empty(), reason, List.of(), List.of());
    }

    /** Code (usually a comment) standing in for build configuration the exported project declares instead. */
    public static JavaEquivalent build(String javaCode, List<String> dependencies, List<String> repositories) {
        return new JavaEquivalent(Optional.of(javaCode), "", dependencies, repositories);
    }
}
