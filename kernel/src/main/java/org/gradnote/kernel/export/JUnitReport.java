package org.gradnote.kernel.export;

import java.util.Locale;

/** Writes a replay as JUnit XML: one test case per cell id, failures carrying the expected-vs-actual diff. */
public final class JUnitReport {
    private JUnitReport() {}

    public static String xml(Replayer.Report report) {
        long skipped = report.cells().stream().filter(CellVerdict::skipped).count();
        double seconds = report.cells().stream().mapToLong(CellVerdict::millis).sum() / 1000.0;
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(
                Locale.ROOT,
                "<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" skipped=\"%d\" time=\"%.3f\">\n",
                esc(report.className()),
                report.cells().size(),
                report.failures(),
                skipped,
                seconds));
        b.append("  <properties><property name=\"notebook\" value=\"")
                .append(esc(report.notebook()))
                .append("\"/></properties>\n");
        for (CellVerdict c : report.cells()) {
            b.append(String.format(
                    Locale.ROOT,
                    "  <testcase classname=\"%s\" name=\"#%s\" time=\"%.3f\"",
                    esc(report.className()),
                    esc(c.cellId()),
                    c.millis() / 1000.0));
            if (c.passed() && !c.skipped() && c.slow() == null) {
                b.append("/>\n");
                continue;
            }
            b.append(">\n");
            if (c.skipped()) b.append("    <skipped message=\"not exported\"/>\n");
            if (!c.passed()) {
                String first = c.failure().lines().findFirst().orElse("");
                b.append("    <failure message=\"")
                        .append(esc(first))
                        .append("\">")
                        .append(esc(c.failure()))
                        .append("</failure>\n");
            }
            if (c.slow() != null)
                b.append("    <system-out>").append(esc(c.slow())).append("</system-out>\n");
            if (!c.passed() && c.stderr() != null && !c.stderr().isBlank()) {
                b.append("    <system-err>").append(esc(c.stderr())).append("</system-err>\n");
            }
            b.append("  </testcase>\n");
        }
        return b.append("</testsuite>\n").toString();
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') b.append('\uFFFD'); // not allowed in XML 1.0
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
