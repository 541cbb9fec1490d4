package org.gradnote.kernel.jshell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.ImportSnippet;
import jdk.jshell.SourceCodeAnalysis;
import org.gradnote.kernel.docs.Javadocs;
import org.gradnote.kernel.docs.Signatures;
import org.gradnote.magics.MagicParser;

/** Completion and inspection of a cell at a cursor, via JShell's source analysis plus magic names. */
public final class CodeAssist {

    /** Matches, and the cell range {@code [start, end)} they replace. */
    public record Completions(List<String> matches, int start, int end) {}

    private final Evaluator evaluator;
    private final List<String> lineMagics, cellMagics;
    private final Javadocs javadocs;

    /** Assists cells of {@code evaluator}'s session; {@code javadocs} supplies the doc comments inspect shows. */
    public CodeAssist(Evaluator evaluator, List<String> lineMagics, List<String> cellMagics, Javadocs javadocs) {
        this.evaluator = evaluator;
        this.lineMagics = lineMagics;
        this.cellMagics = cellMagics;
        this.javadocs = javadocs;
    }

    /** {@code cursor} is a char index into {@code cell}. */
    public Completions complete(String cell, int cursor) {
        int lineStart = cell.lastIndexOf('\n', cursor - 1) + 1;
        String before = cell.substring(lineStart, cursor).stripLeading();
        if (before.startsWith("%")
                && before.chars().skip(before.startsWith("%%") ? 2 : 1).allMatch(Character::isJavaIdentifierPart)) {
            boolean cellMagic = before.startsWith("%%");
            String prefix = before.substring(cellMagic ? 2 : 1);
            List<String> matches = (cellMagic ? cellMagics : lineMagics)
                    .stream()
                            .filter(n -> n.startsWith(prefix))
                            .map(n -> (cellMagic ? "%%" : "%") + n)
                            .toList();
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
        suggestions.stream()
                .filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completions(new ArrayList<>(matches), offset + anchor[0], cursor);
    }

    /**
     * Signature(s) of what is under the cursor, each with its doc comment: at {@code detail} 0 the first sentence,
     * at 1 the whole comment (Jupyter's {@code detail_level}); empty when nothing is known. JShell finds the
     * element; its doc comes from gradnote's index or the JDK's {@code src.zip} ({@link Javadocs}).
     */
    public String inspect(String cell, int cursor, int detail) {
        Located at = locate(cell, cursor);
        String text = at.text();
        int end = at.cursor();
        while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) end++;
        List<SourceCodeAnalysis.Documentation> docs = evaluator.analysis().documentation(text, end, false);
        if (docs.isEmpty()) {
            // "String.valueOf" without parentheses: ask as if the call were being typed.
            String asCall = text.substring(0, end) + "(";
            docs = evaluator.analysis().documentation(asCall, asCall.length(), false);
        }
        // The default imports first, as the session has them, then the user's own.
        List<String> defaults = evaluator.defaultImports();
        List<String> imports = new ArrayList<>(defaults);
        evaluator
                .shell()
                .imports()
                .filter(i -> !i.isStatic())
                .map(ImportSnippet::fullname)
                .forEach(imports::add);
        StringBuilder b = new StringBuilder();
        for (var d : docs) {
            String signature = Signatures.shorten(d.signature(), defaults);
            b.append(Signatures.describe(signature, detail, javadocs, name -> resolveType(name, imports)))
                    .append(detail > 0 ? "\n\n" : "\n");
        }
        return b.toString().strip();
    }

    /**
     * The canonical name of a type as JShell printed it: already qualified ({@code java.util.ArrayList}), or a simple
     * name (maybe of a nested type, {@code Map.Entry}) resolved as the session's imports and {@code java.lang} would.
     */
    private String resolveType(String written, List<String> imports) {
        if (Character.isLowerCase(written.charAt(0))) return written;
        int dot = written.indexOf('.');
        String first = dot < 0 ? written : written.substring(0, dot), rest = dot < 0 ? "" : written.substring(dot);
        List<String> candidates = new ArrayList<>();
        for (String i : imports) if (i.endsWith("." + first)) candidates.add(i + rest);
        candidates.add("java.lang." + first + rest);
        for (String i : imports) if (i.endsWith(".*")) candidates.add(i.substring(0, i.length() - 1) + first + rest);
        for (String c : candidates) if (javadocs.knowsType(c) || loadable(c)) return c;
        return null;
    }

    /** Whether the kernel's class loader has the type (nested types by their binary names). */
    private static boolean loadable(String canonical) {
        String path = canonical.replace('.', '/');
        ClassLoader loader = CodeAssist.class.getClassLoader();
        // "java/util/Map/Entry" -> try "java/util/Map$Entry.class" too
        for (int i = path.length(); i > 0; i = path.lastIndexOf('/', i - 1)) {
            String binary = path.substring(0, i) + path.substring(i).replace('/', '$');
            if (loader.getResource(binary + ".class") != null) return true;
            if (i == path.indexOf('/')) break;
        }
        return false;
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
