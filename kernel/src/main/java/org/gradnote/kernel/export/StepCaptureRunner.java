package org.gradnote.kernel.export;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles an exported class and runs it in a fresh JVM through the runtime's {@code StepCapture}, so each replay
 * starts from clean static state and a runaway cell can be ended; returns each step's captured result.
 */
public final class StepCaptureRunner {
    private final List<String> classPath;
    private final long defaultTimeoutMillis;

    public StepCaptureRunner(List<String> classPath, long defaultTimeoutMillis) {
        this.classPath = classPath;
        this.defaultTimeoutMillis = defaultTimeoutMillis;
    }

    public List<StepResult> run(String notebookPath, String className, String source, long totalTimeoutMillis)
            throws ExportException {
        Path work = null;
        try {
            work = Files.createTempDirectory("gradnote-replay");
            Path classes = Files.createDirectories(work.resolve("classes"));
            // The jars of the notebook's %maven dependencies, as export compiled it (none: the plain class path).
            List<String> classPath = new DependencyClassPath(org.gradnote.magics.maven.MavenSession.standard())
                    .of(notebookPath, this.classPath, MavenNeeds.read(notebookPath, source));
            new CompileVerifier(classPath).compile(notebookPath, className, source, classes);
            Path capture = work.resolve("capture.json");
            List<String> cp = new ArrayList<>(classPath);
            cp.add(classes.toString()); // after the jars, for the class archive (TrainingJvm)
            ProcessBuilder pb = TrainingJvm.process(
                            cp,
                            List.of(
                                    "org.gradnote.plots.notebook.StepCapture",
                                    className,
                                    capture.toString(),
                                    Long.toString(defaultTimeoutMillis)))
                    .directory(work.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("jvm.log").toFile());
            // Same native thread count as the kernel (kernel.json) so seeded cells reproduce the stored numbers.
            pb.environment().put("OMP_NUM_THREADS", "1");
            Process p = pb.start();
            if (!p.waitFor(totalTimeoutMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
            }
            if (!Files.exists(capture)) {
                throw new ExportException(notebookPath + ": replay of " + className + " produced no result (exit "
                        + p.exitValue() + "): " + tail(work.resolve("jvm.log")));
            }
            return parse(Files.readString(capture, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ExportException(notebookPath + ": replay failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException(notebookPath + ": replay interrupted", e);
        } finally {
            if (work != null) AtomicFiles.deleteTree(work);
        }
    }

    static List<StepResult> parse(String json) {
        List<StepResult> out = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            List<StepResult.Shown> shown = new ArrayList<>();
            JsonArray ds = o.getAsJsonArray("displays");
            for (JsonElement d : ds) {
                JsonObject s = d.getAsJsonObject();
                if (s.get("type").getAsString().equals("image")) {
                    shown.add(new StepResult.Shown(
                            null,
                            s.get("width").getAsInt(),
                            s.get("height").getAsInt(),
                            s.get("blank").getAsBoolean()));
                } else {
                    shown.add(new StepResult.Shown(s.get("text").getAsString(), 0, 0, false));
                }
            }
            out.add(new StepResult(
                    o.get("cell").getAsString(),
                    o.get("stdout").getAsString(),
                    o.get("stderr").getAsString(),
                    shown,
                    str(o, "exception"),
                    str(o, "message"),
                    o.get("millis").getAsLong(),
                    o.get("timedOut").getAsBoolean()));
        }
        return out;
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) return "";
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
