package org.gradnote.magics;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Resolves a path glob ({@code lib/*.jar}, {@code ~/m2/**}{@code /*.jar}) against a base directory. */
final class Globs {
    private Globs() {}

    static List<Path> resolve(String pattern, Path base) throws IOException {
        String expanded = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        if (!hasGlob(expanded)) {
            Path p = base.resolve(expanded).normalize();
            return Files.exists(p) ? List.of(p) : List.of();
        }
        // Walk only from the longest directory prefix without glob characters.
        String[] segments = expanded.split("/", -1);
        StringBuilder root = new StringBuilder(expanded.startsWith("/") ? "/" : "");
        int i = 0;
        for (; i < segments.length - 1 && !hasGlob(segments[i]); i++) {
            if (segments[i].isEmpty()) continue;
            root.append(segments[i]).append('/');
        }
        Path start = base.resolve(root.length() == 0 ? "." : root.toString()).normalize();
        if (!Files.isDirectory(start)) return List.of();
        String relativeGlob = String.join("/", java.util.Arrays.copyOfRange(segments, i, segments.length));
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + relativeGlob);
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(p -> !p.equals(start) && matcher.matches(start.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean hasGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }
}
