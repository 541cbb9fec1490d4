package org.gradnote.magics.maven;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Per-kernel state shared by {@code %maven} and {@code %mavenRepo}: the remote repositories and the local cache. */
public final class MavenSession {
    /** Maven Central's URL, the repository every session starts with. */
    public static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Map<String, String> repositories = new LinkedHashMap<>();
    private final Path cache;

    /** A session resolving into the local repository {@code cache}, with Maven Central as its only remote. */
    public MavenSession(Path cache) {
        this.cache = cache;
        repositories.put("central", CENTRAL);
    }

    /** The cache in {@code -Dgradnote.maven.cache}, else {@code ~/.gradnote/maven}. */
    public static MavenSession standard() {
        String dir = System.getProperty("gradnote.maven.cache");
        return new MavenSession(
                dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".gradnote", "maven"));
    }

    /** Adds (or replaces) a remote repository by id ({@code %mavenRepo id url}). */
    public synchronized void addRepository(String id, String url) {
        repositories.put(id, url);
    }

    /** A snapshot of the remote repositories by id. */
    public synchronized Map<String, String> repositories() {
        return Map.copyOf(new LinkedHashMap<>(repositories));
    }

    /** Repositories in the order they were added (central first). */
    public synchronized java.util.List<Map.Entry<String, String>> orderedRepositories() {
        return java.util.List.copyOf(repositories.entrySet());
    }

    /** The local repository artifacts are downloaded to. */
    public Path cache() {
        return cache;
    }
}
