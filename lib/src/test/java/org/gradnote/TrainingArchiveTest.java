package org.gradnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingArchiveTest {
    @TempDir
    Path tmp;

    private String jar(String name) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, new byte[] {1, 2, 3});
        return p.toString();
    }

    @Test
    void onlyTheLeadingJarsCountAndTheyMustHoldGradnotesLib() throws IOException {
        String lib = jar("gradnote-lib-0.1.jar"),
                nd4j = jar("nd4j-api.jar"),
                dir = Files.createDirectory(tmp.resolve("classes")).toString();
        assertEquals(List.of(lib, nd4j), TrainingArchive.leadingJars(List.of(lib, nd4j, dir, jar("late.jar"))));
        assertEquals(List.of(), TrainingArchive.leadingJars(List.of(dir, lib)));
        assertTrue(
                TrainingArchive.archiveFor(List.of(dir, lib, nd4j), tmp).isEmpty(),
                "a directory first: nothing to archive");
        assertTrue(TrainingArchive.archiveFor(List.of(nd4j), tmp).isEmpty(), "no gradnote lib: no warm-up to run");
        assertTrue(TrainingArchive.archiveFor(List.of(lib, nd4j), tmp).isPresent());
    }

    @Test
    void aRebuiltJarGetsAnotherArchiveSoAStaleOneIsNeverUsed() throws IOException {
        String lib = jar("gradnote-lib-0.1.jar"), nd4j = jar("nd4j-api.jar");
        Path before = TrainingArchive.archiveFor(List.of(lib, nd4j), tmp).orElseThrow();
        assertEquals(
                before,
                TrainingArchive.archiveFor(
                                List.of(lib, nd4j, tmp.resolve("classes").toString()), tmp)
                        .orElseThrow(),
                "entries after the jars do not change the key");
        Files.setLastModifiedTime(
                Path.of(nd4j),
                FileTime.fromMillis(Files.getLastModifiedTime(Path.of(nd4j)).toMillis() + 5000));
        assertNotEquals(
                before, TrainingArchive.archiveFor(List.of(lib, nd4j), tmp).orElseThrow());
        assertNotEquals(
                before, TrainingArchive.archiveFor(List.of(nd4j, lib), tmp).orElseThrow(), "order counts too");
    }

    @Test
    void optionsNameTheArchiveOnlyOnceItExistsAndSilenceTheJvmsCdsMessages() throws IOException {
        List<String> cp = List.of(jar("gradnote-lib-0.1.jar"));
        assertEquals(List.of(), TrainingArchive.options(cp, tmp));
        Path a = TrainingArchive.archiveFor(cp, tmp).orElseThrow();
        Files.write(a, new byte[0]);
        assertEquals(
                List.of("-XX:SharedArchiveFile=" + a, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                TrainingArchive.options(cp, tmp));
    }

    @Test
    void theCacheKeepsOnlyTheNewestArchives() throws IOException {
        for (int i = 0; i < 6; i++) {
            Path p = tmp.resolve("a" + i + ".jsa");
            Files.write(p, new byte[0]);
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.write(tmp.resolve("other.txt"), new byte[0]);
        TrainingArchive.pruneOlderThanNewest(tmp, 4);
        try (var files = Files.list(tmp)) {
            assertEquals(
                    List.of("a2.jsa", "a3.jsa", "a4.jsa", "a5.jsa", "other.txt"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
