package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeadlessTest {

  @Test
  void keepsAnExplicitChoiceOtherwiseSetsTrue() {
    String before = System.getProperty("java.awt.headless");
    try {
      System.setProperty("java.awt.headless", "false");
      Headless.ensure();
      assertEquals("false", System.getProperty("java.awt.headless"), "explicit choice kept");
      System.clearProperty("java.awt.headless");
      Headless.ensure();
      assertEquals("true", System.getProperty("java.awt.headless"));
    } finally {
      System.setProperty("java.awt.headless", before == null ? "true" : before);
    }
  }
}
