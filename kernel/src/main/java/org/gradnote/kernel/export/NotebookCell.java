package org.gradnote.kernel.export;

import com.google.gson.JsonArray;

/**
 * One cell of a notebook as the exporter sees it.
 *
 * @param index 0-based position in the notebook
 * @param id the nbformat 4.5 cell id, or {@code idxN} when the notebook predates ids ({@code hasId} false)
 * @param outputs the stored outputs (empty for markdown cells)
 */
public record NotebookCell(int index, String id, boolean hasId, String type, String source, JsonArray outputs) {

    public boolean isCode() {
        return type.equals("code");
    }

    /** How errors name the cell: {@code #id (cell 3)}. */
    public String label() {
        return "#" + id + " (cell " + (index + 1) + ")";
    }
}
