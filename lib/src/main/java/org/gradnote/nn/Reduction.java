package org.gradnote.nn;

/** How a loss combines its per-element values: mean (the default), sum, or none (keep them all). */
public enum Reduction {
    MEAN, SUM, NONE
}
