package org.gradnote.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradnote.kernel.protocol.JupyterMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Prints (never asserts) the time from execute_request to execute_reply of trivial cells: the median of
 * {@code -Dgradnote.latency.runs} (default 10) rounds, after warm-up rounds; each round runs every cell once, so a
 * burst of load on the machine spreads over all cells. What the cells produce is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class CellLatencyTest extends KernelTestBase {
    private static final int RUNS = Integer.getInteger("gradnote.latency.runs", 10);
    private static final int WARM_UP_ROUNDS = 3;
    private static final List<Cell> CELLS = List.of(
            new Cell("1+1", "2", ""),
            new Cell("int x = 3;", null, ""),
            new Cell("System.out.println(\"hi\")", null, "hi\n"),
            new Cell("Tensor.ones(2, 2)", "tensor([[1., 1.],", ""));

    /** A cell, the start of its shown value (null: none) and its stdout. */
    private record Cell(String code, String resultPrefix, String stdout) {}

    @Test
    void trivialCellsLatency() throws Exception {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) for (Cell cell : CELLS) timeOnce(cell);
        List<List<Double>> times = new ArrayList<>();
        for (int c = 0; c < CELLS.size(); c++) times.add(new ArrayList<>());
        for (int i = 0; i < RUNS; i++) {
            for (int c = 0; c < CELLS.size(); c++) times.get(c).add(timeOnce(CELLS.get(c)));
        }
        StringBuilder report = new StringBuilder(
                "cell latency, execute_request -> execute_reply, median of " + RUNS + " [min, max], ms:\n");
        for (int c = 0; c < CELLS.size(); c++) {
            List<Double> ms = times.get(c);
            Collections.sort(ms);
            report.append(String.format(
                    "  %-28s %7.1f  [%.1f, %.1f]%n",
                    CELLS.get(c).code(), median(ms), ms.get(0), ms.get(ms.size() - 1)));
        }
        System.out.print(report);
    }

    /** Milliseconds from sending the request to receiving the reply; then checks the cell's output. */
    private double timeOnce(Cell cell) throws Exception {
        long start = System.nanoTime();
        JupyterMessage req = client.sendExecute(cell.code());
        JupyterMessage reply = client.reply(client.shell, req);
        double ms = (System.nanoTime() - start) / 1e6;
        var ex = new TestClient.Execution(reply, client.iopubUntilIdle(req));
        assertEquals("ok", ex.status(), cell.code());
        if (cell.resultPrefix() == null) {
            assertEquals(0, ex.ofType("execute_result").size(), cell.code());
        } else {
            String result = ex.result();
            assertTrue(result != null && result.startsWith(cell.resultPrefix()), cell.code() + " -> " + result);
        }
        assertEquals(cell.stdout(), ex.stdout(), cell.code());
        return ms;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
