package org.gradnote.kernel.cell;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Stage 2: adapts Java source to what JShell accepts without changing line numbers. Today: a {@code package}
 * declaration (common when pasting a file) is blanked, since JShell rejects it.
 */
final class RewriteStage {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;");

    List<Step> rewrite(List<Step> steps) {
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof Step.JavaStep java) {
                String source = PACKAGE.matcher(java.source())
                        .replaceAll(m -> " ".repeat(m.group().length()));
                if (!source.isBlank()) out.add(new Step.JavaStep(source, java.firstLine()));
            } else {
                out.add(step);
            }
        }
        return out;
    }
}
