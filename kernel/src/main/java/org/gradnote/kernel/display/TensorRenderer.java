package org.gradnote.kernel.display;

import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shows a {@link Tensor}: text is its {@code toString()}; HTML is a header (shape, dtype, autograd state) and, for
 * one and two dimensions, a table summarised like PyTorch past 1000 elements (first and last three per dimension).
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
        double[] v = t.dtype() == DType.BOOL ? t.to(DType.FLOAT64).toDoubleArray() : t.toDoubleArray();
        int rows = t.dim() == 1 ? 1 : (int) t.size(0);
        int cols = (int) t.size(t.dim() - 1);
        boolean summarize = v.length > THRESHOLD;
        int[] rowIdx = summarize ? Html.shown(rows, 2 * EDGE) : Html.shown(rows, Integer.MAX_VALUE);
        int[] colIdx = summarize ? Html.shown(cols, 2 * EDGE) : Html.shown(cols, Integer.MAX_VALUE);
        b.append("<table style=\"font-family:monospace\">");
        for (int r : rowIdx) {
            b.append("<tr>");
            for (int c : colIdx) {
                String cell = r < 0 || c < 0 ? "&hellip;" : format(v[r * cols + c], t.dtype());
                b.append("<td style=\"text-align:right\">").append(cell).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    static String format(double x, DType type) {
        return switch (type) {
            case BOOL -> x != 0 ? "True" : "False";
            case INT32, INT64 -> Long.toString((long) x);
            default -> String.format(Locale.ROOT, "%.4g", x);
        };
    }

    @Override
    public int priority() {
        return 10;
    }
}
