package org.gradnote.kernel.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns JShell top-level members into static members of the exported class, the way JShell wraps them. */
final class Members {
    private static final Pattern MODIFIERS = Pattern.compile(
            "^(\\s*(@[\\w.]+(\\([^)]*\\))?|public|private|protected|abstract|final|static|sealed|non-sealed|strictfp|synchronized|default)\\b)*");

    private Members() {}

    /** Prepends {@code static} unless the member already has it (JShell's members are all static). */
    static String staticize(String member) {
        String m = member.strip();
        Matcher matcher = MODIFIERS.matcher(m);
        String modifiers = matcher.lookingAt() ? matcher.group() : "";
        return modifiers.matches("(?s).*\\bstatic\\b.*") ? m : "static " + m;
    }

    static String defaultValue(String type) {
        return switch (type) {
            case "boolean" -> "false";
            case "byte", "short", "int", "long", "float", "double", "char" -> "(" + type + ") 0";
            default -> "null";
        };
    }
}
