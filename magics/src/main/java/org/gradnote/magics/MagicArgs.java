package org.gradnote.magics;

import java.util.ArrayList;
import java.util.List;

/** Shell-like splitting of a magic's argument line (whitespace separated, single or double quotes group). */
public final class MagicArgs {

    private MagicArgs() {}

    /**
     * Splits a magic's argument string into words as a shell would: white space separates, single or double quotes
     * group.
     */
    public static List<String> split(String args) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else current.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) out.add(current.toString());
                current.setLength(0);
                inToken = false;
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) out.add(current.toString());
        return out;
    }

    /** A positive integer option value, or a usage error naming the option. */
    static int positiveInt(Magic magic, String option, String value) throws MagicUsageException {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw MagicUsageException.of(magic, option + " needs a positive integer, got '" + value + "'");
    }

    /** A Java string literal for {@code s} (for generated plain-Java equivalents). */
    public static String javaLiteral(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
