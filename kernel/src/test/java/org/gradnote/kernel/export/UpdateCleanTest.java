package org.gradnote.kernel.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

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

    @Test
    void unknownCellIdIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path nb = Files.copy(Fixtures.notebook("tricky.ipynb"), dir.resolve("tricky.ipynb"));
        Exporter exporter = Fixtures.exporter();
        Path file = exporter.export(nb, dir.resolve("src"), false);
        Files.writeString(file, Files.readString(file).replace(" #pi\n", " #gone\n"));
        ExportException e = assertThrows(ExportException.class, () -> new NotebookUpdater().update(exporter, nb, dir.resolve("src")));
        assertTrue(e.getMessage().contains("cell #gone is not in"), e.getMessage());
    }

    @Test
    void cleanStripsCountsAndVolatileMetadataKeepingOutputs(@TempDir Path dir) throws Exception {
        Path nb = dir.resolve("n.ipynb");
        Files.writeString(nb, "{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\","
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
}
