package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 2: picks the code cells to export. By default every code cell; when some cell says {@code //| export},
 * only those (nbdev's rule); {@code //| skip} always drops a cell. Markdown, raw and empty cells are dropped.
 */
public final class CellSelector {
    private final DirectiveParser parser = new DirectiveParser();

    public Selection select(NotebookFile notebook) throws ExportException {
        List<SelectedCell> all = new ArrayList<>();
        boolean anyExport = false;
        for (NotebookCell cell : notebook.cells()) {
            if (!cell.isCode()) continue;
            Directives d = parser.parse(notebook.displayPath(), cell);
            anyExport |= d.export();
            all.add(new SelectedCell(cell, d, withoutDirectives(cell.source())));
        }
        List<SelectedCell> out = new ArrayList<>();
        java.util.Optional<String> className = java.util.Optional.empty();
        for (SelectedCell c : all)
            if (c.directives().className().isPresent())
                className = c.directives().className();
        for (SelectedCell c : all) {
            if (c.directives().skip()
                    || (anyExport && !c.directives().export() && !c.directives().parameters())) continue;
            if (c.code().isBlank()) continue;
            out.add(c);
        }
        return new Selection(List.copyOf(out), className);
    }

    /** The cells to export, and the class name a {@code //| class} directive gave (in any code cell, even skipped). */
    public record Selection(List<SelectedCell> cells, java.util.Optional<String> className) {}

    static String withoutDirectives(String source) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (Directives.isDirective(lines[i])) lines[i] = "";
        return String.join("\n", lines);
    }
}
