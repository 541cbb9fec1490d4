package org.gradnote.plots.internal;

import java.text.Normalizer;
import java.util.Locale;

/** Turns chart titles into stable, file-system-safe names ("Train loss (MLP)" -> "train-loss-mlp"). */
public final class Slug {

  private static final int MAX_LENGTH = 60;

  private Slug() {}

  /** Returns a lower-case ASCII slug, or {@code fallback} if nothing usable remains. */
  public static String of(String text, String fallback) {
    if (text == null) {
      return fallback;
    }
    // Strip accents first so "précision" becomes "precision" rather than "pr-cision".
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? fallback : slug;
  }
}
