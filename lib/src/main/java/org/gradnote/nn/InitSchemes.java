package org.gradnote.nn;

import java.util.Map;
import org.gradnote.tensor.Tensor;

/**
 * Re-initialises every weight matrix and convolution kernel of a model with one scheme (biases to zero), so a lab
 * can compare the naive Gaussian, Xavier/Glorot and Kaiming/He starts on the same architecture.
 */
public final class InitSchemes {
    private InitSchemes() {}

    /** The naive start: every weight from N(0, std²), whatever the layer's width (std = 1 explodes, 0.01 vanishes). */
    public static <M extends Module> M naive(M model, double std) {
        return apply(model, w -> Init.normal(w, 0, std));
    }

    /** Xavier/Glorot normal, Var(W) = 2 / (fan_in + fan_out): keeps the variance for tanh-like (linear near 0) units. */
    public static <M extends Module> M xavier(M model) {
        return apply(model, w -> Init.xavierNormal(w, 1.0));
    }

    /** Kaiming/He normal, Var(W) = 2 / fan_in: the factor 2 makes up for ReLU zeroing half of its inputs. */
    public static <M extends Module> M kaiming(M model) {
        return apply(model, w -> Init.kaimingNormal(w, 0, "fan_in", "relu"));
    }

    /** Applies {@code scheme} to each parameter named "weight" with 2 or more dimensions; zeroes the matching biases. */
    public static <M extends Module> M apply(M model, java.util.function.Consumer<Tensor> scheme) {
        int touched = 0;
        for (Map.Entry<String, Tensor> e : model.namedParameters().entrySet()) {
            String name = e.getKey();
            String leaf = name.substring(name.lastIndexOf('.') + 1);
            // Only layer weights: 1-d "weight"s belong to normalisation layers, whose scale must stay 1.
            if (leaf.equals("weight") && e.getValue().dim() >= 2) {
                scheme.accept(e.getValue());
                touched++;
                String bias = name.substring(0, name.length() - leaf.length()) + "bias";
                Tensor b = model.namedParameters().get(bias);
                if (b != null) Init.constant(b, 0);
            }
        }
        if (touched == 0)
            throw new IllegalArgumentException(
                    "InitSchemes: " + model.getClass().getSimpleName() + " has no weight matrix to initialise");
        return model;
    }
}
