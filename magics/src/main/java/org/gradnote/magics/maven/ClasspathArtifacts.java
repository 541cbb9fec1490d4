package org.gradnote.magics.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What Maven artifacts a class path already holds, read from the {@code pom.properties} Maven writes into every jar
 * (or, failing that, from a local-repository path {@code .../group/artifact/version/artifact-version.jar}).
 */
public final class ClasspathArtifacts {
    private ClasspathArtifacts() {}

    /** {@code groupId:artifactId} to the first artifact with that key on the class path (first wins in Java too). */
    public static Map<String, Coordinates> scan(List<String> classPath) {
        Map<String, Coordinates> found = new LinkedHashMap<>();
        for (String entry : classPath) {
            Path p = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(p)) continue;
            for (Coordinates c : inJar(p)) found.putIfAbsent(c.key(), c);
        }
        return found;
    }

    static List<Coordinates> inJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            var props = file.stream()
                    .filter(e -> e.getName().startsWith("META-INF/maven/")
                            && e.getName().endsWith("/pom.properties"))
                    .toList();
            // A shaded jar lists what it swallowed too; only its own entry (matching the file name) is trustworthy.
            Coordinates fromPath = fromRepositoryPath(jar);
            List<Coordinates> all = new java.util.ArrayList<>();
            for (JarEntry e : props) {
                Coordinates c = read(file, e, jar);
                if (c != null) all.add(c);
            }
            String name = jar.getFileName().toString();
            List<Coordinates> own = all.stream()
                    .filter(c -> name.startsWith(c.artifactId() + "-"))
                    .toList();
            if (!own.isEmpty()) return own;
            if (fromPath != null) return List.of(fromPath);
            return all.size() == 1 ? all : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Coordinates read(JarFile file, JarEntry entry, Path jar) throws IOException {
        Properties p = new Properties();
        try (InputStream in = file.getInputStream(entry)) {
            p.load(in);
        }
        String g = p.getProperty("groupId"), a = p.getProperty("artifactId"), v = p.getProperty("version");
        return g == null || a == null || v == null ? null : new Coordinates(g, a, v, jar.toString());
    }

    /** {@code .../org/apache/commons/commons-lang3/3.14.0/commons-lang3-3.14.0.jar} in a Maven local repository. */
    static Coordinates fromRepositoryPath(Path jar) {
        Path versionDir = jar.getParent();
        if (versionDir == null || versionDir.getParent() == null) return null;
        Path artifactDir = versionDir.getParent();
        String version = versionDir.getFileName().toString(),
                artifact = artifactDir.getFileName().toString();
        if (!jar.getFileName().toString().startsWith(artifact + "-" + version)) return null;
        Path repo = artifactDir.getParent();
        // The group is the path between the repository root and the artifact: find the root by its usual name.
        StringBuilder group = new StringBuilder();
        for (Path p = repo; p != null && p.getFileName() != null; p = p.getParent()) {
            String part = p.getFileName().toString();
            if (part.equals("repository") || part.equals("maven")) {
                return group.length() == 0
                        ? null
                        : new Coordinates(group.toString(), artifact, version, jar.toString());
            }
            group.insert(0, group.length() == 0 ? part : part + ".");
        }
        return null;
    }
}
