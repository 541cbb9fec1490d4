package org.gradnote.kernel.cell;

import org.gradnote.magics.Magic;
import org.gradnote.magics.MagicCall;

/** One executable piece of a cell: Java source, or a checked magic call. */
public sealed interface Step {

    /** Java source; {@code firstLine} is its first line's number in the cell. */
    record JavaStep(String source, int firstLine) implements Step {}

    record MagicStep(MagicCall call, Magic.Invocation invocation) implements Step {}
}
