package org.gradnote.kernel.export;

/**
 * Splits a snippet into its code and a {@code //} comment that ends it, so an export can wrap the code ({@code
 * Notebook.display(x);}, an added {@code ;}) without swallowing the rest of the line into the comment.
 */
record TrailingComment(String code, String comment) {

    /** {@code text} split at a line comment that runs to its end (outside strings, chars, text blocks, comments). */
    static TrailingComment of(String text) {
        int n = text.length();
        int lineComment = -1;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineComment = -1;
            } else if (lineComment >= 0) {
                continue;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                while (end > 0 && isEscaped(text, end)) end = text.indexOf("\"\"\"", end + 1);
                if (end < 0) return new TrailingComment(text, "");
                i = end + 2;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && text.charAt(j) != '\n') j += text.charAt(j) == '\\' ? 2 : 1;
                i = j;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) return new TrailingComment(text, "");
                i = end + 1;
            } else if (text.startsWith("//", i)) {
                lineComment = i;
            }
        }
        if (lineComment < 0) return new TrailingComment(text, "");
        return new TrailingComment(text.substring(0, lineComment).stripTrailing(), text.substring(lineComment));
    }

    /** The comment with a separating space, or nothing: to append after the wrapped code. */
    String suffix() {
        return comment.isEmpty() ? "" : " " + comment;
    }

    private static boolean isEscaped(String text, int at) {
        int backslashes = 0;
        for (int k = at - 1; k >= 0 && text.charAt(k) == '\\'; k--) backslashes++;
        return backslashes % 2 == 1;
    }
}
