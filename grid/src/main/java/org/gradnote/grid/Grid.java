package org.gradnote.grid;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.gradnote.Gradnote;
import tech.tablesaw.api.Table;

/**
 * {@code gradnote grid}: runs every point of a grid as one Spark task (one partition each), each in its own child JVM,
 * writes each finished run at once (so a killed driver loses only the runs in flight), then the results and summary
 * tables and the summary chart.
 */
public final class Grid {
    /** What a finished grid reports: its output directory and how many runs ended in each state. */
    public record Outcome(Path out, int ok, int failed, int skipped, int total) {}

    private final GridSpec spec;
    private final PrintStream log;

    /** A grid of {@code spec}; progress and messages go to {@code log}. */
    public Grid(GridSpec spec, PrintStream log) {
        this.spec = spec;
        this.log = log;
    }

    /** Runs the grid to its end (or its first failure with {@code --fail-fast}). */
    public Outcome run() throws GridException, IOException, InterruptedException {
        if (!spec.local()) checkReachable(spec.master());
        Path out = spec.out().orElse(null);
        Path work = Files.createTempDirectory("gradnote-grid");
        try {
            long t0 = System.nanoTime();
            Prepared nb = Prepared.of(spec.target(), work, log);
            log.printf(
                    "gradnote grid: %s compiled in %s%n",
                    nb.className(), Durations.format((System.nanoTime() - t0) / 1_000_000));
            nb.params().check(spec.params(), nb.name());
            nb.checkFolds(spec.folds());
            if (out == null) {
                out = Path.of(
                        "runs",
                        nb.name() + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            }
            List<RunSpec> plan = GridPlan.runs(spec, nb.exportHash());
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("target", spec.target());
            description.put("class", nb.className());
            description.put("export_sha256", nb.exportHash());
            description.put("params", spec.params());
            description.put("seeds", spec.seeds());
            description.put("folds", spec.folds());
            description.put("runs", plan.size());
            GridStore store = GridStore.open(out, GridPlan.gridId(spec, nb.exportHash()), description, spec.resume());
            Set<String> done = new HashSet<>(spec.resume() ? store.finished() : List.of());
            List<RunSpec> pending = new ArrayList<>();
            for (RunSpec r : plan) if (!done.contains(r.id())) pending.add(r);
            if (spec.resume())
                log.println("gradnote grid: resuming " + out + ": " + (plan.size() - pending.size()) + " of "
                        + plan.size() + " runs already finished");
            int[] counts = pending.isEmpty()
                    ? new int[2]
                    : execute(nb, pending, store, work, plan.size() - pending.size(), plan.size());
            writeTables(plan, store, nb.name());
            return new Outcome(
                    out,
                    plan.size() - pending.size() + counts[0],
                    counts[1],
                    plan.size() - pending.size(),
                    plan.size());
        } finally {
            RunTask.deleteTree(work);
        }
    }

    /** Runs {@code pending} on Spark; returns {ok, failed}. */
    private int[] execute(Prepared nb, List<RunSpec> pending, GridStore store, Path work, int already, int total)
            throws IOException, InterruptedException, GridException {
        Path sparkLocal = work.resolve("spark");
        Files.createDirectories(sparkLocal);
        SparkConf conf = new SparkConf()
                .setMaster(spec.master())
                .setAppName("gradnote grid " + nb.name())
                .set("spark.ui.enabled", "false")
                .set("spark.task.cpus", Integer.toString(spec.threadsPerRun()))
                .set("spark.task.maxFailures", Integer.toString(spec.retries() + 1))
                .set("spark.local.dir", sparkLocal.toString())
                .set("spark.jars", appJar(work).toString());
        if (loopback(spec.master()))
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        if (!spec.local()) conf.set("spark.cores.max", "1024");
        Map<String, String> env = new HashMap<>(Gradnote.nativeEnvironment());
        // One native thread pool per run, sized as Spark's share of cores: spark.task.cpus.
        env.put("OMP_NUM_THREADS", Integer.toString(spec.threadsPerRun()));
        long timeout = spec.timeout().map(java.time.Duration::toMillis).orElse(0L);
        RunTask task = new RunTask(
                nb.command(),
                nb.notebookJar().getFileName().toString(),
                nb.params().has("FOLDS"),
                env,
                timeout);
        AtomicInteger running = new AtomicInteger();
        int ok = 0, failed = 0;
        long start = System.nanoTime();
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            log.printf(
                    "gradnote grid: Spark %s context on %s started in %s%n",
                    sc.version(), spec.master(), Durations.format((System.nanoTime() - start) / 1_000_000));
            sc.addFile(nb.notebookJar().toString());
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onTaskStart(SparkListenerTaskStart taskStart) {
                    running.incrementAndGet();
                }

                @Override
                public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
                    running.decrementAndGet();
                }
            });
            Map<RunSpec, JavaFutureAction<List<RunResult>>> futures = new LinkedHashMap<>();
            for (RunSpec r : pending)
                futures.put(r, sc.parallelize(List.of(r), 1).map(task).collectAsync());
            Progress progress = new Progress(log, total, already);
            boolean stopped = false;
            while (!futures.isEmpty()) {
                List<RunSpec> finished = new ArrayList<>();
                for (Map.Entry<RunSpec, JavaFutureAction<List<RunResult>>> e : futures.entrySet()) {
                    if (!e.getValue().isDone()) continue;
                    finished.add(e.getKey());
                    RunResult result = result(e.getKey(), e.getValue());
                    if (result == null) continue; // cancelled by --fail-fast: not run, left for --resume
                    store.write(e.getKey(), result, version(), reproduce(nb, e.getKey()));
                    if (result.ok()) ok++;
                    else {
                        failed++;
                        progress.failure(e.getKey(), result);
                        if (spec.failFast() && !stopped) {
                            stopped = true;
                            log.println("gradnote grid: --fail-fast: stopping the grid after run "
                                    + e.getKey().id());
                            sc.cancelAllJobs();
                        }
                    }
                }
                finished.forEach(futures::remove);
                // Spark's listener bus is asynchronous: a task whose job already ended may still count as running.
                progress.update(
                        ok,
                        failed,
                        Math.min(running.get(), futures.size()),
                        futures.size(),
                        (System.nanoTime() - start) / 1_000_000);
                if (!futures.isEmpty()) Thread.sleep(200);
            }
            progress.end();
        }
        return new int[] {ok, failed};
    }

    /** A run's result; a job Spark gave up on (a lost executor beyond --retries) becomes a failed run. */
    private static RunResult result(RunSpec r, JavaFutureAction<List<RunResult>> f) throws InterruptedException {
        if (f.isCancelled()) return null;
        try {
            return f.get().get(0);
        } catch (ExecutionException e) {
            String msg = String.valueOf(e.getCause() == null ? e : e.getCause().getMessage());
            if (msg.contains("cancelled")) return null;
            return new RunResult(
                    r.id(),
                    "lost",
                    new LinkedHashMap<>(),
                    0,
                    "Spark gave up on the run: " + msg.lines().findFirst().orElse(""),
                    "",
                    "",
                    new LinkedHashMap<>(),
                    "",
                    "",
                    -1);
        }
    }

    private void writeTables(List<RunSpec> plan, GridStore store, String name) throws IOException {
        Map<String, JsonObject> runs = new HashMap<>();
        for (JsonObject o : store.runJsons()) runs.put(o.get("id").getAsString(), o);
        List<String> params = new ArrayList<>(spec.params().keySet());
        Table results = Summaries.results(plan, runs, params);
        results.write().csv(store.dir().resolve("results.csv").toFile());
        Table summary = Summaries.summary(plan, runs, params);
        summary.write().csv(store.dir().resolve("summary.csv").toFile());
        List<String> metrics = Summaries.metricNames(runs.values());
        // Parameter columns are read back as strings: a summary.csv read by Tablesaw later types them itself.
        if (org.gradnote.plots.notebook.GridCharts.write(
                summary, name, store.dir().resolve("summary.png"))) {
            log.println("gradnote grid: " + store.dir().resolve("summary.png"));
        }
        List<String> shown = new ArrayList<>(params);
        for (String m : metrics) {
            shown.add(m + "_n");
            shown.add(m + "_mean");
        }
        log.println(summary.selectColumns(shown.toArray(new String[0])).printAll());
    }

    /** The jar executors load the grid's task from: this module's jar, or its classes packed into one (tests). */
    private static Path appJar(Path work) throws IOException {
        try {
            Path self = Path.of(RunTask.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(self)) return self;
            Path jar = work.resolve("gradnote-grid-app.jar");
            Prepared.jar(self, jar);
            return jar;
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate gradnote grid's classes", e);
        }
    }

    /** Fails within seconds, not Spark's minute of retries, when nothing listens at the master's address. */
    static void checkReachable(String master) throws GridException {
        URI uri = URI.create(master);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
        } catch (IOException e) {
            throw new GridException(
                    "cannot reach the Spark master " + master + ": " + e.getMessage()
                            + " (is a standalone Master running there? --master local[*] needs none)",
                    1);
        }
    }

    private static boolean loopback(String master) {
        if (master.startsWith("local")) return true;
        String host = URI.create(master).getHost();
        return host.equals("127.0.0.1") || host.equals("localhost");
    }

    /** The command that runs this run again by hand, bit for bit: the same native thread count, parameters and seed. */
    private String reproduce(Prepared nb, RunSpec r) {
        return "OMP_NUM_THREADS=" + spec.threadsPerRun() + " ./gradnote run " + nb.className() + " "
                + String.join(" ", r.arguments(nb.params().has("FOLDS")));
    }

    static String version() {
        String v = Grid.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
