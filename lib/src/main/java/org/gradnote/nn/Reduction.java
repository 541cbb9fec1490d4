package org.gradnote.nn;

/** How a loss combines its per-element values: {@code MEAN} (the default), {@code SUM}, or {@code NONE} (keep them all). */
public enum Reduction {
    MEAN,
    SUM,
    NONE
}
