package org.gradnote.kernel.export;

/**
 * Renames a variable in Java source by tokens: identifiers equal to the name, outside strings, character literals
 * and comments, and not after a {@code .} (a member of something else). Used for variables a later cell
 * redeclared with another type; a local of the same name inside a lambda or block would be renamed too.
 */
final class Identifiers {
    private Identifiers() {}

    static String rename(String source, String from, String to) {
        StringBuilder out = new StringBuilder();
        int i = 0, n = source.length();
        char lastSignificant = 0;
        while (i < n) {
            char c = source.charAt(i);
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (c == '"' || c == '\'') {
                end = i + 1;
                while (end < n && source.charAt(end) != c) end += source.charAt(end) == '\\' ? 2 : 1;
                end = Math.min(n, end + 1);
            } else if (Character.isJavaIdentifierStart(c)) {
                end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(source.charAt(end))) end++;
                String word = source.substring(i, end);
                out.append(word.equals(from) && lastSignificant != '.' ? to : word);
                lastSignificant = 'a';
                i = end;
                continue;
            } else {
                out.append(c);
                if (!Character.isWhitespace(c)) lastSignificant = c;
                i++;
                continue;
            }
            out.append(source, i, end);
            lastSignificant = 'a';
            i = end;
        }
        return out.toString();
    }
}
