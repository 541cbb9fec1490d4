package org.gradnote.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A grid on embedded Spark {@code local[2]}: results, failures, isolation, bit-for-bit reproduction, refusals. */
class GridLocalTest {
    @TempDir
    Path tmp;

    @Test
    void gridOfEightRunsOnLocal2() throws Exception {
        Path out = tmp.resolve("g");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // 2 x 2 x 2 seeds; WIDTH=0 makes the notebook throw: those 4 runs fail, the others go on.
        Grid.Outcome o = GridTesting.grid(
                GridTesting.log(log),
                GridTesting.PROBE,
                "--param",
                "LR=0.01,0.1",
                "--param",
                "WIDTH=4,0",
                "--seeds",
                "0..1",
                "--master",
                "local[2]",
                "--out",
                out.toString());
        assertEquals(8, o.total());
        assertEquals(4, o.ok());
        assertEquals(4, o.failed());
        assertTrue(log.toString().contains("grid: 8/8 done, 4 failed, 0 running, 0 left"), log.toString());

        Map<String, JsonObject> runs = GridTesting.runs(out);
        assertEquals(8, runs.size());
        Set<Double> losses = new HashSet<>();
        for (JsonObject r : runs.values()) {
            boolean failing =
                    r.getAsJsonObject("params").get("WIDTH").getAsString().equals("0");
            assertEquals(failing ? "failed" : "ok", r.get("status").getAsString(), r.toString());
            if (failing) {
                assertTrue(
                        r.get("error")
                                .getAsString()
                                .contains("IllegalArgumentException: WIDTH must be positive, got 0"),
                        r.toString());
                continue;
            }
            // Each run in its own JVM: the static the probe increments is 1 in every run.
            assertEquals(1.0, r.getAsJsonObject("metrics").get("runs_in_jvm").getAsDouble());
            losses.add(r.getAsJsonObject("metrics").get("loss").getAsDouble());
            Path dir = out.resolve("runs").resolve(r.get("id").getAsString());
            for (String f : List.of("params.json", "metrics.json", "stdout.txt", "plots/probe/01-probe-loss.png")) {
                assertTrue(Files.exists(dir.resolve(f)), dir.resolve(f) + " missing; has " + listing(dir));
            }
            assertTrue(r.get("jdk").getAsString().contains("17"), r.toString());
            assertEquals("0.1.0-SNAPSHOT", r.get("gradnote").getAsString());
        }
        assertEquals(4, losses.size(), "every ok run has its own loss");

        List<String[]> results = GridTesting.csv(out.resolve("results.csv"));
        assertEquals(
                List.of(
                        "run",
                        "LR",
                        "WIDTH",
                        "seed",
                        "status",
                        "loss",
                        "first_draw",
                        "runs_in_jvm",
                        "seconds",
                        "error"),
                List.of(results.get(0)));
        assertEquals(9, results.size());
        List<String[]> summary = GridTesting.csv(out.resolve("summary.csv"));
        assertEquals(5, summary.size());
        assertEquals("loss_n", summary.get(0)[2]);
        assertEquals("2", summary.get(1)[2]); // LR=0.01, WIDTH=4: both seeds
        assertEquals("0", summary.get(2)[2]); // LR=0.01, WIDTH=0: all failed
        assertTrue(Files.size(out.resolve("summary.png")) > 10_000);

        // The same run by hand, `gradnote run ... --seed=1`, gives the same metrics bit for bit.
        JsonObject run = runs.values().stream()
                .filter(r -> r.get("seed").getAsLong() == 1
                        && r.getAsJsonObject("params").get("LR").getAsString().equals("0.1")
                        && r.getAsJsonObject("params")
                                .get("WIDTH")
                                .getAsString()
                                .equals("4"))
                .findFirst()
                .orElseThrow();
        Map<String, Double> byHand = GridTesting.gradnoteRun(GridTesting.PROBE, "--LR=0.1", "--WIDTH=4", "--seed=1");
        for (String m : List.of("loss", "first_draw")) {
            assertEquals(
                    Double.doubleToRawLongBits(
                            run.getAsJsonObject("metrics").get(m).getAsDouble()),
                    Double.doubleToRawLongBits(byHand.get(m)),
                    m + ": grid " + run + " vs gradnote run " + byHand);
        }

        // The same grid again is refused without --resume; another grid is refused even with it.
        GridException again = assertThrows(
                GridException.class,
                () -> GridTesting.grid(
                        System.err,
                        GridTesting.PROBE,
                        "--param",
                        "LR=0.01,0.1",
                        "--param",
                        "WIDTH=4,0",
                        "--seeds",
                        "0..1",
                        "--master",
                        "local[2]",
                        "--out",
                        out.toString()));
        assertTrue(again.getMessage().contains("already holds this grid's results; pass --resume"), again.getMessage());
        GridException other = assertThrows(
                GridException.class,
                () -> GridTesting.grid(
                        System.err,
                        GridTesting.PROBE,
                        "--param",
                        "LR=0.5",
                        "--master",
                        "local[2]",
                        "--out",
                        out.toString(),
                        "--resume"));
        assertTrue(other.getMessage().contains("holds another grid's results"), other.getMessage());
    }

    @Test
    void failFastTimeoutAndBadParameters() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // One slot: the first run fails, --fail-fast cancels the two after it.
        Grid.Outcome ff = GridTesting.grid(
                GridTesting.log(log),
                GridTesting.PROBE,
                "--param",
                "WIDTH=0,4,8",
                "--master",
                "local[1]",
                "--out",
                tmp.resolve("ff").toString(),
                "--fail-fast");
        assertEquals(1, ff.failed());
        assertEquals(0, ff.ok(), log.toString());
        assertTrue(log.toString().contains("--fail-fast: stopping"), log.toString());

        Grid.Outcome slow = GridTesting.grid(
                GridTesting.log(log),
                GridTesting.PROBE,
                "--param",
                "SLEEP_MS=600000",
                "--master",
                "local[1]",
                "--out",
                tmp.resolve("slow").toString(),
                "--timeout",
                "5s");
        assertEquals(1, slow.failed());
        JsonObject r = GridTesting.runs(tmp.resolve("slow")).values().iterator().next();
        assertEquals("timeout", r.get("status").getAsString());
        assertTrue(r.get("seconds").getAsDouble() < 30, r.toString());

        GridException unknown = assertThrows(
                GridException.class,
                () -> GridTesting.grid(
                        System.err,
                        GridTesting.PROBE,
                        "--param",
                        "DEPTH=1,2",
                        "--out",
                        tmp.resolve("u").toString()));
        assertTrue(
                unknown.getMessage()
                        .contains("unknown parameter 'DEPTH'; parameters: LR (double, default 0.05), WIDTH (int"),
                unknown.getMessage());
        GridException type = assertThrows(
                GridException.class,
                () -> GridTesting.grid(
                        System.err,
                        GridTesting.PROBE,
                        "--param",
                        "WIDTH=4,4.5",
                        "--out",
                        tmp.resolve("t").toString()));
        assertTrue(type.getMessage().contains("parameter WIDTH is a int, got '4.5'"), type.getMessage());
        assertNotEquals(0, type.exitCode());
    }

    private static String listing(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).toList().toString();
        }
    }
}
