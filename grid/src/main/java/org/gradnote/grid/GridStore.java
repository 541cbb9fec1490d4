package org.gradnote.grid;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A grid's output directory: {@code grid.json} (what grid it holds), and per run {@code runs/<id>/} with
 * {@code params.json}, {@code metrics.json}, {@code stdout.txt}, {@code stderr.txt}, its charts and {@code run.json}
 * (status, seconds, error, JDK and gradnote versions). {@code run.json} is written last and atomically: a run is
 * finished exactly when it exists, which is what {@code --resume} reads after a killed driver.
 */
final class GridStore {
    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .serializeSpecialFloatingPointValues()
            .disableHtmlEscaping()
            .create();
    private final Path dir;

    private GridStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /**
     * Opens {@code dir} for the grid {@code gridId}: refuses a directory holding another grid's results, and this
     * grid's own unless {@code resume}.
     */
    static GridStore open(Path dir, String gridId, Map<String, Object> description, boolean resume)
            throws GridException, IOException {
        Path gridJson = dir.resolve("grid.json");
        if (Files.exists(gridJson)) {
            JsonObject existing = JsonParser.parseString(Files.readString(gridJson, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            String other = existing.has("grid") ? existing.get("grid").getAsString() : "?";
            if (!other.equals(gridId)) {
                throw new GridException(
                        "--out " + dir + " holds another grid's results (" + existing.get("target") + ", params "
                                + existing.get("params") + ", seeds " + existing.get("seeds")
                                + "); choose another --out",
                        2);
            }
            if (!resume) {
                throw new GridException(
                        "--out " + dir + " already holds this grid's results; pass --resume to complete it,"
                                + " or choose another --out",
                        2);
            }
        } else if (Files.exists(dir.resolve("results.csv"))) {
            throw new GridException(
                    "--out " + dir + " holds a results.csv that no grid.json describes; choose another --out", 2);
        }
        Files.createDirectories(dir.resolve("runs"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("grid", gridId);
        json.putAll(description);
        writeAtomically(gridJson, GSON.toJson(json));
        return new GridStore(dir);
    }

    /** The ids of the runs that finished ({@code ok}) in an earlier attempt of this grid. */
    List<String> finished() throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonObject run : runJsons())
            if ("ok".equals(run.get("status").getAsString()))
                out.add(run.get("id").getAsString());
        return out;
    }

    /** Writes a finished run's files, {@code run.json} last. */
    void write(RunSpec spec, RunResult r, String gradnoteVersion, String reproduce) throws IOException {
        Path runDir = dir.resolve("runs").resolve(spec.id());
        Files.createDirectories(runDir);
        Map<String, Object> params = new LinkedHashMap<>(spec.params());
        if (spec.seed() != null) params.put("seed", spec.seed());
        if (spec.fold() != null) {
            params.put("fold", spec.fold());
            params.put("folds", spec.folds());
        }
        Files.writeString(runDir.resolve("params.json"), GSON.toJson(params), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("metrics.json"), GSON.toJson(r.metrics()), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("stdout.txt"), r.stdout(), StandardCharsets.UTF_8);
        Files.writeString(runDir.resolve("stderr.txt"), r.stderr(), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> chart : r.charts().entrySet()) {
            Path f = runDir.resolve("plots").resolve(chart.getKey()).normalize();
            if (!f.startsWith(runDir)) continue; // a name that climbs out of the run's directory is not a chart of it
            Files.createDirectories(f.getParent());
            Files.write(f, chart.getValue());
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", spec.id());
        run.put("params", spec.params());
        run.put("seed", spec.seed());
        run.put("fold", spec.fold());
        run.put("status", r.status());
        run.put("metrics", r.metrics());
        run.put("seconds", r.seconds());
        run.put("error", r.error());
        run.put("jdk", r.jdk());
        run.put("gradnote", gradnoteVersion);
        run.put("host", r.host());
        run.put("attempt", r.attempt());
        run.put("reproduce", reproduce);
        writeAtomically(runDir.resolve("run.json"), GSON.toJson(run));
    }

    /** Every finished run's {@code run.json}, in no particular order. */
    List<JsonObject> runJsons() throws IOException {
        List<JsonObject> out = new ArrayList<>();
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) return out;
        try (Stream<Path> dirs = Files.list(runs)) {
            for (Path d : dirs.sorted().toList()) {
                Path f = d.resolve("run.json");
                if (Files.exists(f))
                    out.add(JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8))
                            .getAsJsonObject());
            }
        }
        return out;
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
