package org.gradnote.kernel.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code gradnote check}: staleness both ways by hash. A notebook whose cells hash differently from the exported
 * header changed since export; an exported file whose body hashes differently from its header was edited by hand.
 */
public final class Staleness {
    private Staleness() {}

    /** True when the file has no export header or its body no longer matches the header's hash. */
    public static boolean handEdited(String exported) {
        Optional<ExportHeader> header = ExportHeader.parse(exported);
        return header.isEmpty() || !header.get().bodyHash().equals(Hashes.sha256(ExportHeader.body(exported)));
    }

    /** Problems with one notebook and its exported file, each naming both; empty when in sync. */
    public static List<String> check(NotebookFile notebook, Path exportedFile) throws ExportException {
        List<String> problems = new ArrayList<>();
        if (!Files.exists(exportedFile)) {
            problems.add(
                    notebook.displayPath() + ": not exported (expected " + exportedFile + "); run gradnote export");
            return problems;
        }
        String text;
        try {
            text = Files.readString(exportedFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException(exportedFile + ": cannot read: " + e.getMessage(), e);
        }
        Optional<ExportHeader> header = ExportHeader.parse(text);
        if (header.isEmpty()) {
            problems.add(exportedFile + ": no gradnote export header; not generated from " + notebook.displayPath());
            return problems;
        }
        if (!header.get().cellsHash().equals(Hashes.cells(notebook))) {
            problems.add(notebook.displayPath() + ": changed since it was exported to " + exportedFile
                    + changedCells(notebook, text) + "; run gradnote export");
        }
        if (handEdited(text)) {
            problems.add(exportedFile + ": edited by hand since export" + "; run gradnote update " + notebook.path()
                    + " or export --force");
        }
        return problems;
    }

    /** A problem when the pom beside {@code exportedDir} does not declare what the exported classes need; empty when in sync. */
    public static List<String> checkPom(Path exportedDir) throws ExportException {
        Optional<Path> pom = PomFile.of(exportedDir);
        List<MavenNeeds> needs = ExportedNeeds.scan(exportedDir, null);
        if (pom.isEmpty()) {
            return needs.isEmpty()
                    ? List.of()
                    : List.of(exportedDir + ": exported classes use %maven but there is no pom.xml"
                            + " for the module to declare the dependencies in");
        }
        String text = Exporter.read(pom.get());
        String expected;
        try {
            expected = PomBlock.update(text, needs);
        } catch (ExportException e) {
            return List.of(pom.get() + ": " + e.getMessage());
        }
        return expected.equals(text)
                ? List.of()
                : List.of(pom.get() + ": the gradnote dependency block is out of date with"
                        + " the exported classes; run gradnote export on the notebooks that use %maven");
    }

    /** Cells of the notebook whose ids the exported file does not have, to point at what changed. */
    private static String changedCells(NotebookFile notebook, String exported) {
        List<String> ids = new ArrayList<>();
        for (NotebookCell c : notebook.cells()) {
            if (c.isCode() && !c.source().isBlank() && !exported.contains(" #" + c.id() + "\n")) ids.add("#" + c.id());
        }
        return ids.isEmpty() ? "" : " (cells not in the export: " + String.join(", ", ids) + ")";
    }
}
