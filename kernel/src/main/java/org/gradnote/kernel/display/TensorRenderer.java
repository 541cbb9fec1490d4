package org.gradnote.kernel.display;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.TensorFormat;

/**
 * Shows a {@link Tensor}: text is its {@code toString()}; HTML is a header (shape, dtype, autograd state) and, for
 * one and two dimensions, a table summarised like PyTorch past 1000 elements (first and last three per dimension).
 * The table's numbers are the text form's, from the same formatter ({@link TensorFormat#elements}): same digits,
 * right-aligned in a monospace font so their decimal points line up.
 */
public final class TensorRenderer implements Renderer {
    static final int THRESHOLD = 1000, EDGE = 3;

    @Override
    public Optional<MimeBundle> render(Object value) {
        if (!(value instanceof Tensor t)) return Optional.empty();
        return Optional.of(MimeBundle.text(t.toString()).with("text/html", html(t)));
    }

    static String html(Tensor t) {
        StringBuilder b = new StringBuilder("<div class=\"gradnote-tensor\"><div><b>Tensor</b> shape (");
        b.append(Arrays.stream(t.shape()).mapToObj(Long::toString).collect(Collectors.joining(", ")));
        b.append(") &middot; ").append(t.dtype());
        if (t.gradFn() != null) b.append(" &middot; grad_fn=").append(Html.escape(t.gradFn()));
        else if (t.requiresGrad()) b.append(" &middot; requires_grad");
        b.append("</div>");
        if (t.dim() == 1 || t.dim() == 2) table(b, t);
        else b.append("<pre>").append(Html.escape(t.toString())).append("</pre>");
        return b.append("</div>").toString();
    }

    private static void table(StringBuilder b, Tensor t) {
        int rows = t.dim() == 1 ? 1 : (int) t.size(0);
        int cols = (int) t.size(t.dim() - 1);
        boolean summarize = t.numel() > THRESHOLD;
        int[] rowIdx = summarize ? Html.shown(rows, 2 * EDGE) : Html.shown(rows, Integer.MAX_VALUE);
        int[] colIdx = summarize ? Html.shown(cols, 2 * EDGE) : Html.shown(cols, Integer.MAX_VALUE);
        int[] flat = new int[rowIdx.length * colIdx.length];
        for (int i = 0; i < rowIdx.length; i++) {
            for (int j = 0; j < colIdx.length; j++) {
                flat[i * colIdx.length + j] = rowIdx[i] < 0 || colIdx[j] < 0 ? 0 : rowIdx[i] * cols + colIdx[j];
            }
        }
        String[] text = TensorFormat.elements(t, flat);
        b.append("<table style=\"font-family:monospace\">");
        for (int i = 0; i < rowIdx.length; i++) {
            b.append("<tr>");
            for (int j = 0; j < colIdx.length; j++) {
                String cell = rowIdx[i] < 0 || colIdx[j] < 0 ? "&hellip;" : Html.escape(text[i * colIdx.length + j]);
                b.append("<td style=\"text-align:right;font-family:monospace\">")
                        .append(cell)
                        .append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    @Override
    public int priority() {
        return 10;
    }
}
