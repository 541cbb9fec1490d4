package org.gradnote.kernel.export;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
    private static NotebookCell code(int i, String id, String source) {
        return new NotebookCell(i, id, true, "code", source, new JsonArray());
    }

    private static NotebookFile notebook(NotebookCell... cells) {
        return new NotebookFile(
                Path.of("notebooks/x.ipynb"), "notebooks/x.ipynb", new com.google.gson.JsonObject(), List.of(cells));
    }

    @Test
    void parsesEveryDirective() throws Exception {
        Directives d = new DirectiveParser()
                .parse(
                        "x",
                        code(
                                0,
                                "a",
                                "//| class com.acme.Lab\n//| parameters\n//| tolerance abs=1e-3 rel=0.01\n//| raises ArithmeticException\n//| timeout 2m\nint x = 1;"));
        assertEquals("com.acme.Lab", d.className().orElseThrow());
        assertTrue(d.parameters());
        assertEquals(1e-3, d.absTolerance());
        assertEquals(0.01, d.relTolerance());
        assertEquals("ArithmeticException", d.raises().orElseThrow());
        assertEquals(120_000, d.timeoutMillis());
    }

    @Test
    void unknownDirectiveNamesFileAndCell() {
        ExportException e = assertThrows(
                ExportException.class,
                () -> new DirectiveParser().parse("notebooks/x.ipynb", code(3, "abc", "//| exprot\nint x;")));
        assertTrue(
                e.getMessage().startsWith("notebooks/x.ipynb: cell #abc (cell 4): bad directive '//| exprot'"),
                e.getMessage());
    }

    @Test
    void exportDirectiveSelectsOnlyThoseCellsAndSkipDrops() throws Exception {
        var sel = new CellSelector()
                .select(notebook(
                        code(0, "a", "int a = 1;"),
                        code(1, "b", "//| export\nint b = 2;"),
                        code(2, "c", "//| skip\nint c;"),
                        code(3, "d", "//| class p.Q\n//| skip\n")));
        assertEquals(
                "notebooks/x.ipynb: cell #c (cell 3): both //| export and //| skip",
                assertThrows(
                                ExportException.class,
                                () -> new CellSelector().select(notebook(code(2, "c", "//| skip\n//| export\n"))))
                        .getMessage());
        assertEquals(List.of("b"), sel.cells().stream().map(c -> c.cell().id()).toList());
        assertEquals("p.Q", sel.className().orElseThrow(), "the class directive counts even in a skipped cell");
        assertEquals("\nint b = 2;", sel.cells().get(0).code(), "directive lines are blanked, keeping line numbers");
    }

    @Test
    void emptyAndMarkdownCellsAreDropped() throws Exception {
        var sel = new CellSelector()
                .select(notebook(
                        code(0, "e", "  \n"),
                        new NotebookCell(1, "m", true, "markdown", "# hi", new JsonArray()),
                        code(2, "k", "1 + 1")));
        assertEquals(List.of("k"), sel.cells().stream().map(c -> c.cell().id()).toList());
    }

    @Test
    void defaultClassNameIsCamelCaseInTheNotebooksPackage() {
        assertEquals("Nb01AutogradBasics", ClassNames.camel("01-autograd-basics"));
        assertEquals("MlpLab", ClassNames.camel("mlp_lab"));
    }
}
