package org.gradnote.tensor;

/**
 * Prints tensors the way PyTorch does ({@code tensor([[1., 2.], ...])}, summarised past 1000 elements with the first
 * and last three items of each dimension), followed by the shape, the dtype and the autograd state. One number style
 * per tensor (integers as {@code 1.}, four decimals, or scientific when the range is wide), shared by the text form
 * and by {@link #elements} (the notebook's HTML table), so both show the same digits, aligned the same way.
 */
public final class TensorFormat {
    static final int THRESHOLD = 1000;
    static final int EDGE = 3;

    private TensorFormat() {}

    /**
     * The elements at the given row-major flat indices of {@code t}, each written exactly as {@code t.toString()}
     * writes it (the tensor's shared style, without the padding; right-align them to line them up).
     */
    public static String[] elements(Tensor t, int[] flatIndices) {
        double[] v = values(t);
        Style style = Style.of(t.dtype(), v);
        String[] out = new String[flatIndices.length];
        for (int i = 0; i < flatIndices.length; i++) out[i] = style.raw(v[flatIndices[i]]);
        return out;
    }

    private static double[] values(Tensor t) {
        // Bools as 0/1 (toDoubleArray reads float tensors only).
        return t.dtype() == DType.BOOL ? OpsSupport.values(t) : t.toDoubleArray();
    }

    static String format(Tensor t) {
        long[] shape = t.shape();
        double[] v = values(t);
        boolean summarize = v.length > THRESHOLD;
        Style style = Style.of(t.dtype(), v);
        StringBuilder b = new StringBuilder("tensor(");
        if (shape.length == 0) b.append(style.fmt(v[0]).trim());
        else block(b, v, shape, 0, 0, style, summarize, "tensor(".length());
        b.append(", shape=").append(tuple(shape)).append(", dtype=").append(t.dtype());
        if (t.gradFn() != null)
            b.append(", grad_fn=<").append(backwardName(t.gradFn())).append(">");
        else if (t.requiresGrad()) b.append(", requires_grad=True");
        return b.append(')').toString();
    }

    /** PyTorch's style of naming the node: mul → MulBackward0. */
    static String backwardName(String op) {
        return Character.toUpperCase(op.charAt(0)) + op.substring(1) + "Backward0";
    }

    static String tuple(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
        if (shape.length == 1) b.append(',');
        return b.append(')').toString();
    }

    private static void block(
            StringBuilder b, double[] v, long[] shape, int dim, long offset, Style s, boolean summarize, int indent) {
        long n = shape[dim];
        long stride = 1;
        for (int k = dim + 1; k < shape.length; k++) stride *= shape[k];
        b.append('[');
        boolean cut = summarize && n > 2 * EDGE;
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                i = n - EDGE;
                b.append(dim == shape.length - 1 ? "..., " : "...,\n" + " ".repeat(indent + dim + 1));
            }
            if (dim == shape.length - 1) b.append(s.fmt(v[(int) (offset + i)]));
            else block(b, v, shape, dim + 1, offset + i * stride, s, summarize, indent);
            if (i < n - 1) {
                b.append(',');
                if (dim == shape.length - 1) b.append(' ');
                else b.append("\n".repeat(shape.length - dim - 1)).append(" ".repeat(indent + dim + 1));
            }
        }
        b.append(']');
    }

    /** PyTorch's number style: integers as "1.", fixed 4 decimals, or scientific when the range is wide. */
    private record Style(DType type, boolean integral, boolean sci, int width) {
        static Style of(DType type, double[] v) {
            if (type == DType.BOOL) return new Style(type, true, false, 5);
            if (!type.isFloatingPoint()) {
                int w = 1;
                for (double x : v) w = Math.max(w, Long.toString((long) x).length());
                return new Style(type, true, false, w);
            }
            boolean integral = true;
            double maxAbs = 0, minAbs = Double.MAX_VALUE;
            for (double x : v) {
                if (!Double.isFinite(x)) continue;
                if (x != Math.rint(x)) integral = false;
                double a = Math.abs(x);
                maxAbs = Math.max(maxAbs, a);
                if (a > 0) minAbs = Math.min(minAbs, a);
            }
            boolean sci = maxAbs > 0 && (maxAbs / minAbs > 1000 || maxAbs > 1e8 || minAbs < 1e-4);
            Style probe = new Style(type, integral, sci, 0);
            int w = 1;
            for (double x : v) w = Math.max(w, probe.raw(x).length());
            return new Style(type, integral, sci, w);
        }

        String raw(double x) {
            if (type == DType.BOOL) return x != 0 ? "True" : "False";
            if (Double.isNaN(x)) return "nan";
            if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
            if (!type.isFloatingPoint()) return Long.toString((long) x);
            if (sci)
                return String.format(java.util.Locale.ROOT, "%.4e", x)
                        .replace("e+0", "e+0")
                        .replaceAll("e([+-])(\\d)$", "e$10$2");
            if (integral) return String.format(java.util.Locale.ROOT, "%.0f.", x);
            return String.format(java.util.Locale.ROOT, "%.4f", x);
        }

        String fmt(double x) {
            String r = raw(x);
            return " ".repeat(Math.max(0, width - r.length())) + r;
        }
    }
}
