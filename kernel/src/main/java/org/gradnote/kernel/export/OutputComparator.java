package org.gradnote.kernel.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a replayed step with the outputs its cell stored, by output type: stdout and text results with
 * {@link TextMatcher}; images by size and non-blankness, never bytes; errors by exception type, where a
 * {@code //| raises} directive or a stored error makes the exception expected.
 */
public final class OutputComparator {

    /** Null when they agree, else a report with an expected-vs-actual diff. */
    public String compare(Directives directives, ExpectedOutput expected, StepResult actual) {
        if (actual.timedOut()) return "timed out after " + actual.millis() + " ms";
        List<String> problems = new ArrayList<>();
        TextMatcher text = new TextMatcher(directives.absTolerance(), directives.relTolerance());
        Optional<String> raises = directives.raises().or(() -> Optional.ofNullable(expected.errorName()));
        if (raises.isPresent()) {
            if (actual.exception() == null) problems.add("expected " + raises.get() + " to be thrown, nothing was");
            else if (!sameType(raises.get(), actual.exception())) {
                problems.add("expected " + raises.get() + " to be thrown, got " + actual.exception() + ": "
                        + actual.message());
            }
        } else if (actual.exception() != null) {
            problems.add("threw " + actual.exception() + ": " + actual.message());
        }
        if (!text.matches(expected.stdout(), actual.stdout()))
            problems.add(diff("stdout", expected.stdout(), actual.stdout()));
        List<StepResult.Shown> e = expected.displays(), a = actual.displays();
        if (e.size() != a.size()) {
            problems.add(
                    "expected " + e.size() + " shown value(s), got " + a.size() + diff("values", show(e), show(a)));
        } else {
            for (int i = 0; i < e.size(); i++) {
                String p = compare(text, e.get(i), a.get(i));
                if (p != null) problems.add("value " + (i + 1) + ": " + p);
            }
        }
        return problems.isEmpty() ? null : String.join("\n", problems);
    }

    private static String compare(TextMatcher text, StepResult.Shown e, StepResult.Shown a) {
        if (e.isImage() != a.isImage())
            return "expected " + (e.isImage() ? "an image" : "text") + ", got " + (a.isImage() ? "an image" : "text");
        if (!e.isImage()) return text.matches(e.text(), a.text()) ? null : diff("text", e.text(), a.text());
        if (a.blank()) return "the image is blank";
        if (e.width() != a.width() || e.height() != a.height()) {
            return "expected a " + e.width() + "x" + e.height() + " image, got " + a.width() + "x" + a.height();
        }
        return null;
    }

    static boolean sameType(String expected, String actualClassName) {
        String simple = actualClassName.substring(actualClassName.lastIndexOf('.') + 1);
        return expected.equals(actualClassName) || expected.equals(simple);
    }

    private static String show(List<StepResult.Shown> values) {
        StringBuilder b = new StringBuilder();
        for (StepResult.Shown s : values)
            b.append(s.isImage() ? "<image " + s.width() + "x" + s.height() + ">" : s.text())
                    .append('\n');
        return b.toString();
    }

    /** A unified-style line diff of the sanitized texts. */
    static String diff(String what, String expected, String actual) {
        String[] e = TextMatcher.sanitize(expected).split("\n", -1),
                a = TextMatcher.sanitize(actual).split("\n", -1);
        StringBuilder b = new StringBuilder(what + " differs (- expected, + actual):");
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : null, y = i < a.length ? a[i] : null;
            if (x != null && x.equals(y)) b.append("\n  ").append(x);
            else {
                if (x != null) b.append("\n- ").append(x);
                if (y != null) b.append("\n+ ").append(y);
            }
        }
        return b.toString();
    }
}
