package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.kernel.jshell.ClassPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A variable of an anonymous class (JShell accepts it) exports as a generated named nested class, and runs. */
class AnonymousClassExportTest {

    @Test
    void anonymousClassVariableExportsAndReplays(@TempDir Path dir) throws Exception {
        String nb = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"gradnote\","
                + " \"language\": \"java\", \"display_name\": \"Java (gradnote)\"}}, \"cells\": ["
                + cell(
                        "counter",
                        "//| class org.gradnote.notebooks.test.Anon\\nvar counter = new Object() { int n; void inc() { n++; } };",
                        "[]")
                + ", "
                + cell(
                        "task",
                        "var task = new Runnable() { public void run() { counter.inc(); } };\\ntask.run();\\ncounter.inc();\\ncounter.n",
                        "[{\"output_type\": \"execute_result\", \"execution_count\": null, \"metadata\": {}, \"data\": {\"text/plain\": \"2\"}}]")
                + "]}";
        Path notebook =
                Files.writeString(Files.createDirectories(dir.resolve("export")).resolve("anon.ipynb"), nb);
        Path src = dir.resolve("src");
        Path file = Fixtures.exporter().export(notebook, src, false);
        String java = Files.readString(file);
        assertTrue(java.contains("static final class AnonymousCounter { int n; void inc() { n++; } }"), java);
        assertTrue(java.contains("static final class AnonymousTask implements Runnable"), java);
        assertTrue(java.contains("counter = new AnonymousCounter();"), java);
        Replayer.Report report = new Replayer(ClassPaths.ofKernel(), TimingBaseline.none()).replay(notebook, src);
        assertEquals(0, report.failures(), () -> report.cells().toString());
        assertEquals(0, new ScriptRunner(ClassPaths.ofKernel()).run(file, List.of()));
    }

    @Test
    void constructorArgumentsAreRefusedClearly() {
        assertTrue(AnonymousClass.of(
                        "l", "<anonymous class extending ArrayList<String>>", "new ArrayList<String>(3) { int extra; }")
                .isEmpty());
        var named = AnonymousClass.of(
                "l", "<anonymous class extending ArrayList<String>>", "new ArrayList<String>() { int extra; }");
        assertEquals(
                "static final class AnonymousL extends ArrayList<String> { int extra; }",
                named.orElseThrow().declaration());
    }

    private static String cell(String id, String source, String outputs) {
        return "{\"id\": \"" + id + "\", \"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {},"
                + " \"source\": \"" + source + "\", \"outputs\": " + outputs + "}";
    }
}
