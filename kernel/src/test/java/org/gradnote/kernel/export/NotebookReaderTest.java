package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class NotebookReaderTest {
    private final NotebookReader reader = new NotebookReader();

    @Test
    void readsCellsWithIdsTypesAndJoinedSources() throws Exception {
        NotebookFile nb = reader.read(Fixtures.notebook("tricky.ipynb"));
        assertEquals("export/tricky.ipynb", nb.displayPath());
        assertEquals("tricky", nb.baseName());
        assertEquals(13, nb.cells().size());
        assertEquals("markdown", nb.cells().get(0).type());
        NotebookCell klass = nb.cells().get(6);
        assertEquals("klass", klass.id());
        assertTrue(klass.source().startsWith("class Counter {\n    int n;"), klass.source());
        assertEquals(1, klass.outputs().size());
    }

    @Test
    void invalidJsonNamesTheFile() {
        ExportException e = assertThrows(ExportException.class, () -> reader.read(Fixtures.notebook("invalid.ipynb")));
        assertTrue(e.getMessage().startsWith("export/invalid.ipynb: not valid JSON"), e.getMessage());
    }

    @Test
    void nbformat3IsRefusedNamingTheFile() {
        ExportException e =
                assertThrows(ExportException.class, () -> reader.read(Fixtures.notebook("nbformat3.ipynb")));
        assertTrue(e.getMessage().startsWith("export/nbformat3.ipynb: nbformat 3 is not supported"), e.getMessage());
    }

    @Test
    void cellsWithoutIdsGetIndexIds() {
        var cell = new NotebookCell(2, "idx2", false, "code", "", new com.google.gson.JsonArray());
        assertEquals("#idx2 (cell 3)", cell.label());
    }
}
