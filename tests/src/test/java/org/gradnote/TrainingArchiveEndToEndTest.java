package org.gradnote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.jshell.ClassPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real class archive made from the real jars: valid for them, mapped, and silent when it does not fit. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TrainingArchiveEndToEndTest {
    @Test
    void archiveOfTheJarsIsValidMappedAndSilentWhenItDoesNotFit(@TempDir Path dir) throws Exception {
        List<String> jars = ClassPaths.ofKernel().stream()
                .filter(e -> e.endsWith(".jar") && Files.isRegularFile(Path.of(e)))
                .toList();
        Path archive =
                TrainingArchive.create(jars, dir).orElseThrow(() -> new AssertionError("no archive for " + jars));
        assertTrue(Files.size(archive) > 1_000_000, "archive of " + Files.size(archive) + " bytes");
        assertEquals(
                List.of(),
                Files.list(dir).filter(f -> f.toString().endsWith(".tmp")).toList(),
                "temporary file left");
        List<String> options = TrainingArchive.options(jars, dir);

        String check = run(jars, options, List.of("-XX:+PrintSharedArchiveAndExit"), List.of());
        assertTrue(check.contains("archive is valid"), check.substring(Math.max(0, check.length() - 400)));

        // Mapped: gradnote's classes come from the archive.
        String loaded = run(jars, options, List.of("-Xlog:class+load=info"), List.of("org.gradnote.examples.Warmup"));
        assertTrue(
                loaded.contains("org.gradnote.Gradnote source: shared objects file (top)"),
                "Gradnote not loaded from the archive");

        // A class path the archive was not made for (first jar dropped): the JVM runs without it, and silently, as
        // replay compares a run's output with the notebook's.
        assertEquals(
                "", run(jars.subList(1, jars.size()), options, List.of(), List.of("org.gradnote.examples.Warmup")));
        assertEquals("", run(jars, options, List.of(), List.of("org.gradnote.examples.Warmup")));
    }

    /** Standard output of java with the options, the extra JVM options and the class path, running mainAndArgs. */
    private static String run(List<String> cp, List<String> options, List<String> extra, List<String> mainAndArgs)
            throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(options);
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp)));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_NUM_THREADS", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java did not finish: " + cmd);
        return out;
    }
}
