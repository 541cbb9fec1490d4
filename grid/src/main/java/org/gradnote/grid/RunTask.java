package org.gradnote.grid;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark task of one run: starts the run in a child JVM with exactly {@code gradnote run}'s command (training JVM
 * options, class archive, class path, {@code --seed=N}), so two runs on one executor share no statics, random
 * generator or output, and waits for it. A notebook that throws is a failed run, returned, never thrown: Spark would
 * retry it, and only a lost executor deserves a retry.
 */
final class RunTask implements Function<RunSpec, RunResult> {
    private static final long serialVersionUID = 1L;
    /** Stands for the notebook jar's path on the executor in {@link #command}. */
    static final String NOTEBOOK_JAR = "@NOTEBOOK_JAR@";

    private static final int MAX_TEXT = 1 << 20;

    private final List<String> command;
    private final String notebookJar;
    private final boolean notebookHasFolds;
    private final Map<String, String> environment;
    private final long timeoutMillis;

    /**
     * {@code command} is the run's command up to and including the main class, with {@link #NOTEBOOK_JAR} in its
     * class path; {@code notebookJar} is the name the jar was added to the Spark context under.
     */
    RunTask(
            List<String> command,
            String notebookJar,
            boolean notebookHasFolds,
            Map<String, String> environment,
            long timeoutMillis) {
        this.command = List.copyOf(command);
        this.notebookJar = notebookJar;
        this.notebookHasFolds = notebookHasFolds;
        this.environment = Map.copyOf(environment);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public RunResult call(RunSpec run) throws Exception {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        // On a cluster's executor SparkFiles' root is relative (the executor's work dir); the run has its own cwd.
        String jar = Path.of(SparkFiles.get(notebookJar)).toAbsolutePath().toString();
        Path dir = Files.createTempDirectory(
                Path.of(SparkFiles.getRootDirectory()).toAbsolutePath(), "run-" + run.id() + "-");
        try {
            return execute(run, jar, dir, task, attempt);
        } finally {
            deleteTree(dir);
        }
    }

    private RunResult execute(RunSpec run, String jar, Path dir, TaskContext task, int attempt) throws Exception {
        List<String> cmd = new ArrayList<>();
        // This executor's JDK (on one host, the driver's): what the run reports is what ran it.
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String part : command.subList(1, command.size())) cmd.add(part.replace(NOTEBOOK_JAR, jar));
        cmd.addAll(run.arguments(notebookHasFolds));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(environment);
        pb.environment().put("GRADNOTE_METRICS_FILE", dir.resolve("metrics.tsv").toString());
        pb.environment().put("GRADNOTE_EXIT_WITH_STDIN", "1");
        pb.redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        long start = System.nanoTime();
        // stdin stays an open pipe: the run exits by itself when this executor dies and the pipe closes.
        Process p = pb.start();
        String status;
        String error = "";
        try {
            boolean done = false;
            while (!done) {
                long left = timeoutMillis <= 0
                        ? 500
                        : Math.min(500, timeoutMillis - (System.nanoTime() - start) / 1_000_000);
                if (left <= 0) break;
                done = p.waitFor(left, TimeUnit.MILLISECONDS);
                if (!done && task != null && task.isInterrupted()) throw new InterruptedException("task killed");
            }
            if (!done) {
                status = "timeout";
                error = "timed out after " + Durations.format(timeoutMillis);
                p.destroyForcibly().waitFor();
            } else if (p.exitValue() == 0) {
                status = "ok";
            } else {
                status = "failed";
                error = summarize(read(dir.resolve("stderr.txt")), p.exitValue());
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        } finally {
            p.getOutputStream().close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(
                run.id(),
                status,
                metrics(dir.resolve("metrics.tsv")),
                seconds,
                error,
                read(dir.resolve("stdout.txt")),
                read(dir.resolve("stderr.txt")),
                charts(dir.resolve("plots")),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                host(),
                attempt);
    }

    /** The exception line that follows {@code NotebookRun}'s "cell #id failed:", else the last lines of stderr. */
    static String summarize(String stderr, int exit) {
        String[] lines = stderr.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(": cell #") && lines[i].endsWith("failed:")) {
                String cell = lines[i].substring(lines[i].indexOf("cell #"), lines[i].length() - 1);
                String cause = i + 1 < lines.length ? lines[i + 1].strip() : "";
                return clip(cell + " " + cause);
            }
        }
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) return clip("exit code " + exit + ": " + lines[i].strip());
        }
        return "exit code " + exit;
    }

    private static String clip(String s) {
        return s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }

    static LinkedHashMap<String, Double> metrics(Path file) throws IOException {
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        if (!Files.exists(file)) return out;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) out.put(line.substring(0, tab), Double.parseDouble(line.substring(tab + 1)));
        }
        return out;
    }

    private static LinkedHashMap<String, byte[]> charts(Path plots) throws IOException {
        LinkedHashMap<String, byte[]> out = new LinkedHashMap<>();
        if (!Files.isDirectory(plots)) return out;
        try (Stream<Path> files = Files.walk(plots)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.put(plots.relativize(f).toString(), Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static String read(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length <= MAX_TEXT) return new String(bytes, StandardCharsets.UTF_8);
        return new String(bytes, 0, MAX_TEXT, StandardCharsets.UTF_8) + "\n[gradnote grid: output cut at 1 MiB]\n";
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "?";
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException e) {
            // a leftover temporary directory under Spark's local dir; Spark removes that dir at exit
        }
    }
}
