package org.gradnote.kernel;

/** Jupyter counts cursor positions in Unicode code points; Java strings index UTF-16 chars. */
final class Cursors {
    private Cursors() {}

    static int toCharIndex(String text, int codePoints) {
        int max = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, max)));
    }

    static int toCodePoints(String text, int charIndex) {
        return text.codePointCount(0, Math.max(0, Math.min(charIndex, text.length())));
    }
}
