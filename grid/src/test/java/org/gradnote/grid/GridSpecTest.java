package org.gradnote.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of {@code gradnote grid}'s command line and the checks against the notebook's parameters (no Spark). */
class GridSpecTest {
    private static final String SOURCE = "class X {\n  @Param static double LR = 0.01; // #parameters\n"
            + "  @Param static int WIDTH = 8;\n  @Param static boolean BN = false;\n}\n";

    private static String error(String... args) {
        return assertThrows(GridException.class, () -> GridSpec.parse(List.of(args)))
                .getMessage();
    }

    @Test
    void parsesAxesAndOptions() throws Exception {
        GridSpec s = GridSpec.parse(List.of(
                "nb.ipynb",
                "--param",
                "LR=0.1,0.01",
                "--param=WIDTH=4,8,16",
                "--seeds",
                "0..2",
                "--master",
                "local[2]",
                "--threads-per-run",
                "2",
                "--timeout",
                "10m",
                "--fail-fast",
                "--retries=1"));
        assertEquals(List.of("0.1", "0.01"), s.params().get("LR"));
        assertEquals(List.of("4", "8", "16"), s.params().get("WIDTH"));
        assertEquals(List.of(0L, 1L, 2L), s.seeds());
        assertEquals("local[2]", s.master());
        assertEquals(2, s.threadsPerRun());
        assertEquals(600_000, s.timeout().orElseThrow().toMillis());
        assertTrue(s.failFast());
        assertEquals(1, s.retries());
        assertEquals(18, GridPlan.runs(s, "h").size());
        assertEquals(
                List.of(1L, 7L, 42L),
                GridSpec.parse(List.of("nb.ipynb", "--seeds=1,7,42")).seeds());
    }

    @Test
    void badInputNamesTheCulprit() {
        assertTrue(
                error("nb.ipynb", "--param", "LR=").contains("LR has an empty value list"),
                error("nb.ipynb", "--param", "LR="));
        assertTrue(error("nb.ipynb", "--param", "LR=0.1,,0.2").contains("empty value"));
        assertTrue(error("nb.ipynb", "--param", "LR").contains("NAME=v1,v2"));
        assertTrue(error("nb.ipynb", "--param", "LR=1", "--param", "LR=2").contains("given twice"));
        assertTrue(error("nb.ipynb", "--seeds", "0-4").contains("--seeds needs A..B"));
        assertTrue(error("nb.ipynb", "--seeds", "5..2").contains("A <= B"));
        assertTrue(error("nb.ipynb", "--seeds", "a..b").contains("--seeds needs A..B"));
        assertTrue(error("nb.ipynb", "--master", "yarn").contains("--master needs"));
        assertTrue(error("nb.ipynb", "--timeout", "soon").contains("--timeout needs a duration"));
        assertTrue(error("nb.ipynb", "--folds", "1").contains("at least 2"));
        assertTrue(error("nb.ipynb", "--resume").contains("--resume needs the --out"));
        assertTrue(error("--param", "LR=1").contains("needs a NOTEBOOK"));
        assertTrue(error("nb.ipynb", "--frobnicate").contains("unknown option --frobnicate"));
    }

    @Test
    void unknownParametersAndWrongTypesListTheKnownOnes() throws Exception {
        NotebookParams p = NotebookParams.of(SOURCE);
        GridException unknown = assertThrows(GridException.class, () -> p.check(Map.of("DEPTH", List.of("2")), "nb"));
        assertEquals(
                "nb: unknown parameter 'DEPTH'; parameters: LR (double, default 0.01), WIDTH (int, default 8),"
                        + " BN (boolean, default false)",
                unknown.getMessage());
        GridException type =
                assertThrows(GridException.class, () -> p.check(Map.of("WIDTH", List.of("8", "wide")), "nb"));
        assertTrue(
                type.getMessage().startsWith("nb: parameter WIDTH is a int, got 'wide'; parameters: LR"),
                type.getMessage());
        assertThrows(GridException.class, () -> p.check(Map.of("BN", List.of("yes")), "nb"));
        p.check(Map.of("LR", List.of("1e-3", "0.1"), "BN", List.of("true")), "nb");
        String none = assertThrows(
                        GridException.class,
                        () -> NotebookParams.of("class Y {}").check(Map.of("LR", List.of("1")), "nb"))
                .getMessage();
        assertTrue(none.contains("no //| parameters cell"), none);
    }

    @Test
    void runIdsAreStableAndDependOnEverything() {
        LinkedHashMap<String, String> a = new LinkedHashMap<>(Map.of("LR", "0.1"));
        RunSpec r = RunSpec.of("export1", a, 3L, null, 0);
        assertEquals(
                r.id(),
                RunSpec.of("export1", new LinkedHashMap<>(Map.of("LR", "0.1")), 3L, null, 0)
                        .id());
        assertNotEquals(r.id(), RunSpec.of("export2", a, 3L, null, 0).id());
        assertNotEquals(r.id(), RunSpec.of("export1", a, 4L, null, 0).id());
        assertNotEquals(
                r.id(),
                RunSpec.of("export1", new LinkedHashMap<>(Map.of("LR", "0.2")), 3L, null, 0)
                        .id());
        assertNotEquals(r.id(), RunSpec.of("export1", a, 3L, 0, 5).id());
        assertEquals(List.of("--LR=0.1", "--seed=3"), r.arguments(true));
        assertEquals(
                List.of("--LR=0.1", "--FOLD=0", "--FOLDS=5"),
                RunSpec.of("e", a, null, 0, 5).arguments(true));
    }

    @Test
    void foldsAreAnAxisThatNeedsAFoldParameter() throws Exception {
        GridSpec s = GridSpec.parse(List.of("nb.ipynb", "--param", "LR=0.1,0.01", "--folds", "3", "--seeds", "0..1"));
        List<RunSpec> runs = GridPlan.runs(s, "h");
        assertEquals(12, runs.size());
        assertEquals(
                List.of("--LR=0.1", "--FOLD=2", "--FOLDS=3", "--seed=1"),
                runs.get(5).arguments(true));
        assertEquals(12, runs.stream().map(RunSpec::id).distinct().count());
        Prepared without = new Prepared("nb", "X", SOURCE, "h", null, List.of(), NotebookParams.of(SOURCE));
        String e =
                assertThrows(GridException.class, () -> without.checkFolds(3)).getMessage();
        assertTrue(e.startsWith("nb: --folds needs an int parameter FOLD"), e);
        String withFold = SOURCE.replace("}\n", "  @Param static int FOLD = 0;\n}\n");
        new Prepared("nb", "X", withFold, "h", null, List.of(), NotebookParams.of(withFold)).checkFolds(3);
    }

    @Test
    void summaryStatsUseStudentT() {
        Summaries.Stats s = Summaries.Stats.of(List.of(1.0, 2.0, 3.0));
        assertEquals(2.0, s.mean(), 0);
        assertEquals(1.0, s.std(), 1e-15);
        assertEquals(4.302652729911275 / Math.sqrt(3), s.halfWidth(), 1e-10); // t(0.975, 2 df)
        assertTrue(Double.isNaN(Summaries.Stats.of(List.of(5.0)).std()));
    }

    @Test
    void unreachableMasterFailsFast() {
        long t0 = System.nanoTime();
        GridException e = assertThrows(GridException.class, () -> Grid.checkReachable("spark://127.0.0.1:1"));
        assertTrue(e.getMessage().startsWith("cannot reach the Spark master spark://127.0.0.1:1"), e.getMessage());
        assertTrue((System.nanoTime() - t0) / 1e9 < 30);
    }
}
