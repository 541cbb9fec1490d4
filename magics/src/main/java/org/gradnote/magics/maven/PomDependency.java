package org.gradnote.magics.maven;

import java.util.List;

/**
 * One {@code <dependency>} of a POM fragment.
 *
 * @param exclusions {@code groupId:artifactId} pairs ({@code *} allowed) left out of the dependency's tree
 */
public record PomDependency(
        String groupId,
        String artifactId,
        String version,
        String type,
        String classifier,
        String scope,
        List<String> exclusions) {

    /** {@code groupId:artifactId}, as {@link Coordinates#key()}. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    /** The {@code g:a[:ext[:classifier]]:v} form Maven Resolver's {@code DefaultArtifact} parses. */
    public String artifactCoordinates() {
        String ext = type.equals("test-jar") ? "jar" : type;
        return groupId + ":" + artifactId + ":" + ext + (classifier.isEmpty() ? "" : ":" + classifier) + ":" + version;
    }

    @Override
    public String toString() {
        return key() + ":" + version;
    }
}
