package org.gradnote.kernel.display;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.gradnote.nn.Module;
import org.gradnote.tensor.Tensor;

/**
 * Shows a {@link Module}: text is its architecture ({@code toString()}, as PyTorch's repr and as an exported notebook
 * prints it, so replay compares like with like), HTML the parameter table plus the architecture.
 */
public final class ModuleRenderer implements Renderer {

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Module m)) return Optional.empty();
        return Optional.of(MimeBundle.text(m.toString()).with("text/html", html(m)));
    }

    /**
     * The toggle of the architecture: Notebook's CSS displays {@code summary} as a plain block, which hides the
     * disclosure triangle and leaves nothing that looks clickable, so it gets its marker back ({@code list-item}), a
     * pointer cursor, a link's colour and words that say what a click does.
     */
    static final String SUMMARY = "<summary style=\"display:list-item;cursor:pointer;color:#1a5fb4;"
            + "text-decoration:underline dotted\" title=\"click to show or hide\">architecture (click to expand)</summary>";

    static String html(Module m) {
        StringBuilder b = new StringBuilder("<div class=\"gradnote-module\"><table><caption><b>")
                .append(Html.escape(m.getClass().getSimpleName()))
                .append("</b></caption>")
                .append(
                        "<thead><tr><th>parameter</th><th>shape</th><th>count</th><th>trainable</th></tr></thead><tbody>");
        long total = 0, trainable = 0;
        for (Map.Entry<String, Tensor> e : m.namedParameters().entrySet()) {
            Tensor p = e.getValue();
            total += p.numel();
            if (p.requiresGrad()) trainable += p.numel();
            b.append("<tr><td>")
                    .append(Html.escape(e.getKey()))
                    .append("</td><td>")
                    .append(Arrays.toString(p.shape()))
                    .append("</td><td style=\"text-align:right\">")
                    .append(String.format(java.util.Locale.ROOT, "%,d", p.numel()))
                    .append("</td><td>")
                    .append(p.requiresGrad() ? "yes" : "no")
                    .append("</td></tr>");
        }
        b.append("</tbody></table><p>total: ")
                .append(String.format(java.util.Locale.ROOT, "%,d", total))
                .append(" parameters (")
                .append(String.format(java.util.Locale.ROOT, "%,d", trainable))
                .append(" trainable)</p>")
                .append("<details>")
                .append(SUMMARY)
                .append("<pre>")
                .append(Html.escape(m))
                .append("</pre></details></div>");
        return b.toString();
    }

    @Override
    public int priority() {
        return 10;
    }
}
