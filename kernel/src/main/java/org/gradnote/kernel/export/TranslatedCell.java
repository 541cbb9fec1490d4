package org.gradnote.kernel.export;

/**
 * A selected cell whose magics were replaced by their plain-Java equivalents; {@code hasMagics} blocks
 * {@code update}, and {@code endsWithMagic} means the cell shows no value (the kernel shows none after a magic).
 */
public record TranslatedCell(SelectedCell selected, String java, boolean hasMagics, boolean endsWithMagic) {
    public NotebookCell cell() {
        return selected.cell();
    }
}
