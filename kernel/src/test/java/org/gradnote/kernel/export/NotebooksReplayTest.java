package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gradnote.kernel.jshell.ClassPaths;
import org.junit.jupiter.api.Test;

/** CI's notebook gate: {@code gradnote check} and {@code gradnote replay} on every notebook in {@code notebooks/}. */
class NotebooksReplayTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXPORTED = ROOT.resolve("notebooks-exported/src/main/java");

    @Test
    void everyNotebookIsExportedAndReplaysItsStoredOutputs() throws Exception {
        List<String> notebooks = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            files.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(p -> notebooks.add(p.toString()));
        }
        assertFalse(notebooks.isEmpty(), "no notebooks found under " + ROOT.resolve("notebooks"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        ExportCli cli = new ExportCli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                ClassPaths.ofKernel());
        List<String> check = new ArrayList<>(notebooks);
        check.addAll(List.of("--exported", EXPORTED.toString()));
        assertEquals(0, cli.run("check", check), () -> err.toString(StandardCharsets.UTF_8));
        List<String> replay = new ArrayList<>(check);
        replay.addAll(List.of("--report", Path.of("target", "gradnote-replay").toString()));
        assertEquals(
                0,
                cli.run("replay", replay),
                () -> out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }
}
