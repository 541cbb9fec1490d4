package org.gradnote.plots.internal;

import java.util.Locale;

/** Input validation that names the chart in every message, e.g. "line chart 'Loss': ...". */
public final class Check {

  private final String where;

  /** @param kind chart kind such as "line chart"; @param title chart title or null. */
  public Check(String kind, String title) {
    this.where =
        title == null || title.isBlank() ? kind + " (untitled)" : kind + " '" + title + "'";
  }

  /** Returns the "kind 'title'" prefix used in messages. */
  public String where() {
    return where;
  }

  /** Builds (does not throw) an exception whose message starts with the chart name. */
  public IllegalArgumentException fail(String format, Object... args) {
    return new IllegalArgumentException(where + ": " + String.format(Locale.ROOT, format, args));
  }

  /** Throws {@link #fail} unless {@code condition} holds. */
  public void that(boolean condition, String format, Object... args) {
    if (!condition) {
      throw fail(format, args);
    }
  }

  /** Rejects null or empty arrays. */
  public double[] nonEmpty(String what, double[] values) {
    that(values != null, "%s is null", what);
    that(values.length > 0, "%s is empty", what);
    return values;
  }

  /** Rejects a length mismatch with the message "A has n values but B has m". */
  public void sameLength(String a, int na, String b, int nb) {
    that(na == nb, "%s has %d values but %s has %d", a, na, b, nb);
  }

  /** Rejects NaN and infinities, naming the first bad index. */
  public void finite(String what, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw fail("%s has a non-finite value (%s) at index %d", what, values[i], i);
      }
    }
  }

  /** Rejects labels outside {@code [0, limit)}; {@code limit <= 0} only rejects negatives. */
  public void labels(String what, int[] labels, int limit) {
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l < 0 || (limit > 0 && l >= limit)) {
        String range = limit > 0 ? "[0, " + limit + ")" : ">= 0";
        throw fail("%s has label %d at index %d, expected %s", what, l, i, range);
      }
    }
  }

  /** Rejects an empty or inverted interval. */
  public void range(String what, double lo, double hi) {
    that(
        Double.isFinite(lo) && Double.isFinite(hi) && lo < hi,
        "%s range [%s, %s] must be finite with min < max",
        what,
        lo,
        hi);
  }
}
