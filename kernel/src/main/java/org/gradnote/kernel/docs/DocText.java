package org.gradnote.kernel.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A doc comment's raw text turned into the plain text a notebook's tooltip shows: inline tags resolved, HTML dropped. */
public final class DocText {

    private DocText() {}

    private static final Pattern INLINE = Pattern.compile("\\{@(\\w+)\\s*([^{}]*(?:\\{[^{}]*}[^{}]*)*)}");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@(\\w+)\\b");

    /** The main description only (before the first block tag), as plain text. */
    public static String description(String raw) {
        Matcher m = BLOCK_TAG.matcher(raw);
        return plain(m.find() ? raw.substring(0, m.start()) : raw);
    }

    /** The first sentence of the main description: up to the first period followed by white space, as javadoc does. */
    public static String firstSentence(String raw) {
        String d = description(raw).replaceAll("\\s+", " ").strip();
        Matcher m = Pattern.compile("\\.(\\s|$)").matcher(d);
        return m.find() ? d.substring(0, m.start() + 1) : d;
    }

    /** The whole comment: the description, then parameters, return value, exceptions and the other block tags. */
    public static String full(String raw) {
        Matcher m = BLOCK_TAG.matcher(raw);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) starts.add(new int[] {m.start(), m.end()});
        StringBuilder b = new StringBuilder(plain(starts.isEmpty() ? raw : raw.substring(0, starts.get(0)[0])));
        String lastHeading = null;
        for (int i = 0; i < starts.size(); i++) {
            String tag = raw.substring(starts.get(i)[0], starts.get(i)[1]).strip().substring(1);
            String body = raw.substring(starts.get(i)[1], i + 1 < starts.size() ? starts.get(i + 1)[0] : raw.length());
            body = plain(body).replaceAll("\\s+", " ").strip();
            String heading = switch (tag) {
                case "param" -> "Parameters:";
                case "return" -> "Returns:";
                case "throws", "exception" -> "Throws:";
                case "see" -> "See also:";
                case "since" -> "Since:";
                case "deprecated" -> "Deprecated:";
                default -> null;
            };
            if (heading == null) continue; // @author, @implNote, @apiNote ... are not what a tooltip needs
            if (!heading.equals(lastHeading)) b.append("\n\n").append(heading);
            lastHeading = heading;
            if (tag.equals("param") || tag.equals("throws") || tag.equals("exception")) {
                int space = body.indexOf(' ');
                body = space < 0 ? body : body.substring(0, space) + " - " + body.substring(space + 1);
            }
            b.append("\n  ").append(body);
        }
        return b.toString().strip();
    }

    /** Inline tags to their text, HTML paragraphs and list items to line breaks, other markup and entities dropped. */
    static String plain(String raw) {
        String s = raw;
        for (int pass = 0; pass < 3; pass++) { // nested inline tags ({@link ... {@code x}}) resolve inside out
            Matcher m = INLINE.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(inline(m.group(1), m.group(2))));
            m.appendTail(b);
            s = b.toString();
        }
        s = s.replaceAll("(?i)<pre>\\s*", "\n").replaceAll("(?i)\\s*</pre>", "\n");
        s = s.replaceAll("(?i)\\s*<p>\\s*", "\n\n").replaceAll("(?i)\\s*<li>\\s*", "\n- ").replaceAll("(?i)<br\\s*/?>", "\n");
        s = s.replaceAll("<[^>]+>", "");
        s = s.replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&#064;", "@")
                .replace("&quot;", "\"").replace("&amp;", "&");
        // Re-flow: single line breaks inside a paragraph become spaces; blank lines and list items stay.
        StringBuilder out = new StringBuilder();
        for (String para : s.strip().split("\n\\s*\n")) {
            if (out.length() > 0) out.append("\n\n");
            String[] lines = para.split("\n");
            StringBuilder p = new StringBuilder();
            for (String line : lines) {
                String l = line.strip();
                if (l.isEmpty()) continue;
                if (p.length() > 0) p.append(l.startsWith("- ") ? "\n" : " ");
                p.append(l);
            }
            out.append(p);
        }
        return out.toString();
    }

    private static String inline(String tag, String body) {
        String b = body.strip();
        return switch (tag) {
            case "code", "literal", "value" -> b;
            case "link", "linkplain" -> {
                // "{@link Tensor#sum(int, boolean) sum}" shows its label; without one, the reference as Java.
                int paren = b.indexOf('('), space = b.indexOf(' ');
                int end = paren >= 0 && (space < 0 || paren < space) && b.indexOf(')') > paren ? b.indexOf(')') + 1
                        : space < 0 ? b.length() : space;
                String label = b.substring(end).strip();
                if (!label.isEmpty()) yield label;
                String ref = b.substring(0, end);
                yield ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.');
            }
            case "inheritDoc", "docRoot" -> "";
            default -> b;
        };
    }
}
