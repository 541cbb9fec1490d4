package org.gradnote.plots.internal;

/** Makes sure AWT starts headless unless the host (e.g. a desktop app) already chose a mode. */
public final class Headless {

  private Headless() {}

  /**
   * Sets {@code java.awt.headless=true} if nobody set it; must run before the first AWT toolkit use,
   * which is why every entry point of the plots module calls it from a static initializer.
   */
  public static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
