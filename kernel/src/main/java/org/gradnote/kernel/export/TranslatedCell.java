package org.gradnote.kernel.export;

import java.util.List;

/**
 * A selected cell whose magics were replaced by their plain-Java equivalents; {@code hasMagics} blocks
 * {@code update}, {@code endsWithMagic} means the cell shows no value (the kernel shows none after a magic), and
 * {@code dependencies}/{@code repositories} are what its {@code %maven}/{@code %mavenRepo} magics asked for.
 */
public record TranslatedCell(
        SelectedCell selected,
        String java,
        boolean hasMagics,
        boolean endsWithMagic,
        List<String> dependencies,
        List<String> repositories) {

    public TranslatedCell(SelectedCell selected, String java, boolean hasMagics, boolean endsWithMagic) {
        this(selected, java, hasMagics, endsWithMagic, List.of(), List.of());
    }

    public NotebookCell cell() {
        return selected.cell();
    }
}
