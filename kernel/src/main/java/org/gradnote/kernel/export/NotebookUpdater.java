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
 * notebook lacks, or an edited cell that holds magics, is refused naming the cell; nothing is written then. An edited
 * {@code @Param} field changes the initializer of its declaration in the parameters cell; any other hand edit that
 * {@code check} sees (outside every cell's region) is refused naming its line, so no edit is silently lost.
 */
public final class NotebookUpdater {
    private static final Pattern FIELD = Pattern.compile(" {4}static (.+) (\\w+); // #(\\S+)");
    private static final Pattern STEP = Pattern.compile("static void cell\\d+_\\w+\\(\\) throws Throwable \\{");
    private static final Pattern PARAM = Pattern.compile(" {4}@Param static (.+?) (\\w+)(?: = (.*))?; // #(\\S+)");

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
        List<String> changed = new ArrayList<>(parameters(file, nb, edited, fresh.source()));
        for (var e : mine.entrySet()) {
            NotebookCell cell = nb.cells().stream()
                    .filter(c -> c.hasId() && c.id().equals(e.getKey()))
                    .findFirst()
                    .orElseThrow(
                            () -> new ExportException(file + ": cell #" + e.getKey() + " is not in " + nb.displayPath()
                                    + " (cells need ids: run gradnote clean to add them, then export again)"));
            if (e.getValue().equals(theirs.get(e.getKey()))) continue;
            if (changed.contains(cell.id())) {
                throw ExportException.atCell(
                        nb.displayPath(),
                        cell,
                        "had both its @Param fields and its code edited in " + file + "; edit it in the notebook");
            }
            TranslatedCell tc = fresh.cells().stream()
                    .filter(c -> c.cell().id().equals(cell.id()))
                    .findFirst()
                    .orElse(null);
            if (tc != null && tc.hasMagics()) {
                throw ExportException.atCell(
                        nb.displayPath(), cell, "was edited in " + file + " but holds magics; edit it in the notebook");
            }
            String source = directives(cell.source()) + unrender(e.getValue(), fields(edited, cell.id()));
            JsonObject json =
                    nb.json().getAsJsonArray("cells").get(cell.index()).getAsJsonObject();
            json.add("source", NotebookWriter.lines(source));
            changed.add(cell.id());
        }
        refuseEditsOutsideCells(file, edited, fresh.source());
        if (!changed.isEmpty()) {
            try {
                NotebookWriter.write(notebookPath, nb.json());
            } catch (IOException e) {
                throw new ExportException(notebookPath + ": cannot write: " + e.getMessage(), e);
            }
        }
        return changed;
    }

    /**
     * Writes edited {@code @Param} initializers back into their parameters cells' declarations (in {@code nb}'s JSON);
     * returns the ids of the cells changed. A parameter added, removed, renamed or retyped is refused.
     */
    static List<String> parameters(Path file, NotebookFile nb, String edited, String fresh) throws ExportException {
        Map<String, String[]> mine = params(edited), theirs = params(fresh);
        List<String> changed = new ArrayList<>();
        if (!mine.keySet().equals(theirs.keySet())) {
            throw new ExportException(file + ": @Param fields were added or removed by hand (" + mine.keySet() + " vs "
                    + theirs.keySet() + "); update cannot carry that back: edit the parameters cell in the notebook");
        }
        for (var e : mine.entrySet()) {
            String[] m = e.getValue(), t = theirs.get(e.getKey());
            if (java.util.Arrays.equals(m, t)) continue;
            String cellId = t[3];
            NotebookCell cell = nb.cells().stream()
                    .filter(c -> c.hasId() && c.id().equals(cellId))
                    .findFirst()
                    .orElseThrow(
                            () -> new ExportException(file + ": cell #" + cellId + " is not in " + nb.displayPath()));
            if (!m[0].equals(t[0]) || !m[3].equals(t[3]) || m[2] == null || t[2] == null) {
                throw ExportException.atCell(
                        nb.displayPath(),
                        cell,
                        "parameter '" + e.getKey() + "' was changed in " + file
                                + " beyond its value (type, cell or initializer removed); edit it in the notebook");
            }
            JsonObject json =
                    nb.json().getAsJsonArray("cells").get(cell.index()).getAsJsonObject();
            String source = NotebookReader.source(json.get("source"));
            Matcher d = Pattern.compile("(\\b" + Pattern.quote(t[0]) + "\\s+" + Pattern.quote(e.getKey()) + "\\s*=\\s*)"
                            + Pattern.quote(t[2]) + "(\\s*;)")
                    .matcher(source);
            if (!d.find()) {
                throw ExportException.atCell(
                        nb.displayPath(),
                        cell,
                        "parameter '" + e.getKey() + "' was edited in " + file
                                + " but its declaration '" + t[0] + " " + e.getKey() + " = " + t[2]
                                + ";' is not in the cell as"
                                + " written; edit it in the notebook");
            }
            source = source.substring(0, d.start()) + d.group(1) + m[2] + d.group(2) + source.substring(d.end());
            json.add("source", NotebookWriter.lines(source));
            if (!changed.contains(cellId)) changed.add(cellId);
        }
        return changed;
    }

    /** {@code @Param} lines: name to {type, name, initializer or null, cell id}. */
    private static Map<String, String[]> params(String exported) {
        Map<String, String[]> out = new java.util.LinkedHashMap<>();
        for (String line : exported.split("\n")) {
            Matcher m = PARAM.matcher(line);
            if (m.matches()) out.put(m.group(2), new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        return out;
    }

    /**
     * Fails naming the first line edited outside every cell's region and the {@code @Param} lines (imports, the
     * variable fields, {@code steps()}, {@code main}): {@code check} flags such an edit, and update could not carry it.
     */
    static void refuseEditsOutsideCells(Path file, String edited, String fresh) throws ExportException {
        List<String> mine = outside(ExportHeader.body(edited)), theirs = outside(ExportHeader.body(fresh));
        for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
            String m = i < mine.size() ? mine.get(i) : "<end of file>",
                    t = i < theirs.size() ? theirs.get(i) : "<end of file>";
            if (!m.equals(t)) {
                throw new ExportException(file + ": edited by hand outside any cell ('" + m.strip()
                        + "' where the export" + " has '" + t.strip()
                        + "'); update cannot carry that into the notebook: undo it, or edit the notebook");
            }
        }
    }

    /** The lines of an exported body outside the cells' regions, without the @Param lines. */
    private static List<String> outside(String body) {
        List<String> out = new ArrayList<>();
        boolean inRegion = false;
        for (String line : body.split("\n", -1)) {
            if (line.matches(" {4}// %% \\S+ #\\S+")) {
                inRegion = true;
                continue;
            }
            if (line.startsWith("    /** The cells in notebook order")) inRegion = false;
            if (inRegion || PARAM.matcher(line).matches()) continue;
            out.add(line);
        }
        return out;
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
            if (field.matches("\\w+_v\\d+"))
                source = Identifiers.rename(source, field, field.replaceFirst("_v\\d+$", ""));
        }
        return source;
    }

    private static String statement(String line, Map<String, String> fields) {
        TrailingComment tc = TrailingComment.of(line);
        if (!tc.comment().isEmpty()) return statement(tc.code(), fields) + tc.suffix(); // as export wrote it
        if (line.startsWith("Notebook.display(") && line.endsWith(");")) return line.substring(17, line.length() - 2);
        if (line.startsWith("Notebook.discard(") && line.endsWith(");"))
            return line.substring(17, line.length() - 2) + ";";
        Matcher m = Pattern.compile("(\\w+) = (.*)").matcher(line);
        if (m.matches() && fields.containsKey(m.group(1))) return fields.get(m.group(1)) + " " + line;
        return line;
    }

    /** The cell's directive lines, which the export drops and update must keep. */
    private static String directives(String source) {
        StringBuilder b = new StringBuilder();
        for (String line : source.split("\n", -1))
            if (Directives.isDirective(line)) b.append(line.strip()).append('\n');
        return b.toString();
    }
}
