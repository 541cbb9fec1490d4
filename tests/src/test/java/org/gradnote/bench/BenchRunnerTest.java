package org.gradnote.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's argument parsing and machine line (no timing: benchmarks are never timed tests). */
class BenchRunnerTest {
    @Test
    void threadListsParseAndBadCountsAreRefusedByName() {
        assertEquals(List.of(1, 2), BenchRunner.parseThreads("1,2"));
        assertEquals(List.of(4), BenchRunner.parseThreads("4"));
        IllegalArgumentException zero =
                assertThrows(IllegalArgumentException.class, () -> BenchRunner.parseThreads("1,0"));
        assertTrue(zero.getMessage().contains("--threads") && zero.getMessage().contains("0"), zero.getMessage());
        IllegalArgumentException word =
                assertThrows(IllegalArgumentException.class, () -> BenchRunner.parseThreads("two"));
        assertTrue(word.getMessage().contains("'two'"), word.getMessage());
    }

    @Test
    void machineLineNamesTheCpuTheCoresAndTheNativeEnvironment() throws Exception {
        String line = Machine.describe("/nonexistent/python");
        assertTrue(line.contains(Runtime.getRuntime().availableProcessors() + " cores"), line);
        assertTrue(line.contains("torch missing"), line);
        assertTrue(line.contains("native env"), line);
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.exists(cpuinfo)) {
            String model = Files.readAllLines(cpuinfo).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElseThrow();
            assertTrue(line.contains(model), line);
        }
    }

    @Test
    void significantDigitsKeepSmallAndLargeTimesReadable() {
        assertEquals("0.01099", BenchRunner.sig(0.010987));
        assertEquals("3251", BenchRunner.sig(3250.958));
        assertEquals("n/a", BenchRunner.sig(Double.NaN));
    }

    @Test
    void everyWorkloadHasItsPytorchTwin() {
        for (Workload w : BenchRunner.ALL) {
            assertTrue(Files.exists(Path.of("bench/pytorch", w.name() + ".py")), "no PyTorch twin for " + w.name());
        }
    }
}
