package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import org.gradnote.magics.MagicRegistry;
import org.junit.jupiter.api.Test;

class MagicTranslatorTest {
    private final MagicTranslator translator = new MagicTranslator(MagicRegistry.standard());

    private static SelectedCell cell(String source) {
        return new SelectedCell(
                new NotebookCell(4, "m1", true, "code", source, new JsonArray()), Directives.NONE, source);
    }

    @Test
    void cellMagicBecomesItsJavaEquivalent() throws Exception {
        TranslatedCell t = translator.translate("nb.ipynb", cell("%%time\nint s = 1;"));
        assertTrue(t.hasMagics());
        assertTrue(t.endsWithMagic());
        assertTrue(
                t.java().startsWith("long timeStart = System.nanoTime();\nint s = 1;\nSystem.out.printf(\"Wall time"),
                t.java());
    }

    @Test
    void plainJavaIsUntouched() throws Exception {
        TranslatedCell t = translator.translate("nb.ipynb", cell("int x = 5 % 3;\nx"));
        assertFalse(t.hasMagics());
        assertEquals("int x = 5 % 3;\nx", t.java());
    }

    @Test
    void magicWithoutEquivalentFailsNamingTheCell() {
        ExportException e =
                assertThrows(ExportException.class, () -> translator.translate("nb.ipynb", cell("int x = 1;\n%who")));
        assertTrue(
                e.getMessage().startsWith("nb.ipynb: cell #m1 (cell 5): %who has no plain-Java equivalent"),
                e.getMessage());
    }

    @Test
    void unknownMagicFailsNamingTheCell() {
        ExportException e =
                assertThrows(ExportException.class, () -> translator.translate("nb.ipynb", cell("%nosuch 1")));
        assertTrue(
                e.getMessage().contains("cell #m1") && e.getMessage().contains("unknown magic %nosuch"),
                e.getMessage());
    }
}
