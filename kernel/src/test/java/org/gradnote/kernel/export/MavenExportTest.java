package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.kernel.jshell.ClassPaths;
import org.gradnote.magics.MagicRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A notebook using {@code %maven} exports: the class compiles against the resolved jar and the pom declares it. */
class MavenExportTest {
    private static final String POM = "<project>\n  <artifactId>x</artifactId>\n  <dependencies>\n"
            + "    <dependency><groupId>own</groupId><artifactId>own</artifactId><version>1</version></dependency>\n"
            + "  </dependencies>\n</project>\n";
    // Without commons-lang3 on the base class path, the export compiles only if the %maven jar was resolved.
    private static final Exporter exporter = new Exporter(
            ClassPaths.ofKernel().stream()
                    .filter(p -> !p.contains("commons-lang3"))
                    .toList(),
            MagicRegistry.standard());

    @BeforeAll
    static void needsCentral() {
        Assumptions.assumeTrue(
                centralReachable(), "Maven Central is not reachable from here: %maven export not tested");
    }

    @Test
    void exportsTheClassAndTheDependencyBlock(@TempDir Path dir) throws Exception {
        Path nb = Files.copy(
                Fixtures.notebook("maven.ipynb"),
                Files.createDirectories(dir.resolve("notebooks")).resolve("maven.ipynb"));
        Path pom =
                Files.writeString(Files.createDirectories(dir.resolve("module")).resolve("pom.xml"), POM);
        Path out = dir.resolve("module/src/main/java");
        Path file = exporter.export(nb, out, false);
        String java = Files.readString(file);
        assertTrue(java.contains("// gradnote:maven org.apache.commons:commons-lang3:3.14.0\n"), java);
        assertTrue(java.contains("import org.apache.commons.lang3.StringUtils;"), java);
        String pomText = Files.readString(pom);
        assertTrue(
                pomText.contains("<!-- %maven org.apache.commons:commons-lang3:3.14.0 in "
                        + new NotebookReader().read(nb).displayPath()
                        + " -->\n    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId>"
                        + "<version>3.14.0</version></dependency>\n"),
                pomText);
        assertEquals(List.of(), Staleness.checkPom(out));

        // Replay compiles and runs the class with the %maven jars too (commons-lang3 is not on the base path).
        var base = ClassPaths.ofKernel().stream()
                .filter(p -> !p.contains("commons-lang3"))
                .toList();
        var steps = new StepCaptureRunner(base, 60_000)
                .run(
                        "notebooks/maven.ipynb",
                        "org.gradnote.notebooks."
                                + file.getFileName().toString().replace(".java", ""),
                        java,
                        120_000);
        assertEquals(
                "Hello\n",
                steps.stream()
                        .filter(r -> r.cellId().equals("use"))
                        .findFirst()
                        .orElseThrow()
                        .stdout());

        exporter.export(nb, out, false);
        assertEquals(pomText, Files.readString(pom), "a re-export gives the same bytes");
        assertEquals(java, Files.readString(file));

        Files.writeString(pom, pomText.replace("<version>3.14.0</version>", "<version>3.13.0</version>"));
        List<String> problems = Staleness.checkPom(out);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("gradnote dependency block is out of date"), problems.get(0));
        exporter.export(nb, out, false);
        assertEquals(pomText, Files.readString(pom), "export repairs the block");
    }

    @Test
    void aSecondNotebookWithAnotherVersionFailsAndWritesNothing(@TempDir Path dir) throws Exception {
        Path notebooks = Files.createDirectories(dir.resolve("notebooks"));
        Path first = Files.copy(Fixtures.notebook("maven.ipynb"), notebooks.resolve("maven.ipynb"));
        Path second = Files.writeString(
                notebooks.resolve("older.ipynb"),
                Files.readString(first)
                        .replace("3.14.0", "3.12.0")
                        .replace("\"language\": \"java\"", "\"language\": \"java\""));
        Path pom =
                Files.writeString(Files.createDirectories(dir.resolve("module")).resolve("pom.xml"), POM);
        Path out = dir.resolve("module/src/main/java");
        exporter.export(first, out, false);
        String pomText = Files.readString(pom);
        ExportException e = assertThrows(ExportException.class, () -> exporter.export(second, out, false));
        assertTrue(
                e.getMessage().contains("org.apache.commons:commons-lang3 is asked for in 2 versions")
                        && e.getMessage().contains("3.12.0")
                        && e.getMessage().contains("3.14.0"),
                e.getMessage());
        assertEquals(pomText, Files.readString(pom));
        assertFalse(Files.exists(out.resolve("org/gradnote/notebooks/Older.java")), "nothing written");
    }

    @Test
    void withoutAPomTheExportFailsClearly(@TempDir Path dir) {
        ExportException e = assertThrows(
                ExportException.class,
                () -> exporter.export(Fixtures.notebook("maven.ipynb"), dir.resolve("src"), false));
        assertTrue(e.getMessage().contains("uses %maven [org.apache.commons:commons-lang3:3.14.0]"), e.getMessage());
    }

    private static boolean centralReachable() {
        try {
            var c = (HttpURLConnection)
                    URI.create("https://repo.maven.apache.org/maven2/").toURL().openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            c.setRequestMethod("HEAD");
            return c.getResponseCode() < 500;
        } catch (Exception e) {
            return false;
        }
    }
}
