/** Rendering, styling, validation and geometry helpers behind {@code org.gradnote.plots}; not a public API. */
package org.gradnote.plots.internal;
