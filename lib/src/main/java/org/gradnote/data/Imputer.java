package org.gradnote.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Fills missing values with a statistic of the training data (as scikit-learn's SimpleImputer), then applies the
 * same fill to test data: {@code Table t = Imputer.median().fit(train, "Body Mass (g)").transform(test);}.
 * Mean and median need numeric columns; most-frequent also fills text (ties go to the value first in text order).
 * Filled numeric columns come back as {@link DoubleColumn}s.
 */
public final class Imputer {
    private enum Strategy {
        MEAN,
        MEDIAN,
        MOST_FREQUENT
    }

    private final Strategy strategy;
    private final Map<String, String> fills; // as text, so one map serves numbers and strings

    private Imputer(Strategy strategy, Map<String, String> fills) {
        this.strategy = strategy;
        this.fills = fills;
    }

    /**
     * An imputer filling each numeric column's missing values with the training column's mean ({@code
     * SimpleImputer(strategy="mean")}).
     */
    public static Imputer mean() {
        return new Imputer(Strategy.MEAN, null);
    }

    /**
     * An imputer filling each numeric column's missing values with the training column's median ({@code
     * SimpleImputer(strategy="median")}).
     */
    public static Imputer median() {
        return new Imputer(Strategy.MEDIAN, null);
    }

    /**
     * An imputer filling each column's missing values, numeric or text, with the training column's most frequent value
     * ({@code SimpleImputer(strategy="most_frequent")}).
     */
    public static Imputer mostFrequent() {
        return new Imputer(Strategy.MOST_FREQUENT, null);
    }

    /** Learns the fill value of each column from the training table; no column means every column with a gap. */
    public Imputer fit(Table train, String... columns) {
        String[] cols = columns.length > 0
                ? columns
                : train.columns().stream()
                        .filter(c -> c.countMissing() > 0)
                        .map(Column::name)
                        .toArray(String[]::new);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : cols) {
            Column<?> c = Tables.require(train, name);
            if (c.countMissing() == c.size())
                throw new IllegalArgumentException(
                        train.name() + ": column '" + name + "' has only missing values, nothing to impute from");
            if (strategy == Strategy.MOST_FREQUENT) {
                out.put(name, mostFrequent(c));
                continue;
            }
            NumericColumn<?> n = Tables.numeric(
                    train,
                    name,
                    "; " + strategy.name().toLowerCase(Locale.ROOT) + " needs numbers, use Imputer.mostFrequent()");
            double[] v = new double[n.size() - n.countMissing()];
            for (int i = 0, k = 0; i < n.size(); i++) if (!n.isMissing(i)) v[k++] = n.getDouble(i);
            Arrays.sort(v);
            double fill = strategy == Strategy.MEAN
                    ? Arrays.stream(v).average().orElseThrow()
                    : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
            out.put(name, Double.toString(fill));
        }
        return new Imputer(strategy, out);
    }

    /** The learnt fill values, by column (numbers as text). */
    public Map<String, String> values() {
        fitted();
        return Map.copyOf(fills);
    }

    /** A copy of the table with the fitted columns' missing values filled. */
    public Table transform(Table table) {
        fitted();
        Table out = table.copy();
        for (var e : fills.entrySet()) {
            Column<?> c = Tables.require(table, e.getKey());
            if (c instanceof NumericColumn<?> n) {
                DoubleColumn d = n.asDoubleColumn().setName(c.name());
                double fill = Double.parseDouble(e.getValue());
                for (int i = 0; i < d.size(); i++) if (d.isMissing(i)) d.set(i, fill);
                out.replaceColumn(c.name(), d);
            } else if (c instanceof StringColumn s) {
                StringColumn filled = s.copy();
                for (int i = 0; i < filled.size(); i++) if (filled.isMissing(i)) filled.set(i, e.getValue());
                out.replaceColumn(c.name(), filled);
            } else {
                throw new IllegalArgumentException(table.name() + ": column '" + c.name() + "' is " + c.type()
                        + "; the imputer fills numbers and text only");
            }
        }
        return out;
    }

    private static String mostFrequent(Column<?> c) {
        // Counted on the text form, sorted, so ties resolve the same way on every run.
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < c.size(); i++) if (!c.isMissing(i)) counts.merge(key(c, i), 1, Integer::sum);
        return counts.entrySet().stream()
                .max((a, b) -> a.getValue() - b.getValue() != 0
                        ? a.getValue() - b.getValue()
                        : b.getKey().compareTo(a.getKey()))
                .orElseThrow()
                .getKey();
    }

    private static String key(Column<?> c, int i) {
        return c instanceof NumericColumn<?> n ? Double.toString(n.getDouble(i)) : c.getString(i);
    }

    private void fitted() {
        if (fills == null)
            throw new IllegalStateException(
                    "Imputer: not fitted yet; call fit(train, columns...) and use the imputer it returns");
    }

    @Override
    public String toString() {
        return "Imputer." + strategy.name().toLowerCase(Locale.ROOT)
                + (fills == null ? "() (not fitted)" : fills.toString());
    }
}
