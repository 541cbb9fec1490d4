package org.gradnote.magics;

/**
 * One magic as written in a cell: its name, the rest of its line and, for a cell magic, the body below it.
 *
 * @param line 1-based line of the magic in the cell
 */
public record MagicCall(String name, String args, String body, boolean cellMagic, int line) {

    /** How the call was written, e.g. {@code %%time} or {@code %who}. */
    public String spelled() {
        return (cellMagic ? "%%" : "%") + name;
    }
}
