package org.gradnote.kernel.display;

import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * Shows a Tablesaw {@link Table}: text is Tablesaw's own print, HTML a table of at most 20 rows and 20 columns (first
 * and last ten of each) with a "N rows × M columns" footer, like pandas in Jupyter.
 */
public final class TableRenderer implements Renderer {
    static final int MAX_ROWS = 20, MAX_COLUMNS = 20;

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Table t)) return Optional.empty();
        return Optional.of(MimeBundle.text(t.print(MAX_ROWS)).with("text/html", html(t)));
    }

    static String html(Table t) {
        int[] rows = Html.shown(t.rowCount(), MAX_ROWS);
        int[] cols = Html.shown(t.columnCount(), MAX_COLUMNS);
        StringBuilder b = new StringBuilder("<div class=\"gradnote-table\"><table class=\"dataframe\">");
        if (t.name() != null && !t.name().isBlank())
            b.append("<caption>").append(Html.escape(t.name())).append("</caption>");
        b.append("<thead><tr><th></th>");
        for (int c : cols)
            b.append("<th>")
                    .append(c < 0 ? "&hellip;" : Html.escape(t.column(c).name()))
                    .append("</th>");
        b.append("</tr></thead><tbody>");
        for (int r : rows) {
            b.append("<tr><th>")
                    .append(r < 0 ? "&hellip;" : Integer.toString(r))
                    .append("</th>");
            for (int c : cols) {
                String cell =
                        r < 0 || c < 0 ? "&hellip;" : Html.escape(t.column(c).getString(r));
                b.append("<td>").append(cell).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table><p>")
                .append(String.format(java.util.Locale.ROOT, "%,d", t.rowCount()))
                .append(" rows &times; ")
                .append(t.columnCount())
                .append(" columns</p></div>");
        return b.toString();
    }

    @Override
    public int priority() {
        return 10;
    }
}
