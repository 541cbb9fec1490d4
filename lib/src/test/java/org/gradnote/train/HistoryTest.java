package org.gradnote.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryTest {
    private static Map<String, Double> row(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
        return m;
    }

    private static History sample() {
        return new History()
                .append(row("train_loss", 1.0, "dev_loss", 1.2, "dev_acc", 0.5))
                .append(row("train_loss", 0.5, "dev_loss", 0.9, "dev_acc", 0.7))
                .append(row("train_loss", 0.3, "dev_loss", 1.0, "dev_acc", 0.8));
    }

    @Test
    void seriesBestAndMap() {
        History h = sample();
        assertEquals(3, h.epochs());
        assertArrayEquals(new double[] {1.2, 0.9, 1.0}, h.get("dev_loss"));
        assertEquals(0.9, h.best("dev_loss"));
        assertEquals(2, h.bestEpoch("dev_loss"));
        assertEquals(0.8, h.best("dev_acc"), "accuracy: higher is better");
        assertEquals(
                List.of("train_loss", "dev_loss", "dev_acc"),
                List.copyOf(h.toMap().keySet()));
        h.toMap().get("dev_loss")[0] = 99;
        assertEquals(1.2, h.get("dev_loss")[0], "toMap returns copies");
        assertFalse(h.stoppedEarly());
        assertEquals(
                "History: no series 'val_loss' (recorded: train_loss, dev_loss, dev_acc)",
                assertThrows(IllegalArgumentException.class, () -> h.get("val_loss"))
                        .getMessage());
    }

    @Test
    void namesAppearingLateOrMissingGetNaN() {
        History h = new History()
                .append(row("train_loss", 1))
                .append(row("train_loss", 0.5, "lr", 0.1))
                .append(row("lr", 0.05));
        assertArrayEquals(new double[] {Double.NaN, 0.1, 0.05}, h.get("lr"));
        assertArrayEquals(new double[] {1, 0.5, Double.NaN}, h.get("train_loss"));
        assertEquals(0.5, h.best("train_loss"), "NaN is skipped");
    }

    @Test
    void textTable() {
        History h = sample();
        h.stop("early stopping at epoch 3: dev_loss did not improve for 1 epochs (best 0.90000 at epoch 2)");
        assertEquals("""
                 epoch    train_loss      dev_loss       dev_acc
                     1        1.0000        1.2000       0.50000
                     2       0.50000       0.90000       0.70000
                     3       0.30000        1.0000       0.80000
                stopped early: early stopping at epoch 3: dev_loss did not improve for 1 epochs (best 0.90000 at epoch 2)
                """, h.toString());
    }

    @Test
    void consoleListenerPrintsOneLinePerEpoch() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleListener c = ConsoleListener.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), 2);
        History h = new History();
        for (int e = 1; e <= 3; e++) {
            c.onEpochStart(e, 3);
            h.append(row("train_loss", 1.0 / e));
            c.onEpochEnd(e, h);
        }
        h.stop("interrupted");
        c.onFitEnd(h);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length, bytes.toString());
        assertTrue(lines[0].matches("epoch 2/3  train_loss 0\\.50000  \\(\\d+\\.\\d s\\)"), lines[0]);
        assertTrue(lines[1].startsWith("epoch 3/3  train_loss 0.33333"), lines[1]);
        assertEquals("stopped early: interrupted", lines[2]);
    }
}
