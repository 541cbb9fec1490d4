package org.gradnote.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gradnote.TrainingArchive;

/**
 * Runs each gradnote workload and its PyTorch twin in the same run, with the same thread count, and prints
 * time per unit (iteration, epoch or step), the ratio gradnote / PyTorch in wall time and in CPU time (each whole
 * process), and each side's peak resident memory, after a line naming the machine. Usage:
 * {@code BenchRunner [--threads 1,2] [--quick] [--repeat N] [--python /usr/bin/python3] [workload...]}.
 */
public final class BenchRunner {
    /** The course labs first, then the mid-size models users grow into. */
    static final List<Workload> ALL = List.of(
            new AutogradMicro(),
            new MlpToy(),
            new MeteoCnnBench(),
            new LenetDigitsBench(),
            new LstmMeteoBench(),
            new UNetBench(),
            new MlpWide(),
            new CnnCifar(),
            new CnnInfer(),
            new RnnMid("lstm"),
            new RnnMid("gru"),
            new TransformerBench());

    public static void main(String[] argv) throws Exception {
        if (argv.length >= 3 && argv[0].equals("--one")) {
            runOne(Integer.parseInt(argv[1]), argv[2], java.util.Arrays.copyOfRange(argv, 3, argv.length));
            return;
        }
        List<Integer> threadCounts =
                new ArrayList<>(List.of(Runtime.getRuntime().availableProcessors()));
        boolean quick = false;
        int repeat = 1;
        String python = "/usr/bin/python3";
        Path scripts = Path.of("tests/bench/pytorch");
        List<String> only = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            switch (argv[i]) {
                case "--threads":
                    threadCounts = parseThreads(argv[++i]);
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--python":
                    python = argv[++i];
                    break;
                case "--scripts":
                    scripts = Path.of(argv[++i]);
                    break;
                case "--no-archive":
                    archive = false;
                    break;
                case "--repeat":
                    repeat = Integer.parseInt(argv[++i]);
                    if (repeat < 1) throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
                    break;
                default:
                    if (argv[i].startsWith("--")) {
                        System.err.println(
                                "usage: BenchRunner [--threads N[,M...]] [--quick] [--repeat N] [--no-archive] [--python PATH] [--scripts DIR] [workload...]");
                        System.exit(2);
                    }
                    only.add(argv[i]);
            }
        }
        if (archive) {
            // As gradnote's own training JVMs do once built (TrainingArchive); made outside any timing, once per jar
            // set.
            System.err.println("class archive: "
                    + TrainingArchive.create(childClassPath())
                            .map(Path::toString)
                            .orElse("none"));
            childOptions = TrainingArchive.options(childClassPath());
        }
        System.out.println(Machine.describe(python));
        for (int threads : threadCounts) {
            table(threads, quick, repeat, python, scripts, only);
        }
    }

    /** Four significant digits, so 0.011 ms and 3250 ms read alike. */
    static String sig(double x) {
        return Double.isNaN(x)
                ? "n/a"
                : new java.math.BigDecimal(x)
                        .round(new java.math.MathContext(4))
                        .stripTrailingZeros()
                        .toPlainString();
    }

    /** "1,2" -> [1, 2]; each count at least 1. */
    static List<Integer> parseThreads(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            int n;
            try {
                n = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--threads takes counts separated by commas, e.g. 1,2; got '" + spec + "'");
            }
            if (n < 1) throw new IllegalArgumentException("--threads: each count must be at least 1, got " + n);
            out.add(n);
        }
        return out;
    }

    /** One table: every selected workload at one thread count, both sides in their own processes. */
    private static void table(int threads, boolean quick, int repeat, String python, Path scripts, List<String> only)
            throws IOException, InterruptedException {
        System.out.printf(
                Locale.ROOT,
                "%ngradnote vs PyTorch, %d thread(s) each, %s mode, %s, class archive %s%s%n",
                threads,
                quick ? "quick" : "full",
                java.time.LocalDateTime.now().withNano(0),
                childOptions.isEmpty() ? "off" : "on",
                repeat > 1 ? ", median of " + repeat + " alternating runs per side" : "");
        System.out.printf(
                Locale.ROOT,
                "%-16s %12s %12s %7s %12s %12s %7s %9s %9s %5s  %s%n",
                "workload",
                "gradnote",
                "pytorch",
                "ratio",
                "g cpu",
                "pt cpu",
                "cpu",
                "g rss",
                "pt rss",
                "load",
                "quality (gradnote | pytorch)");
        for (Workload w : ALL) {
            if (!only.isEmpty() && !only.contains(w.name())) continue;
            String[] args = w.args(quick);
            // Alternating the sides, so that a noisy minute of the machine hits both, then each side's median run
            // (by wall time) stands for it.
            List<JsonObject> torchRuns = new ArrayList<>();
            List<Workload.Result> gRuns = new ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                JsonObject t = runPython(python, scripts.resolve(w.name() + ".py"), args, threads);
                if (t != null) torchRuns.add(t);
                Workload.Result one = runJvm(w.name(), args, threads);
                if (one != null) gRuns.add(one);
            }
            if (gRuns.isEmpty()) continue;
            gRuns.sort(java.util.Comparator.comparingDouble(Workload.Result::seconds));
            torchRuns.sort(
                    java.util.Comparator.comparingDouble(o -> o.get("seconds").getAsDouble()));
            Workload.Result g = gRuns.get((gRuns.size() - 1) / 2);
            JsonObject torch = torchRuns.isEmpty() ? null : torchRuns.get((torchRuns.size() - 1) / 2);
            double gUnit = 1000 * g.seconds() / g.units();
            double tUnit = torch == null
                    ? Double.NaN
                    : 1000
                            * torch.get("seconds").getAsDouble()
                            / torch.get("epochs").getAsDouble();
            // CPU time per unit, the whole process on both sides (gradnote: every thread incl. JIT and GC).
            double gCpu = 1000 * g.cpuSeconds() / g.units();
            double tCpu = torch == null || !torch.has("cpu_seconds")
                    ? Double.NaN
                    : 1000
                            * torch.get("cpu_seconds").getAsDouble()
                            / torch.get("epochs").getAsDouble();
            double gRss = g.extra().get("peak_rss_mb") instanceof Number n ? n.doubleValue() : Double.NaN;
            double tRss = torch == null || !torch.has("peak_rss_mb")
                    ? Double.NaN
                    : torch.get("peak_rss_mb").getAsDouble();
            java.util.Map<String, Object> quality = new java.util.TreeMap<>(g.extra());
            quality.remove("peak_rss_mb");
            String unit = "ms/" + w.unit();
            System.out.printf(
                    Locale.ROOT,
                    "%-16s %12s %12s %7.2f %12s %12s %7.2f %6.0f MB %6.0f MB %5.1f  %s | %s%n",
                    w.name(),
                    sig(gUnit) + " " + unit,
                    sig(tUnit) + " " + unit,
                    gUnit / tUnit,
                    sig(gCpu),
                    sig(tCpu),
                    gCpu / tCpu,
                    gRss,
                    tRss,
                    Machine.loadAverage(),
                    quality,
                    torch == null ? "n/a" : quality(torch));
        }
    }

    /**
     * Runs one workload in a fresh JVM, as each PyTorch twin runs in its own process: in one shared JVM the later
     * workloads ran 1.5x slower (CPU) after the earlier ones had shaped the JIT's profiles and the heaps.
     */
    private static Workload.Result runJvm(String name, String[] args, int threads)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // gradnote's own training-JVM options, as the kernel and `gradnote run` use them.
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(org.gradnote.Gradnote.jvmOptions());
        cmd.addAll(childOptions);
        cmd.addAll(List.of(
                "-cp",
                String.join(File.pathSeparator, childClassPath()),
                BenchRunner.class.getName(),
                "--one",
                Integer.toString(threads),
                name));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        sameNativeEnvironment(pb);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            System.err.println("gradnote workload failed: " + name + "\n" + out);
            return null;
        }
        JsonObject o =
                JsonParser.parseString(out.substring(out.lastIndexOf('\n') + 1)).getAsJsonObject();
        java.util.Map<String, Object> extra = new java.util.TreeMap<>();
        for (var e : o.getAsJsonObject("extra").entrySet()) {
            var v = e.getValue();
            extra.put(
                    e.getKey(),
                    v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber() ? (Object) v.getAsDouble() : v);
        }
        return new Workload.Result(
                o.get("seconds").getAsDouble(),
                o.get("cpu_seconds").getAsDouble(),
                o.get("units").getAsInt(),
                extra);
    }

    private static boolean archive = true;
    private static List<String> childOptions = List.of();

    /** This JVM's class path with its jars first, so that a class archive can cover them (directories come after). */
    private static List<String> childClassPath() {
        List<String> jars = new ArrayList<>(), others = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            (e.endsWith(".jar") ? jars : others).add(e);
        }
        jars.addAll(others);
        return jars;
    }

    /** The child side of {@link #runJvm}: runs the workload and prints its result as one JSON line. */
    private static void runOne(int threads, String name, String[] args) {
        org.gradnote.Gradnote.setNumThreads(threads);
        Workload w = ALL.stream()
                .filter(x -> x.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown workload " + name));
        // The first ThreadMXBean call loads the JVM's management classes (~10 ms here), which would otherwise fall
        // inside the timed part as the clock starts; time.perf_counter() has no such cost on the PyTorch side.
        Workload.cpuNanos();
        Workload.Result r = w.run(args);
        JsonObject o = new JsonObject();
        o.addProperty("seconds", r.seconds());
        o.addProperty("cpu_seconds", r.cpuSeconds());
        o.addProperty("units", r.units());
        java.util.Map<String, Object> extra = new java.util.TreeMap<>(r.extra());
        extra.put("peak_rss_mb", Math.round(Workload.peakRssMb() * 10) / 10.0);
        o.add("extra", new com.google.gson.Gson().toJsonTree(extra));
        System.out.println(o);
    }

    /**
     * gradnote's native environment (OpenMP workers sleep between ops) for both sides alike, so that neither runs
     * with a setting the other lacks; measured to leave PyTorch's times unchanged.
     */
    private static void sameNativeEnvironment(ProcessBuilder pb) {
        org.gradnote.Gradnote.nativeEnvironment().forEach(pb.environment()::putIfAbsent);
    }

    private static String quality(JsonObject o) {
        JsonObject q = o.deepCopy();
        for (String k : List.of(
                "workload", "seconds", "epochs", "ms_per_epoch", "cpu_seconds", "peak_rss_mb", "threads", "torch"))
            q.remove(k);
        return q.toString();
    }

    private static JsonObject runPython(String python, Path script, String[] args, int threads)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(python)) || !Files.exists(script)) {
            System.err.println("skipping PyTorch side: " + python + " or " + script + " missing");
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(python, script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        pb.environment().put("MKL_NUM_THREADS", Integer.toString(threads));
        sameNativeEnvironment(pb);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            System.err.println("PyTorch script failed: " + script + "\n" + out);
            return null;
        }
        String last = out.substring(out.lastIndexOf('\n') + 1);
        return JsonParser.parseString(last).getAsJsonObject();
    }
}
