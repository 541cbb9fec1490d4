package org.gradnote.kernel.cell;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.magics.CellPart;
import org.gradnote.magics.MagicParser;
import org.gradnote.magics.MagicRegistry;
import org.gradnote.magics.MagicUsageException;

/** Stage 1: splits the cell into Java and magic calls, and checks every magic before anything runs. */
final class MagicParseStage {
    private final MagicRegistry registry;

    MagicParseStage(MagicRegistry registry) {
        this.registry = registry;
    }

    List<Step> parse(String cell) throws MagicUsageException {
        List<Step> steps = new ArrayList<>();
        for (CellPart part : MagicParser.parse(cell)) {
            if (part instanceof CellPart.Java java) {
                steps.add(new Step.JavaStep(java.source(), java.firstLine()));
            } else if (part instanceof CellPart.MagicPart magic) {
                steps.add(new Step.MagicStep(magic.call(), registry.prepare(magic.call())));
            }
        }
        return steps;
    }
}
