package org.gradnote.nn;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.tensor.Tensor;

/**
 * Runs a {@link Sequential} one child at a time and records what comes out of each (mean, standard deviation,
 * fraction of exact zeros, the values themselves), the "activation statistics per layer" that show whether a
 * signal shrinks, explodes or dies as it goes deeper.
 */
public final class ActivationStats {
    private ActivationStats() {}

    /** What one child produced: its index and type, and statistics over all elements of its output. */
    public record Layer(int index, String type, double mean, double std, double zeroFraction, double[] values) {
        @Override
        public String toString() {
            return String.format(
                    "%2d %-12s mean %+.4f  std %.4g  zeros %5.1f%%", index, type, mean, std, 100 * zeroFraction);
        }
    }

    /** One forward pass without gradients through the children of {@code model}, in order. */
    public static List<Layer> of(Sequential model, Tensor x) {
        List<Layer> out = new ArrayList<>();
        try (var g = Tensor.noGrad()) {
            for (int i = 0; i < model.size(); i++) {
                Module m = model.get(i);
                x = m.forward(x);
                out.add(describe(i, typeName(m), x.toDoubleArray()));
            }
        }
        return out;
    }

    /** Only the outputs of children of the given printed type, e.g. "ReLU" or "Linear". */
    public static List<Layer> of(Sequential model, Tensor x, String type) {
        List<Layer> out = new ArrayList<>();
        for (Layer l : of(model, x)) if (l.type().equals(type)) out.add(l);
        return out;
    }

    /** The PyTorch-style name a module prints under: activation modules share one class but not one name. */
    static String typeName(Module m) {
        String s = m.toString();
        int paren = s.indexOf('(');
        return paren < 0 ? s : s.substring(0, paren);
    }

    /** The standard deviations of the layers, in order, for a chart. */
    public static double[] stds(List<Layer> layers) {
        return layers.stream().mapToDouble(Layer::std).toArray();
    }

    /** Statistics of any tensor (e.g. a gradient), reported as layer -1. */
    public static Layer describe(Tensor t) {
        return describe(-1, "tensor", t.toDoubleArray());
    }

    static Layer describe(int index, String type, double[] v) {
        double sum = 0;
        int zeros = 0;
        for (double d : v) {
            sum += d;
            if (d == 0) zeros++;
        }
        double mean = sum / v.length, sq = 0;
        for (double d : v) sq += (d - mean) * (d - mean);
        // Population std: these are descriptive statistics of one batch, not estimates.
        return new Layer(index, type, mean, Math.sqrt(sq / v.length), (double) zeros / v.length, v);
    }
}
