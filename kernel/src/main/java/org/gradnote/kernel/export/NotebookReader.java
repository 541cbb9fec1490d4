package org.gradnote.kernel.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Stage 1: reads an nbformat 4 notebook; anything else fails with a message naming the file. */
public final class NotebookReader {

    public NotebookFile read(Path path) throws ExportException {
        String display = displayPath(path);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException(display + ": cannot read: " + e.getMessage(), e);
        }
        JsonObject json;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject())
                throw new ExportException(display + ": not a notebook (top level is not a JSON object)");
            json = root.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ExportException(display + ": not valid JSON: " + rootMessage(e), e);
        }
        JsonElement format = json.get("nbformat");
        if (format == null
                || !format.isJsonPrimitive()
                || !format.getAsJsonPrimitive().isNumber()) {
            throw new ExportException(display + ": not a Jupyter notebook (no nbformat)");
        }
        if (format.getAsInt() != 4) {
            throw new ExportException(display + ": nbformat " + format.getAsInt() + " is not supported, only 4"
                    + " (convert it with: jupyter nbconvert --to notebook --nbformat 4)");
        }
        if (!json.has("cells") || !json.get("cells").isJsonArray())
            throw new ExportException(display + ": no cells array");
        List<NotebookCell> cells = new ArrayList<>();
        JsonArray array = json.getAsJsonArray("cells");
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonObject())
                throw new ExportException(display + ": cell " + (i + 1) + " is not an object");
            JsonObject c = array.get(i).getAsJsonObject();
            String type = c.has("cell_type") ? c.get("cell_type").getAsString() : "";
            boolean hasId = c.has("id") && c.get("id").isJsonPrimitive();
            String id = hasId ? c.get("id").getAsString() : "idx" + i;
            JsonArray outputs =
                    c.has("outputs") && c.get("outputs").isJsonArray() ? c.getAsJsonArray("outputs") : new JsonArray();
            cells.add(new NotebookCell(i, id, hasId, type, source(c.get("source")), outputs));
        }
        return new NotebookFile(path, display, json, List.copyOf(cells));
    }

    /** nbformat stores multi-line strings as a string or as a list of lines. */
    static String source(JsonElement e) {
        if (e == null || e.isJsonNull()) return "";
        if (e.isJsonPrimitive()) return e.getAsString();
        StringBuilder b = new StringBuilder();
        for (JsonElement line : e.getAsJsonArray()) b.append(line.getAsString());
        return b.toString();
    }

    static String displayPath(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        Path parent = abs.getParent() == null ? null : abs.getParent().getFileName();
        return (parent == null ? "" : parent + "/") + abs.getFileName();
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.getMessage();
    }
}
