package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** notebooks/execute writes the time it measured into the first cell (the claims had gone stale: 11 s vs 19.6 s). */
class ClaimTimeScriptTest {
    private static final Path SCRIPT =
            Path.of("..").toAbsolutePath().normalize().resolve("notebooks/claim_time.py");

    private static String run(Path nb, int seconds) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        Process p = new ProcessBuilder("/usr/bin/python3", SCRIPT.toString(), nb.toString(), Integer.toString(seconds))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return new NotebookReader().read(nb).cells().get(0).source();
    }

    private static Path notebook(Path dir, String first) throws Exception {
        return Files.writeString(
                dir.resolve("n.ipynb"),
                "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                        + "{\"id\": \"intro\", \"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"" + first
                        + "\"}]}");
    }

    @Test
    void writesTheMeasuredFigureRounded(@TempDir Path dir) throws Exception {
        Path nb = notebook(
                dir, "# Lab 2\\n\\n*Runs top to bottom in about 11 s on this machine (2 shared cores).*\\n\\nText.");
        assertTrue(run(nb, 21).contains("*Runs top to bottom in about 20 s on this machine"), "19.6 s -> 20 s");
        assertTrue(run(nb, 7).contains("in about 7 s on"), "exact below 10 s");
        Path minutes = notebook(dir, "# Lab 6\\n\\n*Runs top to bottom in about 1 minute on this machine.*");
        assertTrue(run(minutes, 64).contains("in about 65 s on this machine"));
    }

    @Test
    void addsTheClaimWhereTheFirstCellHasNone(@TempDir Path dir) throws Exception {
        Path nb = notebook(dir, "# Meteo quick look\\n\\nSeattle's weather.");
        assertEquals(
                "# Meteo quick look\n\n*Runs top to bottom in about 9 s on this machine (2 shared cores).*\n\nSeattle's weather.",
                run(nb, 9));
    }
}
