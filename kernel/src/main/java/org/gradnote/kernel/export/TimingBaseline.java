package org.gradnote.kernel.export;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-cell replay times stored in a JSON file ({@code "notebook#cell": millis}). A cell slower than
 * {@code factor} times its baseline, and by more than a fixed slack (so that noise on tiny cells is not flagged),
 * is flagged in the report; flags never fail the replay, so shared CI machines cannot make it flaky.
 */
public final class TimingBaseline {
    static final double DEFAULT_FACTOR = 3.0;
    static final long SLACK_MILLIS = 500;
    private final Map<String, Long> millis = new TreeMap<>();
    private final Map<String, Long> measured = new TreeMap<>();
    private final double factor;

    private TimingBaseline(double factor) {
        this.factor = factor;
    }

    public static TimingBaseline none() {
        return new TimingBaseline(DEFAULT_FACTOR);
    }

    public static TimingBaseline read(Path file) throws ExportException {
        TimingBaseline b = none();
        if (!Files.exists(file)) return b;
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            o.entrySet().forEach(e -> b.millis.put(e.getKey(), e.getValue().getAsLong()));
        } catch (IOException | RuntimeException e) {
            throw new ExportException(file + ": not a timing baseline: " + e.getMessage(), e);
        }
        return b;
    }

    /** Records a time; returns a note when it is a regression against the baseline, else null. */
    String check(String notebook, String cellId, long actualMillis) {
        String key = notebook + "#" + cellId;
        measured.put(key, actualMillis);
        Long base = millis.get(key);
        if (base == null || actualMillis <= base * factor || actualMillis - base <= SLACK_MILLIS) return null;
        return String.format(
                java.util.Locale.ROOT,
                "slower than baseline: %d ms vs %d ms (more than %.1fx)",
                actualMillis,
                base,
                factor);
    }

    /** Writes the times measured in this run (merged over the old baseline). */
    public void write(Path file) throws IOException {
        Map<String, Long> all = new TreeMap<>(millis);
        all.putAll(measured);
        JsonObject o = new JsonObject();
        all.forEach(o::addProperty);
        AtomicFiles.write(file, new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n");
    }
}
