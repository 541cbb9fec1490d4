package org.gradnote.magics;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into Java source and magic calls. A cell whose first non-blank line starts with {@code %%} is one
 * cell magic; otherwise every line starting with {@code %name} is a line magic and the lines between are Java.
 */
public final class MagicParser {

    private MagicParser() {}

    /**
     * Splits a cell into magic calls and Java code, in order (a leading {@code %%} line makes the rest the cell magic's
     * body).
     */
    public static List<CellPart> parse(String cell) {
        String[] lines = cell.split("\n", -1);
        int first = 0;
        while (first < lines.length && lines[first].isBlank()) first++;
        if (first < lines.length && lines[first].stripLeading().startsWith("%%")) {
            String head = lines[first].stripLeading().substring(2);
            String body = String.join("\n", java.util.Arrays.copyOfRange(lines, first + 1, lines.length));
            return List.of(new CellPart.MagicPart(call(head, body, true, first + 1)));
        }
        List<CellPart> parts = new ArrayList<>();
        List<String> java = new ArrayList<>();
        int javaStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].stripLeading();
            if (isLineMagic(stripped)) {
                flush(parts, java, javaStart);
                parts.add(new CellPart.MagicPart(call(stripped.substring(1), null, false, i + 1)));
            } else {
                if (java.isEmpty()) javaStart = i + 1;
                java.add(lines[i]);
            }
        }
        flush(parts, java, javaStart);
        return parts;
    }

    /** True for {@code %name ...}; a line like {@code % 3} (Java remainder continued) is left to Java. */
    public static boolean isLineMagic(String strippedLine) {
        return strippedLine.length() > 1
                && strippedLine.charAt(0) == '%'
                && Character.isJavaIdentifierStart(strippedLine.charAt(1));
    }

    private static void flush(List<CellPart> parts, List<String> java, int firstLine) {
        String source = String.join("\n", java);
        if (!source.isBlank()) parts.add(new CellPart.Java(source, firstLine));
        java.clear();
    }

    private static MagicCall call(String nameAndArgs, String body, boolean cell, int line) {
        String trimmed = nameAndArgs.strip();
        int space = 0;
        while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) space++;
        return new MagicCall(
                trimmed.substring(0, space), trimmed.substring(space).strip(), body, cell, line);
    }
}
