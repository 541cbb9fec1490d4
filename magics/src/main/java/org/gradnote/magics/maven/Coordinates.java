package org.gradnote.magics.maven;

/** A Maven artifact's group, name and version, and where its jar is (null when not known). */
public record Coordinates(String groupId, String artifactId, String version, String location) {

    /** {@code groupId:artifactId}: what two versions of the same library share. */
    public String key() {
        return groupId + ":" + artifactId;
    }

    @Override
    public String toString() {
        return key() + ":" + version;
    }
}
