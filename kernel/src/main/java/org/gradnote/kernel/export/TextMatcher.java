package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares text the way replay must: after regex sanitizers (timings, addresses) and with a numeric tolerance,
 * which nbval lacks: the non-numeric text must be equal, and each number pair within {@code abs + rel * |expected|}.
 */
public final class TextMatcher {
    public static final double DEFAULT_ABS = 1e-8, DEFAULT_REL = 1e-5;
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final List<String[]> SANITIZERS = List.of(
            new String[] {"\\d+(\\.\\d+)?\\s?(ns|µs|us|ms|s|sec|seconds|min)\\b", "<TIME>"},
            new String[] {"@[0-9a-f]{5,}\\b", "@<ADDR>"},
            new String[] {"\\b0x[0-9a-fA-F]+\\b", "<ADDR>"},
            new String[] {"[ \\t]+\\n", "\n"});

    private final double abs, rel;

    public TextMatcher(double abs, double rel) {
        this.abs = Double.isNaN(abs) ? DEFAULT_ABS : abs;
        this.rel = Double.isNaN(rel) ? DEFAULT_REL : rel;
    }

    public static String sanitize(String text) {
        String s = text.replace("\r\n", "\n");
        for (String[] rule : SANITIZERS) s = s.replaceAll(rule[0], rule[1]);
        return s.strip();
    }

    public boolean matches(String expected, String actual) {
        String e = sanitize(expected), a = sanitize(actual);
        if (e.equals(a)) return true;
        List<String> et = tokens(e), at = tokens(a);
        if (et.size() != at.size()) return false;
        for (int i = 0; i < et.size(); i++) {
            String x = et.get(i), y = at.get(i);
            boolean number = i % 2 == 1;
            if (!number && !x.equals(y)) return false;
            if (number && !close(Double.parseDouble(x), Double.parseDouble(y))) return false;
        }
        return true;
    }

    boolean close(double expected, double actual) {
        return Math.abs(expected - actual) <= abs + rel * Math.abs(expected);
    }

    /** Alternating text and number tokens, starting and ending with text (possibly empty). */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        int last = 0;
        while (m.find()) {
            out.add(s.substring(last, m.start()));
            out.add(m.group());
            last = m.end();
        }
        out.add(s.substring(last));
        return out;
    }
}
