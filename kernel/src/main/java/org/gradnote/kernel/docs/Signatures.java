package org.gradnote.kernel.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the signatures JShell's source analysis prints for what is under the cursor, and finds their doc comments:
 * {@code Tensor Tensor.zeros(long... shape)} (method), {@code java.util.ArrayList<E>(int initialCapacity)}
 * (constructor), {@code Math.PI:double} or {@code DType.FLOAT32} (field, constant), {@code org.gradnote.tensor.Tensor}
 * (type), {@code t:org.gradnote.tensor.Tensor} (a variable: its type's doc).
 */
public final class Signatures {

    private Signatures() {}

    /**
     * What a signature refers to: a type's canonical name as written (maybe simple, resolved later), a member name
     * (null for a type), parameter types (null unless a method or constructor).
     */
    record Ref(String owner, String name, List<String> params) {}

    /**
     * The text inspect shows for one signature: the signature, then at {@code detail} 0 the doc's first sentence,
     * at 1 the whole doc with its parameters, return value and exceptions; just the signature when no doc is known.
     * {@code resolve} maps a type name as JShell printed it (simple when imported) to its canonical name, or null.
     */
    public static String describe(String signature, int detail, Javadocs docs, Function<String, String> resolve) {
        Optional<Javadocs.Doc> doc = parse(signature).flatMap(ref -> {
            String type = resolve.apply(ref.owner());
            return type == null ? Optional.empty() : docs.find(type, ref.name(), ref.params());
        });
        if (doc.isEmpty()) return signature;
        String text = detail > 0
                ? DocText.full(doc.get().raw())
                : DocText.firstSentence(doc.get().raw());
        return text.isEmpty() ? signature : signature + "\n" + text;
    }

    /** A qualified top-level type name: lower-case package segments, then the type's simple name. */
    private static final java.util.regex.Pattern QUALIFIED =
            java.util.regex.Pattern.compile("(?<![\\w$.])((?:[a-z_][\\w$]*\\.)+)([A-Z$][\\w$]*)");

    /**
     * {@code signature} with the type names that {@code imports} (e.g. {@code java.util.*},
     * {@code org.gradnote.nn.Module}) make simple written simply, where JShell's analysis does so for the imports of
     * its own snippets: in methods, constructors and the owner of a field or constant, not in a type's own name nor
     * after a variable's or field's colon. JShell names only each snippet's first import, and the session's default
     * imports are one snippet (docs/performance.md), so the shortening by the others is done here.
     */
    public static String shorten(String signature, List<String> imports) {
        String s = signature.strip();
        if (topLevelParen(s) >= 0) return shortenAll(s, imports);
        int colon = s.indexOf(':');
        if (colon > 0) {
            String left = s.substring(0, colon);
            return left.contains(".") ? shortenAll(left, imports) + s.substring(colon) : s;
        }
        // A type ("org.gradnote.tensor.DType", "java.util.Map.Entry") stays whole; a constant
        // ("org.gradnote.tensor.DType.FLOAT32") is shortened.
        String erased = erase(s);
        String last = erased.substring(erased.lastIndexOf('.') + 1);
        boolean member = !QUALIFIED.matcher(erased).replaceFirst("").isEmpty(); // something after the type's name
        boolean constant = member && last.equals(last.toUpperCase(java.util.Locale.ROOT));
        return constant ? shortenAll(s, imports) : s;
    }

    private static String shortenAll(String text, List<String> imports) {
        java.util.regex.Matcher m = QUALIFIED.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String pkg = m.group(1).substring(0, m.group(1).length() - 1);
            String type = m.group(2);
            boolean simple =
                    pkg.equals("java.lang") || imports.contains(pkg + "." + type) || imports.contains(pkg + ".*");
            m.appendReplacement(b, java.util.regex.Matcher.quoteReplacement(simple ? type : m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    static Optional<Ref> parse(String signature) {
        String s = signature.strip();
        int paren = topLevelParen(s);
        if (paren < 0) {
            int colon = s.indexOf(':');
            if (colon > 0) {
                String left = s.substring(0, colon);
                // "t:org.gradnote.tensor.Tensor" is a variable: show its type's doc.
                if (!left.contains(".")) return Optional.of(new Ref(erase(s.substring(colon + 1)), null, null));
                s = left; // "Math.PI:double"
            }
            s = erase(s);
            int dot = s.lastIndexOf('.');
            if (dot < 0) return Optional.of(new Ref(s, null, null));
            String last = s.substring(dot + 1), before = s.substring(s.lastIndexOf('.', dot - 1) + 1, dot);
            // "org.gradnote.optim.SGD" and "Map.Entry" are types; "Math.PI" and "DType.FLOAT32" are fields.
            boolean inPackage = Character.isLowerCase(before.charAt(0));
            boolean typeLike =
                    Character.isUpperCase(last.charAt(0)) && !last.equals(last.toUpperCase(java.util.Locale.ROOT));
            if (inPackage || typeLike) return Optional.of(new Ref(s, null, null));
            return Optional.of(new Ref(s.substring(0, dot), last, null));
        }
        int close = s.lastIndexOf(')');
        if (close < paren) return Optional.empty();
        List<String> params = new ArrayList<>();
        for (String p : splitTopLevel(s.substring(paren + 1, close))) {
            String t = p.strip();
            if (t.isEmpty()) continue;
            int space = lastTopLevelSpace(t);
            params.add(SourceDocs.erasure(space < 0 ? t : t.substring(0, space)));
        }
        String head = s.substring(0, paren);
        int start = lastTopLevelSpace(head);
        String qualified = erase(head.substring(start + 1));
        int dot = qualified.lastIndexOf('.');
        String last = qualified.substring(dot + 1);
        if (Character.isUpperCase(last.charAt(0))) return Optional.of(new Ref(qualified, last, params)); // constructor
        if (dot < 0) return Optional.empty(); // a method of the snippet itself: no doc comment to find
        return Optional.of(new Ref(qualified.substring(0, dot), last, params));
    }

    /** Removes type arguments: {@code java.util.ArrayList<E>} -> {@code java.util.ArrayList}. */
    private static String erase(String type) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char c : type.toCharArray()) {
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (depth == 0 && !Character.isWhitespace(c)) b.append(c);
        }
        return b.toString();
    }

    private static int topLevelParen(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == '(' && depth == 0) return i;
        }
        return -1;
    }

    private static int lastTopLevelSpace(String s) {
        int depth = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '>') depth++;
            else if (c == '<') depth--;
            else if (c == ' ' && depth == 0) return i;
        }
        return -1;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') depth++;
            else if (c == '>') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }
}
