package org.gradnote.plots;

import java.awt.Color;

/** One curve as the line and time-series builders collect it; {@code x} null means "the shared x". */
record SeriesSpec(String name, double[] x, double[] y, boolean right, Color color) {}
