package org.gradnote.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/** Finds and drops rows with missing values; to fill them instead, see {@link Imputer}. */
public final class Missing {
    private Missing() {}

    /** Missing values per column, in column order (zero counts included). */
    public static Map<String, Integer> count(Table table) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Column<?> c : table.columns()) out.put(c.name(), c.countMissing());
        return out;
    }

    /** The rows with no missing value in any column. */
    public static Table drop(Table table) {
        return drop(table, table.columnNames().toArray(new String[0]));
    }

    /** The rows with no missing value in the given columns. */
    public static Table drop(Table table, String... columns) {
        List<Column<?>> cols = java.util.Arrays.stream(columns)
                .<Column<?>>map(c -> Tables.require(table, c))
                .toList();
        Selection keep = new BitmapBackedSelection();
        for (int i = 0; i < table.rowCount(); i++) {
            boolean complete = true;
            for (Column<?> c : cols) complete &= !c.isMissing(i);
            if (complete) keep.add(i);
        }
        return table.where(keep);
    }
}
