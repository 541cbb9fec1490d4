package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.kernel.jshell.ClassPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exported class run as a script treats a {@code //| raises} cell as replay does: the expected exception is
 * reported and the cells after it run; a different exception, or none, fails the run.
 */
class ScriptRaisesTest {

    @Test
    void expectedExceptionLetsTheScriptGoOnAndAMissingOneFailsIt(@TempDir Path dir) throws Exception {
        Path nb = Files.copy(
                Fixtures.notebook("tricky.ipynb"),
                Files.createDirectories(dir.resolve("export")).resolve("tricky.ipynb"));
        Exporter exporter = Exporter.standard();
        Path src = dir.resolve("src");
        Path file = exporter.export(nb, src, false);
        ScriptRunner runner = new ScriptRunner(ClassPaths.ofKernel());
        assertEquals(0, runner.run(file, List.of()), "the expected IllegalStateException is reported, the run goes on");

        String text = Files.readString(nb, StandardCharsets.UTF_8);
        Path wrong = Files.writeString(
                nb, text.replace("//| raises IllegalStateException", "//| raises ArithmeticException"));
        assertEquals(1, runner.run(exporter.export(wrong, src, true), List.of()), "a different exception fails");
        Files.writeString(nb, text.replace("throw new IllegalStateException(\\\"boom\\\");", "int quiet = 1;"));
        assertTrue(Files.readString(nb).contains("int quiet = 1;"));
        assertEquals(1, runner.run(exporter.export(nb, src, true), List.of()), "a missing exception fails");
    }
}
