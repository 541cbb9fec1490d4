package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.kernel.jshell.ClassPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell whose last expression or statement ends in a {@code //} comment exports to code that compiles and replays. */
class TrailingCommentExportTest {

    @Test
    void splitsOnlyAtALineCommentThatEndsTheText() {
        assertEquals(new TrailingComment("x + 1", "// rows"), TrailingComment.of("x + 1 // rows"));
        assertEquals(new TrailingComment("\"http://a\" + b", ""), TrailingComment.of("\"http://a\" + b"));
        assertEquals(new TrailingComment("'/' + \"//\"", "// c"), TrailingComment.of("'/' + \"//\" // c"));
        assertEquals(new TrailingComment("a /* // */ + b", ""), TrailingComment.of("a /* // */ + b"));
        assertEquals(new TrailingComment("f(1, // one\n  2)", ""), TrailingComment.of("f(1, // one\n  2)"));
        assertEquals(
                new TrailingComment("\"\"\"\n  // in a text block\n  \"\"\"", ""),
                TrailingComment.of("\"\"\"\n  // in a text block\n  \"\"\""));
        assertEquals(new TrailingComment("\"a\\\"//\" + x", "// q"), TrailingComment.of("\"a\\\"//\" + x // q"));
    }

    @Test
    void trailingCommentsExportReplayAndRunAsAScript(@TempDir Path dir) throws Exception {
        String nb = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {\"kernelspec\": {\"name\": \"gradnote\","
                + " \"language\": \"java\", \"display_name\": \"Java (gradnote)\"}}, \"cells\": ["
                + cell(
                        "setup",
                        "//| class org.gradnote.notebooks.test.Trailing\\nint x = 41; // the input\\nx++ // bump it",
                        "[{\"output_type\": \"execute_result\", \"execution_count\": null, \"metadata\": {}, \"data\": {\"text/plain\": \"41\"}}]")
                + ", "
                + cell(
                        "show",
                        "String url = \\\"http://example.org\\\";\\nx + 1 // the answer",
                        "[{\"output_type\": \"execute_result\", \"execution_count\": null, \"metadata\": {}, \"data\": {\"text/plain\": \"43\"}}]")
                + "]}";
        Path notebook =
                Files.writeString(Files.createDirectories(dir.resolve("export")).resolve("trailing.ipynb"), nb);
        Path src = dir.resolve("src");
        Path file = Fixtures.exporter().export(notebook, src, false);
        String java = Files.readString(file);
        assertTrue(java.contains("Notebook.display(x + 1); // the answer"), java);
        assertTrue(java.contains("x++); // bump it"), java);
        Replayer.Report report = new Replayer(ClassPaths.ofKernel(), TimingBaseline.none()).replay(notebook, src);
        assertEquals(0, report.failures(), () -> report.cells().toString());
        assertEquals(0, new ScriptRunner(ClassPaths.ofKernel()).run(file, List.of()));
    }

    private static String cell(String id, String source, String outputs) {
        return "{\"id\": \"" + id + "\", \"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {},"
                + " \"source\": \"" + source + "\", \"outputs\": " + outputs + "}";
    }
}
