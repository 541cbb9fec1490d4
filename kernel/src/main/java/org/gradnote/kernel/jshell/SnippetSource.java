package org.gradnote.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/**
 * One snippet cut from a cell with JShell's own completeness analysis.
 *
 * @param offset where the snippet starts in the source it was cut from
 * @param complete false for a trailing fragment JShell could not complete (left for JShell to report)
 */
public record SnippetSource(String text, int offset, boolean complete, SourceCodeAnalysis.Completeness completeness) {

    public static List<SnippetSource> split(SourceCodeAnalysis analysis, String source) {
        List<SnippetSource> out = new ArrayList<>();
        int consumed = 0;
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            int lead = 0;
            while (lead < remaining.length() && Character.isWhitespace(remaining.charAt(lead))) lead++;
            switch (info.completeness()) {
                case EMPTY -> {
                    return out;
                }
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    int start = remaining.startsWith(info.source()) ? consumed : consumed + lead;
                    out.add(new SnippetSource(info.source(), start, true, info.completeness()));
                    consumed += remaining.length() - info.remaining().length();
                    remaining = info.remaining();
                }
                default -> {
                    out.add(new SnippetSource(remaining.substring(lead), consumed + lead, false, info.completeness()));
                    return out;
                }
            }
        }
        return out;
    }
}
