package org.gradnote.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Shared checks for the table helpers, so every one of them names the column it complains about. */
final class Tables {
    private Tables() {}

    static Column<?> require(Table table, String column) {
        if (!table.columnNames().contains(column)) {
            throw new IllegalArgumentException(table.name() + ": no column '" + column + "' (columns: "
                    + String.join(", ", table.columnNames()) + ")");
        }
        return table.column(column);
    }

    static NumericColumn<?> numeric(Table table, String column, String hint) {
        Column<?> c = require(table, column);
        if (!(c instanceof NumericColumn<?> n)) {
            throw new IllegalArgumentException(
                    table.name() + ": column '" + column + "' is " + c.type() + ", not numeric" + hint);
        }
        return n;
    }

    /** The first few missing rows of a column, for messages ("rows 3, 339"). */
    static String missingRows(Column<?> c) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < c.size() && rows.size() < 5; i++) if (c.isMissing(i)) rows.add(i);
        String s = rows.toString().replace("[", "").replace("]", "");
        return (rows.size() == 1 ? "row " : "rows ") + s + (c.countMissing() > rows.size() ? ", ..." : "");
    }
}
