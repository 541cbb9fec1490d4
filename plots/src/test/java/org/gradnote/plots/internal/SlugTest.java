package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlugTest {

  @Test
  void slugs() {
    assertEquals("train-loss-mlp", Slug.of("Train loss (MLP)", "x"));
    assertEquals("precision-rappel", Slug.of("Précision / rappel", "x"));
    assertEquals("x", Slug.of("!!!", "x"));
    assertEquals("x", Slug.of(null, "x"));
    assertEquals(60, Slug.of("a".repeat(100), "x").length());
    String cut = Slug.of("ab ".repeat(30), "x"); // 60 chars would end in "-"
    assertEquals(59, cut.length());
    assertEquals('b', cut.charAt(58), "no trailing dash after truncation");
  }
}
