package org.gradnote.magics;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The code cells of an nbformat 4 notebook, in order, for {@code %load NOTEBOOK.ipynb}. */
final class NotebookCode {
    private NotebookCode() {}

    /**
     * One code cell.
     *
     * @param index 0-based position among all the notebook's cells (markdown included), as in the file
     * @param id    the nbformat 4.5 cell id, or empty for older notebooks
     */
    record Cell(int index, String id, String source) {
        /** How errors name the cell, e.g. {@code cell 3 (index 2, id "f1a2")}. */
        String describe() {
            return "cell " + (index + 1) + " (index " + index + (id.isEmpty() ? ", no id" : ", id \"" + id + "\"")
                    + ")";
        }
    }

    static List<Cell> read(Path notebook) throws IOException {
        JsonObject json;
        try {
            JsonElement root = JsonParser.parseString(Files.readString(notebook));
            if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) throw new JsonParseException("no cells");
            json = root.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(notebook.getFileName() + " is not a Jupyter notebook: " + e.getMessage(), e);
        }
        var cells = json.getAsJsonArray("cells");
        List<Cell> code = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            JsonObject c = cells.get(i).getAsJsonObject();
            if (!c.has("cell_type") || !c.get("cell_type").getAsString().equals("code")) continue;
            String id =
                    c.has("id") && c.get("id").isJsonPrimitive() ? c.get("id").getAsString() : "";
            code.add(new Cell(i, id, source(c.get("source"))));
        }
        return code;
    }

    /** nbformat allows the source as one string or as a list of lines (each keeping its newline). */
    private static String source(JsonElement source) {
        if (source == null || source.isJsonNull()) return "";
        if (source.isJsonPrimitive()) return source.getAsString();
        StringBuilder b = new StringBuilder();
        for (JsonElement line : source.getAsJsonArray()) b.append(line.getAsString());
        return b.toString();
    }
}
