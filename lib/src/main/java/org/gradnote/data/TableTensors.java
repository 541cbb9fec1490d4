package org.gradnote.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.gradnote.tensor.Tensor;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * From Tablesaw columns to tensors, one example per row:
 * {@code TableTensors.from(table).columns("temp_max", "temp_min").toTensor()} gives a [rows, 2] tensor of the
 * default float type. Missing values and text columns are errors naming the column: drop or impute them
 * ({@link Missing}, {@link Imputer}) and one-hot encode text ({@link OneHot}) first.
 */
public final class TableTensors {
    private final Table table;
    private final List<String> columns;

    private TableTensors(Table table, List<String> columns) {
        this.table = table;
        this.columns = columns;
    }

    /** All columns of a table, until {@link #columns} selects some. */
    public static TableTensors from(Table table) {
        return new TableTensors(table, table.columnNames());
    }

    /** Selects columns, in this order. */
    public TableTensors columns(String... names) {
        if (names.length == 0)
            throw new IllegalArgumentException(table.name() + ": columns() needs at least one column name");
        for (String n : names) Tables.require(table, n);
        return new TableTensors(table, List.of(names));
    }

    /** All columns except these (e.g. the target). */
    public TableTensors except(String... names) {
        for (String n : names) Tables.require(table, n);
        List<String> keep = new ArrayList<>(columns);
        keep.removeAll(Arrays.asList(names));
        return new TableTensors(table, keep);
    }

    /** The selected columns as a [rows, columns] tensor of the default floating-point type. */
    public Tensor toTensor() {
        return Tensor.fromArray(flat(), table.rowCount(), columns.size());
    }

    /** The selected columns as rows of doubles. */
    public double[][] toMatrix() {
        double[] flat = flat();
        int k = columns.size();
        double[][] out = new double[table.rowCount()][];
        for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        return out;
    }

    /** The one selected column as a series (e.g. a year of daily temperatures for {@link Windows}). */
    public double[] toSeries() {
        if (columns.size() != 1)
            throw new IllegalArgumentException(table.name() + ": toSeries() needs exactly one column, " + columns.size()
                    + " are selected " + columns);
        return flat();
    }

    /**
     * The one selected column as int64 class labels [rows]: integral numbers as they are, text as the index of
     * the value among the column's sorted distinct values (see {@link #classes}).
     */
    public Tensor toLabels() {
        if (columns.size() != 1)
            throw new IllegalArgumentException(table.name() + ": toLabels() needs exactly one column, " + columns.size()
                    + " are selected " + columns);
        String name = columns.get(0);
        Column<?> c = noMissing(name);
        long[] out = new long[c.size()];
        if (c instanceof NumericColumn<?> n) {
            for (int i = 0; i < out.length; i++) {
                double v = n.getDouble(i);
                if (v != Math.rint(v))
                    throw new IllegalArgumentException(
                            table.name() + ": column '" + name + "' row " + i + " holds " + v + ", not a class index");
                out[i] = (long) v;
            }
        } else {
            List<String> classes = classes(table, name);
            for (int i = 0; i < out.length; i++) out[i] = classes.indexOf(c.getString(i));
        }
        return Tensor.of(out);
    }

    /** The sorted distinct values of a column, whose positions {@link #toLabels} uses as labels. */
    public static List<String> classes(Table table, String column) {
        Column<?> c = Tables.require(table, column);
        TreeSet<String> s = new TreeSet<>();
        for (int i = 0; i < c.size(); i++) if (!c.isMissing(i)) s.add(c.getString(i));
        return new ArrayList<>(s);
    }

    /** A regression data set: the selected columns (minus the target) as x [rows, k], the target as y [rows, 1]. */
    public TensorDataset toDataset(String target) {
        Tables.numeric(table, target, " (use toClassification for a class column)");
        TableTensors x = without(target);
        return new TensorDataset(x.toTensor(), new TableTensors(table, List.of(target)).toTensor());
    }

    /** A classification data set: the selected columns (minus the label) as x [rows, k], labels as int64 y [rows]. */
    public TensorDataset toClassification(String label) {
        Tables.require(table, label);
        TableTensors x = without(label);
        return new TensorDataset(x.toTensor(), new TableTensors(table, List.of(label)).toLabels());
    }

    private TableTensors without(String target) {
        List<String> keep = new ArrayList<>(columns);
        keep.remove(target);
        if (keep.isEmpty())
            throw new IllegalArgumentException(
                    table.name() + ": no feature columns left besides the target '" + target + "'");
        return new TableTensors(table, keep);
    }

    private double[] flat() {
        int n = table.rowCount(), k = columns.size();
        double[] out = new double[n * k];
        for (int j = 0; j < k; j++) {
            String name = columns.get(j);
            Tables.numeric(table, name, "; one-hot encode it (OneHot) or use toLabels()");
            NumericColumn<?> c = (NumericColumn<?>) noMissing(name);
            for (int i = 0; i < n; i++) out[i * k + j] = c.getDouble(i);
        }
        return out;
    }

    private Column<?> noMissing(String name) {
        Column<?> c = Tables.require(table, name);
        int miss = c.countMissing();
        if (miss > 0) {
            throw new IllegalArgumentException(table.name() + ": column '" + name + "' has " + miss + " missing value"
                    + (miss == 1 ? "" : "s") + " (" + Tables.missingRows(c)
                    + "); drop them (Missing.drop) or fill them (Imputer) first");
        }
        return c;
    }
}
