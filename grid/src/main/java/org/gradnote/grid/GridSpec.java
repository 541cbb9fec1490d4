package org.gradnote.grid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of {@code gradnote grid}: the notebook, its parameter axes ({@code --param NAME=v1,v2}), the
 * replicate axes ({@code --seeds A..B}, {@code --folds K}) and how to run them. Values stay strings here;
 * {@link NotebookParams} checks them against the notebook's {@code //| parameters} cell.
 */
public record GridSpec(
        String target,
        Map<String, List<String>> params,
        List<Long> seeds,
        int folds,
        String master,
        int threadsPerRun,
        Optional<Path> out,
        boolean resume,
        boolean failFast,
        Optional<Duration> timeout,
        int retries) {

    /** The usage line printed with every usage error. */
    public static final String USAGE =
            "usage: gradnote grid NOTEBOOK.ipynb|FILE.java|CLASS --param NAME=v1,v2,... [--param ...]"
                    + " [--seeds A..B] [--folds K] [--master local[N]|local[*]|spark://HOST:PORT] [--threads-per-run N] [--out DIR]"
                    + " [--resume] [--fail-fast] [--timeout 10m] [--retries N]";

    private static final Pattern SEEDS_RANGE = Pattern.compile("(-?\\d+)\\.\\.(-?\\d+)");
    private static final Pattern MASTER = Pattern.compile("local(\\[(\\d+|\\*)])?|spark://[^:/\\s]+:\\d+");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    /** Parses the arguments after the verb; throws {@link GridException} naming the bad one. */
    public static GridSpec parse(List<String> args) throws GridException {
        String target = null;
        Map<String, List<String>> params = new LinkedHashMap<>();
        List<Long> seeds = List.of();
        int folds = 0, threads = 1, retries = 3;
        String master = "local[*]";
        Optional<Path> out = Optional.empty();
        Optional<Duration> timeout = Optional.empty();
        boolean resume = false, failFast = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String opt = arg, value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && !arg.startsWith("--param=") || arg.startsWith("--param=")) {
                opt = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (opt) {
                case "--resume" -> resume = true;
                case "--fail-fast" -> failFast = true;
                case "--param",
                        "--seeds",
                        "--folds",
                        "--master",
                        "--threads-per-run",
                        "--out",
                        "--timeout",
                        "--retries" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) throw new GridException(opt + " needs a value");
                        value = args.get(++i);
                    }
                    switch (opt) {
                        case "--param" -> addParam(params, value);
                        case "--seeds" -> seeds = seeds(value);
                        case "--folds" -> folds = positive(opt, value);
                        case "--master" -> master = master(value);
                        case "--threads-per-run" -> threads = positive(opt, value);
                        case "--out" -> out = Optional.of(Path.of(value));
                        case "--timeout" -> timeout = Optional.of(duration(value));
                        default -> retries = nonNegative(opt, value);
                    }
                }
                default -> {
                    if (arg.startsWith("-")) throw new GridException("unknown option " + arg);
                    if (target != null) throw new GridException("one notebook per grid, got " + target + " and " + arg);
                    target = arg;
                }
            }
        }
        if (target == null) throw new GridException("needs a NOTEBOOK.ipynb, FILE.java or CLASS");
        if (folds == 1) throw new GridException("--folds needs at least 2 folds, got 1");
        if (resume && out.isEmpty()) throw new GridException("--resume needs the --out DIR of the grid to complete");
        return new GridSpec(
                target,
                Collections.unmodifiableMap(params),
                seeds,
                folds,
                master,
                threads,
                out,
                resume,
                failFast,
                timeout,
                retries);
    }

    private static void addParam(Map<String, List<String>> params, String spec) throws GridException {
        int eq = spec.indexOf('=');
        if (eq < 0) throw new GridException("--param needs NAME=v1,v2,..., got '" + spec + "'");
        String name = spec.substring(0, eq);
        if (!NAME.matcher(name).matches()) throw new GridException("--param: '" + name + "' is not a parameter name");
        if (params.containsKey(name))
            throw new GridException("--param " + name + " given twice; list its values once: " + name + "=v1,v2,...");
        String values = spec.substring(eq + 1);
        if (values.isBlank()) throw new GridException("--param " + name + " has an empty value list");
        List<String> list = new ArrayList<>();
        for (String v : values.split(",", -1)) {
            String t = v.strip();
            if (t.isEmpty()) throw new GridException("--param " + name + " has an empty value in '" + values + "'");
            if (list.contains(t)) throw new GridException("--param " + name + " lists " + t + " twice");
            list.add(t);
        }
        params.put(name, List.copyOf(list));
    }

    /** {@code A..B} (inclusive), or a comma list {@code 1,5,9}. */
    static List<Long> seeds(String value) throws GridException {
        Matcher m = SEEDS_RANGE.matcher(value.strip());
        List<Long> out = new ArrayList<>();
        try {
            if (m.matches()) {
                long a = Long.parseLong(m.group(1)), b = Long.parseLong(m.group(2));
                if (b < a) throw new GridException("--seeds " + value + ": the range A..B needs A <= B");
                if (b - a >= 10_000) throw new GridException("--seeds " + value + ": more than 10000 seeds");
                for (long s = a; s <= b; s++) out.add(s);
            } else {
                for (String s : value.split(",", -1)) {
                    long seed = Long.parseLong(s.strip());
                    if (out.contains(seed)) throw new GridException("--seeds " + value + " lists " + seed + " twice");
                    out.add(seed);
                }
            }
        } catch (NumberFormatException e) {
            throw new GridException(
                    "--seeds needs A..B (e.g. 0..4) or a list of integers (e.g. 1,7,42), got '" + value + "'");
        }
        return List.copyOf(out);
    }

    private static String master(String value) throws GridException {
        if (!MASTER.matcher(value).matches()) {
            throw new GridException("--master needs local[N], local[*] or spark://HOST:PORT, got '" + value + "'");
        }
        return value;
    }

    static Duration duration(String value) throws GridException {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches())
            throw new GridException("--timeout needs a duration such as 90s, 10m or 2h, got '" + value + "'");
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.isZero()) throw new GridException("--timeout must be positive, got '" + value + "'");
        return d;
    }

    private static int positive(String opt, String value) throws GridException {
        int n = nonNegative(opt, value);
        if (n < 1) throw new GridException(opt + " needs a positive integer, got '" + value + "'");
        return n;
    }

    private static int nonNegative(String opt, String value) throws GridException {
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new GridException(opt + " needs a non-negative integer, got '" + value + "'");
        }
    }

    /** Whether runs execute inside this JVM's Spark (local mode) rather than on a cluster's executors. */
    public boolean local() {
        return master.startsWith("local");
    }
}
