package org.gradnote.kernel.export;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gradnote update}: writes hand edits of an exported class back into its notebook, by cell id. A cell's
 * region that differs from what the notebook exports today is turned back into cell source: members lose the
 * {@code static} export added, the step body is de-indented, {@code Notebook.display(x);} becomes {@code x}, and
 * assignments to the cell's own fields become declarations again (with the field's type). A marker whose id the
 * notebook lacks, or an edited cell that holds magics, is refused naming the cell; nothing is written then.
 */
public final class NotebookUpdater {
    private static final Pattern FIELD = Pattern.compile(" {4}static (.+) (\\w+); // #(\\S+)");
    private static final Pattern STEP = Pattern.compile("static void cell\\d+_\\w+\\(\\) throws Throwable \\{");

    /** Returns the ids of the cells it changed. */
    public List<String> update(Exporter exporter, Path notebookPath, Path exportedDir) throws ExportException {
        Exporter.Result fresh = exporter.render(notebookPath);
        Path file = fresh.target(exportedDir);
        String edited;
        try {
            edited = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> mine = ExportedRegions.of(edited), theirs = ExportedRegions.of(fresh.source());
        NotebookFile nb = fresh.notebook();
        List<String> changed = new ArrayList<>();
        for (var e : mine.entrySet()) {
            NotebookCell cell = nb.cells().stream().filter(c -> c.hasId() && c.id().equals(e.getKey())).findFirst()
                    .orElseThrow(() -> new ExportException(file + ": cell #" + e.getKey() + " is not in " + nb.displayPath()
                            + " (cells need ids: run gradnote clean to add them, then export again)"));
            if (e.getValue().equals(theirs.get(e.getKey()))) continue;
            TranslatedCell tc = fresh.cells().stream().filter(c -> c.cell().id().equals(cell.id())).findFirst().orElse(null);
            if (tc != null && tc.hasMagics()) {
                throw ExportException.atCell(nb.displayPath(), cell, "was edited in " + file + " but holds magics; edit it in the notebook");
            }
            String source = directives(cell.source()) + unrender(e.getValue(), fields(edited, cell.id()));
            JsonObject json = nb.json().getAsJsonArray("cells").get(cell.index()).getAsJsonObject();
            json.add("source", NotebookWriter.lines(source));
            changed.add(cell.id());
        }
        if (!changed.isEmpty()) {
            try {
                NotebookWriter.write(notebookPath, nb.json());
            } catch (IOException e) {
                throw new ExportException(notebookPath + ": cannot write: " + e.getMessage(), e);
            }
        }
        return changed;
    }

    /** The field declarations of the exported file that belong to {@code cellId}: name to type. */
    static Map<String, String> fields(String exported, String cellId) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : exported.split("\n")) {
            Matcher m = FIELD.matcher(line);
            if (m.matches() && m.group(3).equals(cellId)) out.put(m.group(2), m.group(1));
        }
        return out;
    }

    static String unrender(String region, Map<String, String> fields) {
        List<String> out = new ArrayList<>();
        String[] lines = region.split("\n", -1);
        boolean inStep = false;
        for (String line : lines) {
            String l = line.startsWith("    ") ? line.substring(4) : line.strip();
            if (!inStep && STEP.matcher(l).matches()) {
                inStep = true;
                continue;
            }
            if (inStep && l.equals("}")) {
                inStep = false;
                continue;
            }
            if (inStep) {
                out.add(statement(l.startsWith("    ") ? l.substring(4) : l, fields));
            } else {
                out.add(l.startsWith("static ") ? l.substring("static ".length()) : l);
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) out.remove(out.size() - 1);
        String source = String.join("\n", out);
        for (String field : fields.keySet()) {
            // an older generation of a redeclared variable: the cell wrote it under its own name
            if (field.matches("\\w+_v\\d+")) source = Identifiers.rename(source, field, field.replaceFirst("_v\\d+$", ""));
        }
        return source;
    }

    private static String statement(String line, Map<String, String> fields) {
        if (line.startsWith("Notebook.display(") && line.endsWith(");")) return line.substring(17, line.length() - 2);
        if (line.startsWith("Notebook.discard(") && line.endsWith(");")) return line.substring(17, line.length() - 2) + ";";
        Matcher m = Pattern.compile("(\\w+) = (.*)").matcher(line);
        if (m.matches() && fields.containsKey(m.group(1))) return fields.get(m.group(1)) + " " + line;
        return line;
    }

    /** The cell's directive lines, which the export drops and update must keep. */
    private static String directives(String source) {
        StringBuilder b = new StringBuilder();
        for (String line : source.split("\n", -1)) if (Directives.isDirective(line)) b.append(line.strip()).append('\n');
        return b.toString();
    }
}
