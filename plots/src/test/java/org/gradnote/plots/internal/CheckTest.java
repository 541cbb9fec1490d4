package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CheckTest {

  private final Check check = new Check("line chart", "Loss");

  @Test
  void messagesNameTheChart() {
    assertEquals("line chart 'Loss'", check.where());
    assertEquals("line chart (untitled)", new Check("line chart", " ").where());
    assertEquals(
        "line chart 'Loss': series 'dev' has 99 values but x has 100",
        assertThrows(
                IllegalArgumentException.class,
                () -> check.sameLength("series 'dev'", 99, "x", 100))
            .getMessage());
  }

  @Test
  void eachRule() {
    check.sameLength("a", 1, "b", 1);
    check.finite("v", new double[] {1, 2});
    check.labels("l", new int[] {0, 2}, 3);
    check.range("x", 0, 1);
    assertEquals(
        "line chart 'Loss': v is empty",
        assertThrows(IllegalArgumentException.class, () -> check.nonEmpty("v", new double[0]))
            .getMessage());
    assertEquals(
        "line chart 'Loss': v has a non-finite value (Infinity) at index 1",
        assertThrows(
                IllegalArgumentException.class,
                () -> check.finite("v", new double[] {0, Double.POSITIVE_INFINITY}))
            .getMessage());
    assertEquals(
        "line chart 'Loss': l has label 3 at index 1, expected [0, 3)",
        assertThrows(IllegalArgumentException.class, () -> check.labels("l", new int[] {0, 3}, 3))
            .getMessage());
    assertEquals(
        "line chart 'Loss': x range [1.0, 1.0] must be finite with min < max",
        assertThrows(IllegalArgumentException.class, () -> check.range("x", 1, 1))
            .getMessage());
  }
}
