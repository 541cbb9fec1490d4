package org.gradnote.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One-hot encoding of categorical columns, fitted on training data: each column becomes one 0/1 column per
 * category seen when fitting, named {@code column=value} and placed where the column was.
 * <pre>{@code
 * OneHot enc = OneHot.fit(train, "Species", "Island");
 * Table x = enc.transform(test);   // "Species=Adelie", "Species=Chinstrap", ... as DoubleColumns
 * }</pre>
 * A value not seen when fitting, or a missing value, is an error naming the column and row.
 */
public final class OneHot {
    private final Map<String, List<String>> categories;

    private OneHot(Map<String, List<String>> categories) {
        this.categories = categories;
    }

    /** Learns the sorted categories of each column. */
    public static OneHot fit(Table train, String... columns) {
        if (columns.length == 0)
            throw new IllegalArgumentException(train.name() + ": OneHot.fit needs at least one column");
        Map<String, List<String>> cats = new LinkedHashMap<>();
        for (String c : columns) {
            List<String> values = TableTensors.classes(train, c);
            if (values.isEmpty())
                throw new IllegalArgumentException(
                        train.name() + ": column '" + c + "' has no values to learn categories from");
            cats.put(c, values);
        }
        return new OneHot(cats);
    }

    /** Fits on a table and encodes that same table. */
    public static Table encode(Table table, String... columns) {
        return fit(table, columns).transform(table);
    }

    /** The categories learnt for a column, in the order of its 0/1 columns. */
    public List<String> categories(String column) {
        List<String> c = categories.get(column);
        if (c == null)
            throw new IllegalArgumentException(
                    "OneHot: column '" + column + "' was not fitted (fitted: " + categories.keySet() + ")");
        return List.copyOf(c);
    }

    /** A copy of the table with each fitted column replaced by its 0/1 columns. */
    public Table transform(Table table) {
        List<Column<?>> out = new ArrayList<>();
        for (String c : categories.keySet()) Tables.require(table, c);
        for (Column<?> col : table.columns()) {
            List<String> cats = categories.get(col.name());
            if (cats == null) {
                out.add(col.copy());
                continue;
            }
            DoubleColumn[] ind = new DoubleColumn[cats.size()];
            for (int k = 0; k < ind.length; k++)
                ind[k] = DoubleColumn.create(col.name() + "=" + cats.get(k), table.rowCount());
            for (int i = 0; i < col.size(); i++) {
                if (col.isMissing(i)) {
                    throw new IllegalArgumentException(
                            table.name() + ": column '" + col.name() + "' row " + i
                                    + " is missing; fill it first (e.g. Imputer.mostFrequent()) or drop the row (Missing.drop)");
                }
                int k = cats.indexOf(col.getString(i));
                if (k < 0) {
                    throw new IllegalArgumentException(table.name() + ": column '" + col.name() + "' row " + i
                            + " has the value '" + col.getString(i) + "', not seen when fitting (known: "
                            + String.join(", ", cats) + ")");
                }
                for (int j = 0; j < ind.length; j++) ind[j].set(i, j == k ? 1.0 : 0.0);
            }
            out.addAll(List.of(ind));
        }
        return Table.create(table.name(), out);
    }

    @Override
    public String toString() {
        return "OneHot" + categories;
    }
}
