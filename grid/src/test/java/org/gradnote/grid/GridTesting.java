package org.gradnote.grid;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers shared by the grid's integration tests: the probe notebook, running a grid, reading its files. */
final class GridTesting {
    static final String PROBE =
            Path.of("src/test/resources/probe/GridProbe.java").toAbsolutePath().toString();

    private GridTesting() {}

    static Grid.Outcome grid(PrintStream log, String... args) throws Exception {
        return new Grid(GridSpec.parse(List.of(args)), log).run();
    }

    static PrintStream log(ByteArrayOutputStream bytes) {
        return new PrintStream(new TeeStream(bytes), true, StandardCharsets.UTF_8);
    }

    /** run.json of every finished run, by id. */
    static Map<String, JsonObject> runs(Path out) throws IOException {
        Map<String, JsonObject> m = new HashMap<>();
        try (var dirs = Files.list(out.resolve("runs"))) {
            for (Path d : dirs.toList()) {
                Path f = d.resolve("run.json");
                if (Files.exists(f))
                    m.put(
                            d.getFileName().toString(),
                            JsonParser.parseString(Files.readString(f)).getAsJsonObject());
            }
        }
        return m;
    }

    /** {@code gradnote run FILE --args...} exactly as the launcher runs it; returns its metrics by name. */
    static Map<String, Double> gradnoteRun(String file, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                Prepared.trainingClassPath().get(0),
                "org.gradnote.kernel.Main",
                "run",
                file));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError("gradnote run failed:\n" + out);
        Map<String, Double> metrics = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^metric (\\S+) = (\\S+)$").matcher(out);
        while (m.find()) metrics.put(m.group(1), Double.parseDouble(m.group(2)));
        return metrics;
    }

    /** Lines of a CSV file (no quoting in the tests' values). */
    static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) rows.add(line.split(",", -1));
        return rows;
    }

    /** Copies what the grid logs to the test's stderr too, so a failing test shows the progress it made. */
    private static final class TeeStream extends java.io.OutputStream {
        private final ByteArrayOutputStream bytes;

        TeeStream(ByteArrayOutputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
            System.err.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            System.err.write(b, off, len);
        }
    }
}
