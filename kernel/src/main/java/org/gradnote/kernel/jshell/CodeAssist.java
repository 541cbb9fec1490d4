package org.gradnote.kernel.jshell;

import jdk.jshell.SourceCodeAnalysis;
import org.gradnote.magics.MagicParser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Completion and inspection of a cell at a cursor, via JShell's source analysis plus magic names. */
public final class CodeAssist {

    /** Matches, and the cell range {@code [start, end)} they replace. */
    public record Completions(List<String> matches, int start, int end) {}

    private final Evaluator evaluator;
    private final List<String> lineMagics, cellMagics;

    public CodeAssist(Evaluator evaluator, List<String> lineMagics, List<String> cellMagics) {
        this.evaluator = evaluator;
        this.lineMagics = lineMagics;
        this.cellMagics = cellMagics;
    }

    /** {@code cursor} is a char index into {@code cell}. */
    public Completions complete(String cell, int cursor) {
        int lineStart = cell.lastIndexOf('\n', cursor - 1) + 1;
        String before = cell.substring(lineStart, cursor).stripLeading();
        if (before.startsWith("%") && before.chars().skip(before.startsWith("%%") ? 2 : 1)
                .allMatch(Character::isJavaIdentifierPart)) {
            boolean cellMagic = before.startsWith("%%");
            String prefix = before.substring(cellMagic ? 2 : 1);
            List<String> matches = (cellMagic ? cellMagics : lineMagics).stream()
                    .filter(n -> n.startsWith(prefix)).map(n -> (cellMagic ? "%%" : "%") + n).toList();
            return new Completions(matches, cursor - before.length(), cursor);
        }
        Located at = locate(cell, cursor);
        String java = blankMagicLines(cell);
        if (!java.substring(0, at.offset()).isBlank()) {
            // Declarations earlier in this cell have not run yet, so JShell does not know them; written as the
            // start of a block, they are locals JShell's analysis can see. (Fails for methods or imports in the
            // cell: then only what earlier cells defined is offered, below.)
            String block = "{\n" + java.substring(0, cursor);
            Completions inBlock = suggest(block, block.length(), -2, cursor);
            if (!inBlock.matches().isEmpty()) return inBlock;
        }
        return suggest(at.text().substring(0, at.cursor()), at.cursor(), at.offset(), cursor);
    }

    /** Suggestions at {@code at} in {@code text}, whose offset in the cell is {@code offset}. */
    private Completions suggest(String text, int at, int offset, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = evaluator.analysis().completionSuggestions(text, at, anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completions(new ArrayList<>(matches), offset + anchor[0], cursor);
    }

    /** Signature(s) and javadoc of what is under the cursor; empty when nothing is known. */
    public String inspect(String cell, int cursor) {
        Located at = locate(cell, cursor);
        String text = at.text();
        int end = at.cursor();
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) end++;
        List<SourceCodeAnalysis.Documentation> docs = evaluator.analysis().documentation(text, end, true);
        if (docs.isEmpty()) {
            // "String.valueOf" without parentheses: ask as if the call were being typed.
            String asCall = text.substring(0, end) + "(";
            docs = evaluator.analysis().documentation(asCall, asCall.length(), true);
        }
        StringBuilder b = new StringBuilder();
        for (var d : docs) {
            b.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) b.append(d.javadoc().strip()).append("\n\n");
        }
        return b.toString().strip();
    }

    private record Located(String text, int cursor, int offset) {}

    /**
     * The snippet of the cell holding the cursor (JShell analyses one snippet at a time), extended to the end of
     * the identifier under the cursor; magic lines are blanked so they do not confuse the analysis.
     */
    private Located locate(String cell, int cursor) {
        String java = blankMagicLines(cell);
        List<SnippetSource> before = SnippetSource.split(evaluator.analysis(), java.substring(0, cursor));
        int start = before.isEmpty() ? cursor : before.get(before.size() - 1).offset();
        int end = cursor;
        while (end < java.length() && Character.isJavaIdentifierPart(java.charAt(end))) end++;
        return new Located(java.substring(start, end), cursor - start, start);
    }

    static String blankMagicLines(String cell) {
        StringBuilder b = new StringBuilder();
        String[] lines = cell.split("\n", -1);
        boolean cellMagic = !lines[0].isEmpty() && lines[0].stripLeading().startsWith("%%");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) b.append('\n');
            boolean blank = (i == 0 && cellMagic) || MagicParser.isLineMagic(lines[i].stripLeading());
            b.append(blank ? " ".repeat(lines[i].length()) : lines[i]);
        }
        return b.toString();
    }
}
