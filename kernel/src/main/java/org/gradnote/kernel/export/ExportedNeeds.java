package org.gradnote.kernel.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the Maven needs of every exported class under a source directory, which together make the pom block. */
public final class ExportedNeeds {
    private ExportedNeeds() {}

    /** Needs of each generated {@code .java} file under {@code dir} except {@code skip}, in path order. */
    public static List<MavenNeeds> scan(Path dir, Path skip) throws ExportException {
        if (!Files.isDirectory(dir)) return List.of();
        List<MavenNeeds> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (skip != null
                        && f.toAbsolutePath()
                                .normalize()
                                .equals(skip.toAbsolutePath().normalize())) continue;
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Optional<ExportHeader> header = ExportHeader.parse(text);
                if (header.isEmpty()) continue; // hand-written classes are not the exporter's business
                MavenNeeds needs = MavenNeeds.read(header.get().notebook(), text);
                if (!needs.isEmpty()) out.add(needs);
            }
        } catch (IOException e) {
            throw new ExportException(dir + ": cannot read exported classes: " + e.getMessage(), e);
        }
        return out;
    }
}
