package org.gradnote.kernel.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code gradnote clean}: strips what changes on every run and means nothing in a diff (execution counts, timing
 * and collapse metadata), gives every cell a stable id, and drops outputs only when asked.
 */
public final class NotebookCleaner {
    static final List<String> VOLATILE_CELL_METADATA =
            List.of("execution", "ExecuteTime", "collapsed", "scrolled", "jupyter");

    /** Cleans {@code json} in place; returns true when anything changed. */
    public boolean clean(JsonObject json, boolean dropOutputs) {
        return clean(json, dropOutputs, false);
    }

    /**
     * Cleans {@code json} in place, also dropping {@code image/svg+xml} from every output that has an
     * {@code image/png} when {@code dropSvgBesidePng} (the PNG is what nbconvert's HTML and replay use; the SVG is
     * the bulk of a stored chart); returns true when anything changed.
     */
    public boolean clean(JsonObject json, boolean dropOutputs, boolean dropSvgBesidePng) {
        String before = json.toString();
        JsonArray cells = json.getAsJsonArray("cells");
        Set<String> ids = new HashSet<>();
        for (JsonElement e : cells)
            if (e.getAsJsonObject().has("id"))
                ids.add(e.getAsJsonObject().get("id").getAsString());
        boolean addedIds = false;
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (!cell.has("id")) {
                String id = "cell-" + (i + 1);
                for (int k = 2; ids.contains(id); k++) id = "cell-" + (i + 1) + "-" + k;
                ids.add(id);
                cell.addProperty("id", id);
                addedIds = true;
            }
            if (cell.has("metadata") && cell.get("metadata").isJsonObject()) {
                VOLATILE_CELL_METADATA.forEach(cell.getAsJsonObject("metadata")::remove);
            }
            if (!"code".equals(cell.has("cell_type") ? cell.get("cell_type").getAsString() : "")) continue;
            cell.add("execution_count", JsonNull.INSTANCE);
            if (dropOutputs) {
                cell.add("outputs", new JsonArray());
                continue;
            }
            if (cell.has("outputs")) {
                for (JsonElement o : cell.getAsJsonArray("outputs")) {
                    JsonObject out = o.getAsJsonObject();
                    if (out.has("execution_count")) out.add("execution_count", JsonNull.INSTANCE);
                    if (out.has("metadata") && out.get("metadata").isJsonObject())
                        out.getAsJsonObject("metadata").remove("execution");
                    if (dropSvgBesidePng && out.has("data") && out.get("data").isJsonObject()) {
                        JsonObject data = out.getAsJsonObject("data");
                        if (data.has("image/png")
                                && data.remove("image/svg+xml") != null
                                && out.has("metadata")
                                && out.get("metadata").isJsonObject()) {
                            out.getAsJsonObject("metadata").remove("image/svg+xml");
                        }
                    }
                }
            }
        }
        if (addedIds && json.has("nbformat_minor") && json.get("nbformat_minor").getAsInt() < 5)
            json.addProperty("nbformat_minor", 5);
        return !before.equals(json.toString());
    }
}
