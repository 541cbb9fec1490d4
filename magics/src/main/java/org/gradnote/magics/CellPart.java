package org.gradnote.magics;

/** A piece of a cell after magic parsing: plain Java source or one magic call. */
public sealed interface CellPart {

    /** Java source lines; {@code firstLine} is the 1-based cell line of its first line. */
    record Java(String source, int firstLine) implements CellPart {}

    /** A magic call (a line magic, or a cell magic covering the whole cell). */
    record MagicPart(MagicCall call) implements CellPart {}
}
