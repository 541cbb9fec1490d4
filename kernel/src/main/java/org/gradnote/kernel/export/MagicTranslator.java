package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.magics.CellPart;
import org.gradnote.magics.JavaEquivalent;
import org.gradnote.magics.MagicParser;
import org.gradnote.magics.MagicRegistry;
import org.gradnote.magics.MagicUsageException;

/**
 * Stage 3: replaces each magic with the plain Java its {@code javaEquivalent()} declares, parsed exactly as the
 * kernel parses it; a magic with no equivalent, or a bad magic call, fails naming the cell.
 */
public final class MagicTranslator {
    private final MagicRegistry registry;

    public MagicTranslator(MagicRegistry registry) {
        this.registry = registry;
    }

    public List<TranslatedCell> translate(String file, List<SelectedCell> cells) throws ExportException {
        List<TranslatedCell> out = new ArrayList<>();
        for (SelectedCell c : cells) out.add(translate(file, c));
        return out;
    }

    TranslatedCell translate(String file, SelectedCell c) throws ExportException {
        List<CellPart> parts = MagicParser.parse(c.code());
        if (parts.stream().noneMatch(p -> p instanceof CellPart.MagicPart))
            return new TranslatedCell(c, c.code(), false, false);
        StringBuilder java = new StringBuilder();
        List<String> dependencies = new ArrayList<>(), repositories = new ArrayList<>();
        boolean endsWithMagic = parts.get(parts.size() - 1) instanceof CellPart.MagicPart;
        for (CellPart part : parts) {
            if (part instanceof CellPart.Java j) {
                java.append(j.source()).append('\n');
            } else if (part instanceof CellPart.MagicPart m) {
                JavaEquivalent eq;
                try {
                    eq = registry.prepare(m.call()).javaEquivalent();
                } catch (MagicUsageException e) {
                    throw ExportException.atCell(file, c.cell(), e.getMessage());
                }
                if (eq.code().isEmpty()) {
                    throw ExportException.atCell(
                            file,
                            c.cell(),
                            m.call().spelled() + " has no plain-Java equivalent (" + eq.reasonIfNone()
                                    + "); remove it or mark the cell //| skip");
                }
                java.append(eq.code().get().strip()).append('\n');
                dependencies.addAll(eq.dependencies());
                repositories.addAll(eq.repositories());
            }
        }
        return new TranslatedCell(c, java.toString(), true, endsWithMagic, dependencies, repositories);
    }
}
