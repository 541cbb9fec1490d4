package org.gradnote.plots.notebook;

import java.lang.reflect.Array;

/** The plain-text form of a value, the same as the kernel's text renderer: arrays by content, not identity. */
public final class Texts {
  private Texts() {}

  /**
   * The text a notebook shows for a value: arrays element by element, {@code null} as "null", anything else by {@code
   * String.valueOf}.
   */
  public static String of(Object value) {
    if (value == null) return "null";
    if (!value.getClass().isArray()) return String.valueOf(value);
    StringBuilder b = new StringBuilder("[");
    int n = Array.getLength(value);
    for (int i = 0; i < n; i++) {
      if (i > 0) b.append(", ");
      if (i == 1000) {
        b.append("... (").append(n).append(" elements)");
        break;
      }
      b.append(of(Array.get(value, i)));
    }
    return b.append(']').toString();
  }
}
