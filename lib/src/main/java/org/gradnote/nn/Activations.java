package org.gradnote.nn;

import java.util.function.UnaryOperator;
import org.gradnote.tensor.Tensor;

/** Activation functions as modules, for {@link Sequential}: {@code Activations.tanh()}, {@code relu()}, ... */
public final class Activations {
    private Activations() {}

    /** A parameter-free module applying a function, printed under the given PyTorch-style name. */
    public static final class Function extends Module {
        private final String name;
        private final String repr;
        private final UnaryOperator<Tensor> f;

        Function(String name, String repr, UnaryOperator<Tensor> f) {
            this.name = name;
            this.repr = repr;
            this.f = f;
        }

        @Override
        public Tensor forward(Tensor x) {
            return f.apply(x);
        }

        @Override
        protected String extraRepr() {
            return repr;
        }

        @Override
        public String toString() {
            return name + "(" + repr + ")";
        }
    }

    public static Module tanh() { return new Function("Tanh", "", Tensor::tanh); }
    public static Module relu() { return new Function("ReLU", "", Tensor::relu); }
    public static Module sigmoid() { return new Function("Sigmoid", "", Tensor::sigmoid); }
    public static Module identity() { return new Function("Identity", "", x -> x); }
    public static Module softplus() { return new Function("Softplus", "", Tensor::softplus); }

    public static Module leakyRelu(double negativeSlope) {
        return new Function("LeakyReLU", "negative_slope=" + negativeSlope, x -> x.leakyRelu(negativeSlope));
    }

    public static Module softmax(int dim) { return new Function("Softmax", "dim=" + dim, x -> x.softmax(dim)); }
    public static Module logSoftmax(int dim) { return new Function("LogSoftmax", "dim=" + dim, x -> x.logSoftmax(dim)); }

    /** Flattens all dimensions after the first (batch) one. */
    public static Module flatten() { return new Function("Flatten", "start_dim=1, end_dim=-1", x -> x.flatten(1)); }
}
