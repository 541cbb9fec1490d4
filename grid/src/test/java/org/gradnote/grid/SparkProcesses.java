package org.gradnote.grid;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

/** Starts separate JVMs for the integration tests: Spark's own standalone Master and Workers, and grid drivers. */
final class SparkProcesses {
    private SparkProcesses() {}

    /** This test JVM's class path, seen through surefire's manifest-only jar. */
    static List<String> testClassPath() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.isBlank()) continue;
            Path p = Path.of(e).toAbsolutePath();
            if (p.getFileName().toString().startsWith("surefirebooter")
                    && p.toString().endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    String cp = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    for (String ref : cp.trim().split("\\s+")) {
                        out.add(
                                ref.startsWith("file:")
                                        ? Path.of(URI.create(ref)).toString()
                                        : p.getParent().resolve(ref).toString());
                    }
                }
            } else {
                out.add(p.toString());
            }
        }
        return new ArrayList<>(out);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * A stand-in SPARK_HOME: the Worker builds its executors' command from {@code $SPARK_HOME/jars} (Spark's jars and
     * their dependencies, never gradnote's: the app jar must bring the grid's classes).
     */
    static Path sparkHome(Path dir) throws IOException {
        Path jars = dir.resolve("jars");
        Files.createDirectories(jars);
        for (String e : testClassPath()) {
            Path p = Path.of(e);
            String name = p.getFileName().toString();
            if (!name.endsWith(".jar")
                    || name.startsWith("gradnote-")
                    || name.startsWith("junit")
                    || name.startsWith("surefire")) continue;
            Path link = jars.resolve(name);
            if (!Files.exists(link)) Files.createSymbolicLink(link, p);
        }
        Files.createDirectories(dir.resolve("launcher/target/scala-2.13"));
        return dir;
    }

    static Process master(Path dir, int port, int uiPort) throws IOException {
        return start(
                dir,
                "master.log",
                null,
                List.of(
                        java(),
                        "-Xmx256m",
                        "-cp",
                        String.join(File.pathSeparator, testClassPath()),
                        "org.apache.spark.deploy.master.Master",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--webui-port",
                        Integer.toString(uiPort)));
    }

    static Process worker(Path dir, String name, Path sparkHome, int masterPort) throws IOException {
        Path work = dir.resolve(name + "-work");
        Files.createDirectories(work);
        return start(
                dir,
                name + ".log",
                sparkHome,
                List.of(
                        java(),
                        "-Xmx256m",
                        "-cp",
                        String.join(File.pathSeparator, testClassPath()),
                        "org.apache.spark.deploy.worker.Worker",
                        "spark://127.0.0.1:" + masterPort,
                        "--cores",
                        "1",
                        "--memory",
                        "1g",
                        "--host",
                        "127.0.0.1",
                        "--webui-port",
                        Integer.toString(freePort()),
                        "--work-dir",
                        work.toString()));
    }

    /** A grid driver in its own JVM, as {@code gradnote grid} starts it. */
    static Process driver(Path dir, List<String> args) throws IOException {
        List<String> cmd =
                new ArrayList<>(List.of(java(), "-Djava.awt.headless=true", "-XX:+IgnoreUnrecognizedVMOptions"));
        for (String pkg : List.of(
                "java.lang",
                "java.lang.invoke",
                "java.lang.reflect",
                "java.io",
                "java.net",
                "java.nio",
                "java.util",
                "java.util.concurrent",
                "java.util.concurrent.atomic",
                "jdk.internal.ref",
                "sun.nio.ch",
                "sun.nio.cs",
                "sun.security.action",
                "sun.util.calendar")) {
            cmd.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, testClassPath()), "org.gradnote.grid.GridMain"));
        cmd.addAll(args);
        return start(dir, "driver.log", null, cmd);
    }

    private static Process start(Path dir, String log, Path sparkHome, List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        if (sparkHome != null) {
            pb.environment().put("SPARK_HOME", sparkHome.toString());
            pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        }
        return pb.start();
    }

    /** Waits until {@code log} contains {@code text}; fails with the log after {@code seconds}. */
    static void awaitLog(Path log, String text, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            if (Files.exists(log)
                    && Files.readString(log, StandardCharsets.UTF_8).contains(text)) return;
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' in " + log + " after " + seconds + " s:\n"
                + (Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)"));
    }

    /** Waits until the Master's JSON status (its web UI) lists {@code workers} alive workers. */
    static void awaitWorkers(int uiPort, int workers, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String last = "";
        while (System.nanoTime() < end) {
            try (var in =
                    URI.create("http://127.0.0.1:" + uiPort + "/json/").toURL().openStream()) {
                last = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var m = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)")
                        .matcher(last);
                if (m.find() && Integer.parseInt(m.group(1)) >= workers) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the Master has not " + workers + " alive workers after " + seconds + " s: " + last);
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null) return;
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
    }
}
