package org.gradnote.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver killed mid-grid: its runs die with it, and {@code --resume} completes only the missing runs. */
class GridResumeTest {
    @TempDir
    Path tmp;

    @Test
    void killedDriverThenResumeRunsOnlyTheMissingRuns() throws Exception {
        Path out = tmp.resolve("out");
        List<String> args = List.of(
                GridTesting.PROBE,
                "--param",
                "LR=0.01,0.1,0.2",
                "--param",
                "SLEEP_MS=1500",
                "--seeds",
                "0..1",
                "--master",
                "local[1]",
                "--out",
                out.toString());
        Process driver = SparkProcesses.driver(tmp, args);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < end
                && driver.isAlive()
                && (!Files.isDirectory(out.resolve("runs"))
                        || GridTesting.runs(out).size() < 2)) {
            Thread.sleep(100);
        }
        assertTrue(
                driver.isAlive(),
                "the driver ended before it could be killed: " + Files.readString(tmp.resolve("driver.log")));
        driver.destroyForcibly().waitFor(); // kill -9
        Map<String, JsonObject> before = GridTesting.runs(out);
        assertTrue(before.size() >= 2 && before.size() < 6, before.keySet().toString());
        Map<String, String> runJsonBefore = new HashMap<>();
        for (String id : before.keySet())
            runJsonBefore.put(
                    id, Files.readString(out.resolve("runs").resolve(id).resolve("run.json")));
        // The runs in flight die with their driver (their stdin pipe closes): none is left running.
        long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < gone && orphans(out) > 0) Thread.sleep(200);
        assertEquals(0, orphans(out), "runs of the killed driver still running");

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> resume = new java.util.ArrayList<>(args);
        resume.add("--resume");
        Grid.Outcome o = GridTesting.grid(GridTesting.log(log), resume.toArray(new String[0]));
        assertEquals(6, o.total());
        assertEquals(6, o.ok(), log.toString());
        assertEquals(before.size(), o.skipped());
        assertTrue(
                log.toString().contains("resuming " + out + ": " + before.size() + " of 6 runs already finished"),
                log.toString());
        Map<String, JsonObject> after = GridTesting.runs(out);
        assertEquals(6, after.size());
        for (String id : before.keySet()) {
            assertEquals(
                    runJsonBefore.get(id),
                    Files.readString(out.resolve("runs").resolve(id).resolve("run.json")),
                    "run " + id + " re-ran");
        }
        assertEquals(7, GridTesting.csv(out.resolve("results.csv")).size());
    }

    /** Runs of this grid still alive: java processes whose command line names the probe. */
    private static long orphans(Path out) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("probe.GridProbe") && c.contains("--SLEEP_MS=1500"))
                        .orElse(false))
                .count();
    }
}
