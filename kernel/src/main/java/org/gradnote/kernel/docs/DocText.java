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
            String tag =
                    raw.substring(starts.get(i)[0], starts.get(i)[1]).strip().substring(1);
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

    private static final Pattern PRE = Pattern.compile("(?is)<pre>(.*?)</pre>");

    /**
     * Inline tags to their text, HTML paragraphs and list items to line breaks, other markup and entities dropped;
     * lines re-flowed into paragraphs, except in {@code <pre>} blocks (code examples), which keep their lines.
     */
    static String plain(String raw) {
        StringBuilder out = new StringBuilder();
        Matcher pre = PRE.matcher(raw);
        int from = 0;
        while (pre.find()) {
            append(out, flow(raw.substring(from, pre.start())));
            append(out, code(pre.group(1)));
            from = pre.end();
        }
        append(out, flow(raw.substring(from)));
        return out.toString();
    }

    private static void append(StringBuilder out, String paragraph) {
        if (paragraph.isEmpty()) return;
        if (out.length() > 0) out.append("\n\n");
        out.append(paragraph);
    }

    private static String flow(String raw) {
        String s = entities(tags(inlineTags(raw)
                .replaceAll("(?i)\\s*<p>\\s*", "\n\n")
                .replaceAll("(?i)\\s*<li>\\s*", "\n- ")
                .replaceAll("(?i)<br\\s*/?>", "\n")));
        StringBuilder out = new StringBuilder();
        for (String para : s.strip().split("\n\\s*\n")) {
            StringBuilder p = new StringBuilder();
            for (String line : para.split("\n")) {
                String l = line.strip();
                if (l.isEmpty()) continue;
                if (p.length() > 0) p.append(l.startsWith("- ") ? "\n" : " ");
                p.append(l);
            }
            append(out, p.toString());
        }
        return out.toString();
    }

    /** A {@code <pre>} block's lines as written, indented by four spaces, common indentation removed. */
    private static String code(String raw) {
        String t = raw.strip();
        // <pre>{@code ...}</pre>: the braces inside may nest deeper than the inline-tag pattern follows.
        String s = t.startsWith("{@code") && t.endsWith("}")
                ? raw.substring(raw.indexOf("{@code") + 6, raw.lastIndexOf('}'))
                : entities(tags(inlineTags(raw)));
        List<String> lines = new ArrayList<>(List.of(s.split("\n")));
        while (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        int common = Integer.MAX_VALUE;
        for (String l : lines)
            if (!l.isBlank())
                common = Math.min(common, l.length() - l.stripLeading().length());
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (b.length() > 0) b.append('\n');
            b.append("    ").append(l.isBlank() ? "" : l.substring(common).stripTrailing());
        }
        return b.toString();
    }

    private static String inlineTags(String raw) {
        String s = raw;
        for (int pass = 0; pass < 3; pass++) { // nested inline tags ({@link ... {@code x}}) resolve inside out
            Matcher m = INLINE.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(inline(m.group(1), m.group(2))));
            m.appendTail(b);
            s = b.toString();
        }
        return s;
    }

    /** HTML markup javadoc uses; {@code List<Double>} from a code tag is not markup and stays. */
    private static final Pattern HTML = Pattern.compile(
            "(?i)</?(a|b|i|em|strong|code|tt|var|sup|sub|ul|ol|li|dl|dt|dd|p|br|div|span|table|tr|td|th|thead|tbody"
                    + "|caption|blockquote|h[1-6]|hr|small|big|u|s|cite|pre)(\\s[^>]*)?/?>");

    private static String tags(String s) {
        return HTML.matcher(s).replaceAll("");
    }

    private static String entities(String s) {
        return s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&nbsp;", " ")
                .replace("&#064;", "@")
                .replace("&quot;", "\"")
                .replace("&amp;", "&");
    }

    private static String inline(String tag, String body) {
        String b = body.strip();
        return switch (tag) {
            case "code", "literal", "value" -> b;
            case "link", "linkplain" -> {
                // "{@link Tensor#sum(int, boolean) sum}" shows its label; without one, the reference as Java.
                int paren = b.indexOf('('), space = b.indexOf(' ');
                int end = paren >= 0 && (space < 0 || paren < space) && b.indexOf(')') > paren
                        ? b.indexOf(')') + 1
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
