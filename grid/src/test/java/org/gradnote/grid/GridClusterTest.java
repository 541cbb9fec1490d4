package org.gradnote.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real standalone cluster on 127.0.0.1, Spark's own Master and two Workers as separate JVMs, started by the test:
 * a grid submitted to it, one Worker killed mid-grid (its runs finish on the other, no row lost or doubled).
 */
class GridClusterTest {
    @TempDir
    Path tmp;

    @Test
    void gridOnAStandaloneClusterSurvivesAKilledWorker() throws Exception {
        Path home = SparkProcesses.sparkHome(tmp.resolve("sparkhome"));
        int port = SparkProcesses.freePort();
        Process master = null, w1 = null, w2 = null;
        try {
            int ui = SparkProcesses.freePort();
            master = SparkProcesses.master(tmp, port, ui);
            w1 = SparkProcesses.worker(tmp, "worker1", home, port);
            w2 = SparkProcesses.worker(tmp, "worker2", home, port);
            SparkProcesses.awaitWorkers(ui, 2, 120);

            Path out = tmp.resolve("out");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            // 6 runs of ~2 s each (plus a JVM start) on 2 one-core executors.
            CompletableFuture<Grid.Outcome> grid = CompletableFuture.supplyAsync(() -> {
                try {
                    return GridTesting.grid(
                            GridTesting.log(log),
                            GridTesting.PROBE,
                            "--param",
                            "LR=0.01,0.1,0.2",
                            "--param",
                            "SLEEP_MS=2000",
                            "--seeds",
                            "0..1",
                            "--master",
                            "spark://127.0.0.1:" + port,
                            "--out",
                            out.toString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // Kill worker 1 while both executors run a task (its executor's run then exits with it).
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!log.toString().contains("2 running") && System.nanoTime() < end && !grid.isDone())
                Thread.sleep(100);
            assertTrue(log.toString().contains("2 running"), log.toString());
            Thread.sleep(1500);
            SparkProcesses.stop(w1);
            w1 = null;
            Grid.Outcome o = grid.get(300, TimeUnit.SECONDS);
            assertEquals(6, o.total(), log.toString());
            assertEquals(6, o.ok(), log.toString());

            Map<String, JsonObject> runs = GridTesting.runs(out);
            assertEquals(6, runs.size());
            List<String[]> rows = GridTesting.csv(out.resolve("results.csv"));
            assertEquals(7, rows.size());
            HashSet<String> ids = new HashSet<>();
            for (String[] row : rows.subList(1, rows.size())) assertTrue(ids.add(row[0]), "run " + row[0] + " twice");
            assertTrue(
                    runs.values().stream().anyMatch(r -> r.get("attempt").getAsInt() >= 1),
                    "some run was re-run after the worker died: " + runs.values());
            // The grid's executors were the cluster's, not the driver: the worker directories hold the app jar.
            assertTrue(Files.list(tmp.resolve("worker2-work")).findAny().isPresent());
        } finally {
            SparkProcesses.stop(w1);
            SparkProcesses.stop(w2);
            SparkProcesses.stop(master);
        }
    }
}
