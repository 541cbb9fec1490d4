package org.gradnote.plots.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code Notebook.metric}'s printed form (read back bit for bit) and its checks; {@code --seed}'s value check. */
class NotebookMetricTest {
  @Test
  void printsTheShortestExactDecimal() {
    PrintStream previous = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    double value = 0.1 + 0.2; // 0.30000000000000004: every digit is needed to read it back
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      Notebook.metric("dev_accuracy", value);
      Notebook.metric("loss.final-2", Double.NaN);
    } finally {
      System.setOut(previous);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals("metric dev_accuracy = 0.30000000000000004", lines[0]);
    assertEquals(
        Double.doubleToRawLongBits(value),
        Double.doubleToRawLongBits(Double.parseDouble(lines[0].split(" = ")[1])));
    assertEquals("metric loss.final-2 = NaN", lines[1]);
  }

  @Test
  void badNamesAndSeedsAreErrors() {
    var e = assertThrows(IllegalArgumentException.class, () -> Notebook.metric("dev accuracy", 1));
    assertEquals(
        "Notebook.metric: name must be letters, digits, '_', '.' or '-', got 'dev accuracy'",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Notebook.metric("", 1));
    assertThrows(IllegalArgumentException.class, () -> Notebook.metric(null, 1));
    var seed = assertThrows(IllegalArgumentException.class, () -> NotebookRun.parseSeed("0x10"));
    assertTrue(
        seed.getMessage().contains("--seed needs an integer, got '0x10'"), seed.getMessage());
    assertEquals(-3L, NotebookRun.parseSeed("-3"));
  }
}
