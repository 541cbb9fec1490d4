package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateCleanTest {

    @Test
    void handEditGoesBackIntoTheNotebookByCellId(@TempDir Path dir) throws Exception {
        Path nb = Files.copy(Fixtures.notebook("tricky.ipynb"), dir.resolve("tricky.ipynb"));
        Exporter exporter = Fixtures.exporter();
        Path file = exporter.export(nb, dir.resolve("src"), false);
        Files.writeString(file, Files.readString(file).replace("        a_v1 = 1;\n", "        a_v1 = 7;\n"));
        List<String> changed = new NotebookUpdater().update(exporter, nb, dir.resolve("src"));
        assertEquals(List.of("int-a"), changed);
        NotebookCell cell = new NotebookReader().read(nb).cells().get(4);
        assertEquals("int a = 7;\na + 1", cell.source());
    }

    /** An edit of a @Param field (what check flags as a hand edit) goes back into the parameters cell. */
    @Test
    void parameterEditGoesBackIntoTheParametersCell(@TempDir Path dir) throws Exception {
        Path nb = Files.copy(Fixtures.notebook("tricky.ipynb"), dir.resolve("tricky.ipynb"));
        Exporter exporter = Fixtures.exporter();
        Path file = exporter.export(nb, dir.resolve("src"), false);
        String text = Files.readString(file);
        assertTrue(text.contains("    @Param static int epochs = 3; // #params\n"), text);
        Files.writeString(file, text.replace("@Param static int epochs = 3;", "@Param static int epochs = 12;"));
        assertTrue(Staleness.handEdited(Files.readString(file)), "check sees the edit");
        List<String> changed = new NotebookUpdater().update(exporter, nb, dir.resolve("src"));
        assertEquals(List.of("params"), changed);
        NotebookCell cell = new NotebookReader().read(nb).cells().get(1);
        assertEquals(
                "//| class org.gradnote.notebooks.test.Tricky\n//| parameters\nint epochs = 12;\nString greeting = \"héllo\";",
                cell.source());
        exporter.export(nb, dir.resolve("src"), true);
        assertFalse(Staleness.handEdited(Files.readString(file)), "export --force now keeps the edit");
        assertTrue(Files.readString(file).contains("@Param static int epochs = 12;"));
    }

    /** Any other edit check flags (outside every cell) is refused naming it, never silently dropped. */
    @Test
    void editOutsideAnyCellIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path nb = Files.copy(Fixtures.notebook("tricky.ipynb"), dir.resolve("tricky.ipynb"));
        Exporter exporter = Fixtures.exporter();
        Path file = exporter.export(nb, dir.resolve("src"), false);
        Files.writeString(
                file, Files.readString(file).replace("import java.math.*;\n", "import java.math.BigDecimal;\n"));
        ExportException e = assertThrows(
                ExportException.class, () -> new NotebookUpdater().update(exporter, nb, dir.resolve("src")));
        assertTrue(
                e.getMessage().contains("edited by hand outside any cell ('import java.math.BigDecimal;'"),
                e.getMessage());
    }

    @Test
    void unknownCellIdIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path nb = Files.copy(Fixtures.notebook("tricky.ipynb"), dir.resolve("tricky.ipynb"));
        Exporter exporter = Fixtures.exporter();
        Path file = exporter.export(nb, dir.resolve("src"), false);
        Files.writeString(file, Files.readString(file).replace(" #pi\n", " #gone\n"));
        ExportException e = assertThrows(
                ExportException.class, () -> new NotebookUpdater().update(exporter, nb, dir.resolve("src")));
        assertTrue(e.getMessage().contains("cell #gone is not in"), e.getMessage());
    }

    @Test
    void cleanStripsCountsAndVolatileMetadataKeepingOutputs(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("n.ipynb");
        Files.writeString(
                nb,
                "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\","
                        + " \"execution_count\": 7, \"metadata\": {\"scrolled\": true, \"tags\": [\"x\"]}, \"source\": \"1\","
                        + " \"outputs\": [{\"output_type\": \"execute_result\", \"execution_count\": 7, \"metadata\": {}, \"data\": {\"text/plain\": \"1\"}}]}]}");
        NotebookFile file = new NotebookReader().read(nb);
        assertTrue(new NotebookCleaner().clean(file.json(), false));
        NotebookWriter.write(nb, file.json());
        String text = Files.readString(nb, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"execution_count\": null"), text);
        assertFalse(text.contains("scrolled"), text);
        assertTrue(text.contains("\"tags\""), text);
        assertTrue(text.contains("\"id\": \"cell-1\""), text);
        assertTrue(text.contains("\"nbformat_minor\": 5"), text);
        assertTrue(text.contains("\"text/plain\": \"1\""), "outputs kept");
        assertFalse(new NotebookCleaner().clean(new NotebookReader().read(nb).json(), false), "idempotent");
    }

    /** clean --drop-svg: SVG goes where a PNG of the same output exists, and stays where it is the only image. */
    @Test
    void dropSvgRemovesSvgOnlyBesideAPng(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("n.ipynb");
        Files.writeString(
                nb,
                "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"id\": \"c\", \"cell_type\": \"code\","
                        + " \"execution_count\": null, \"metadata\": {}, \"source\": \"1\", \"outputs\": ["
                        + "{\"output_type\": \"display_data\", \"metadata\": {\"image/png\": {\"width\": 8, \"height\": 5}},"
                        + " \"data\": {\"text/plain\": \"Chart\", \"image/png\": \"iVBO\", \"image/svg+xml\": \"<svg/>\"}},"
                        + "{\"output_type\": \"display_data\", \"metadata\": {}, \"data\": {\"text/plain\": \"<SVG>\", \"image/svg+xml\": \"<svg id='only'/>\"}}]}]}");
        NotebookFile file = new NotebookReader().read(nb);
        new NotebookCleaner().clean(file.json(), false, false);
        assertTrue(file.json().toString().contains("<svg/>"), "kept without --drop-svg");
        assertTrue(new NotebookCleaner().clean(file.json(), false, true));
        var outputs =
                file.json().getAsJsonArray("cells").get(0).getAsJsonObject().getAsJsonArray("outputs");
        var first = outputs.get(0).getAsJsonObject().getAsJsonObject("data");
        assertFalse(first.has("image/svg+xml"));
        assertTrue(first.has("image/png") && first.has("text/plain"));
        assertEquals(
                8,
                outputs.get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("metadata")
                        .getAsJsonObject("image/png")
                        .get("width")
                        .getAsInt());
        assertTrue(
                outputs.get(1).getAsJsonObject().getAsJsonObject("data").has("image/svg+xml"), "the only image stays");
        // Replay reads the size the output is shown at (the metadata), not the 2x PNG's pixels.
        var expected = ExpectedOutput.of(outputs);
        assertEquals(8, expected.displays().get(0).width());
        assertEquals(5, expected.displays().get(0).height());
    }
}
