package org.gradnote.kernel.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the build file of the module exported classes go to: {@code MODULE/pom.xml} for {@code MODULE/src/main/java}. */
public final class PomFile {
    private PomFile() {}

    public static Optional<Path> of(Path sourceDir) {
        Path dir = sourceDir.toAbsolutePath().normalize();
        if (!dir.endsWith(Path.of("src", "main", "java"))) return Optional.empty();
        Path pom = dir.getParent().getParent().getParent().resolve("pom.xml");
        return Files.isRegularFile(pom) ? Optional.of(pom) : Optional.empty();
    }
}
