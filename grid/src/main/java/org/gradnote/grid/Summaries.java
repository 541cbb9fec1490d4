package org.gradnote.grid;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.TDistribution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The grid's two tables: {@code results.csv}, one row per run in the plan's order, and {@code summary.csv}, one row per
 * parameter combination with each metric's n, mean, sample std and 95% Student-t interval over its seeds and folds
 * (finished runs only).
 */
final class Summaries {
    private Summaries() {}

    /** One row per planned run that finished (ok, failed or timed out), in plan order. */
    static Table results(List<RunSpec> plan, Map<String, JsonObject> runs, List<String> paramNames) {
        List<String> metrics = metricNames(runs.values());
        Table t = Table.create("results").addColumns(StringColumn.create("run"));
        for (String p : paramNames) t.addColumns(StringColumn.create(p));
        t.addColumns(StringColumn.create("seed"), StringColumn.create("fold"), StringColumn.create("status"));
        // Tablesaw's column names ignore case: a metric named like a parameter or a fixed column gets a prefix.
        java.util.Map<String, String> column = new java.util.HashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String c : t.columnNames()) taken.add(c.toLowerCase(java.util.Locale.ROOT));
        taken.add("seconds");
        taken.add("error");
        for (String m : metrics) {
            String name = taken.contains(m.toLowerCase(java.util.Locale.ROOT)) ? "metric_" + m : m;
            column.put(m, name);
            t.addColumns(DoubleColumn.create(name));
        }
        t.addColumns(DoubleColumn.create("seconds"), StringColumn.create("error"));
        for (RunSpec r : plan) {
            JsonObject run = runs.get(r.id());
            if (run == null) continue;
            t.stringColumn("run").append(r.id());
            for (String p : paramNames) t.stringColumn(p).append(r.params().get(p));
            t.stringColumn("seed").append(r.seed() == null ? "" : r.seed().toString());
            t.stringColumn("fold").append(r.fold() == null ? "" : r.fold().toString());
            t.stringColumn("status").append(run.get("status").getAsString());
            JsonObject values = run.getAsJsonObject("metrics");
            for (String m : metrics) {
                JsonElement v = values.get(m);
                if (v == null) t.doubleColumn(column.get(m)).appendMissing();
                else t.doubleColumn(column.get(m)).append(v.getAsDouble());
            }
            t.doubleColumn("seconds").append(run.get("seconds").getAsDouble());
            t.stringColumn("error").append(run.get("error").getAsString());
        }
        if (t.stringColumn("seed").isMissing().size() == t.rowCount()) t.removeColumns("seed");
        if (t.stringColumn("fold").isMissing().size() == t.rowCount()) t.removeColumns("fold");
        return t;
    }

    /** One row per parameter combination, in plan order: n, mean, std and a 95% interval of each metric. */
    static Table summary(List<RunSpec> plan, Map<String, JsonObject> runs, List<String> paramNames) {
        List<String> metrics = metricNames(runs.values());
        Map<String, RunSpec> firstOfCombo = new LinkedHashMap<>();
        Map<String, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (RunSpec r : plan) {
            firstOfCombo.putIfAbsent(r.combination(), r);
            Map<String, List<Double>> byMetric = values.computeIfAbsent(r.combination(), k -> new LinkedHashMap<>());
            JsonObject run = runs.get(r.id());
            if (run == null || !"ok".equals(run.get("status").getAsString())) continue;
            JsonObject m = run.getAsJsonObject("metrics");
            for (String name : metrics) {
                if (m.has(name))
                    byMetric.computeIfAbsent(name, k -> new ArrayList<>())
                            .add(m.get(name).getAsDouble());
            }
        }
        Table t = Table.create("summary");
        for (String p : paramNames) t.addColumns(StringColumn.create(p));
        for (String m : metrics) {
            t.addColumns(
                    IntColumn.create(m + "_n"),
                    DoubleColumn.create(m + "_mean"),
                    DoubleColumn.create(m + "_std"),
                    DoubleColumn.create(m + "_ci95_low"),
                    DoubleColumn.create(m + "_ci95_high"));
        }
        for (Map.Entry<String, RunSpec> e : firstOfCombo.entrySet()) {
            for (String p : paramNames)
                t.stringColumn(p).append(e.getValue().params().get(p));
            for (String m : metrics) {
                Stats s = Stats.of(values.get(e.getKey()).getOrDefault(m, List.of()));
                t.intColumn(m + "_n").append(s.n());
                t.doubleColumn(m + "_mean").append(s.mean());
                t.doubleColumn(m + "_std").append(s.std());
                t.doubleColumn(m + "_ci95_low").append(s.mean() - s.halfWidth());
                t.doubleColumn(m + "_ci95_high").append(s.mean() + s.halfWidth());
            }
        }
        return t;
    }

    /** Every metric name any run recorded, in first-seen order. */
    static List<String> metricNames(Iterable<JsonObject> runs) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonObject run : runs) out.addAll(run.getAsJsonObject("metrics").keySet());
        return new ArrayList<>(out);
    }

    /** n, mean, sample standard deviation and the 95% Student-t half-width (NaN below two values). */
    record Stats(int n, double mean, double std, double halfWidth) {
        static Stats of(List<Double> xs) {
            int n = xs.size();
            if (n == 0) return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            double sum = 0;
            for (double x : xs) sum += x;
            double mean = sum / n;
            if (n == 1) return new Stats(1, mean, Double.NaN, Double.NaN);
            double ss = 0;
            for (double x : xs) ss += (x - mean) * (x - mean);
            double std = Math.sqrt(ss / (n - 1));
            double t = new TDistribution(null, n - 1, 1e-12).inverseCumulativeProbability(0.975);
            return new Stats(n, mean, std, t * std / Math.sqrt(n));
        }
    }
}
