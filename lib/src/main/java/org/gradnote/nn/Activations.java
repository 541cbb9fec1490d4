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

    /** The hyperbolic tangent as a module, like {@code nn.Tanh()}. */
    public static Module tanh() {
        return new Function("Tanh", "", Tensor::tanh);
    }
    /** The rectifier max(x, 0) as a module, like {@code nn.ReLU()}. */
    public static Module relu() {
        return new Function("ReLU", "", Tensor::relu);
    }
    /** The logistic function 1 / (1 + e^-x) as a module, like {@code nn.Sigmoid()}. */
    public static Module sigmoid() {
        return new Function("Sigmoid", "", Tensor::sigmoid);
    }
    /** A module returning its input unchanged, like {@code nn.Identity()}. */
    public static Module identity() {
        return new Function("Identity", "", x -> x);
    }
    /** log(1 + e^x) as a module, like {@code nn.Softplus()}. */
    public static Module softplus() {
        return new Function("Softplus", "", Tensor::softplus);
    }

    /**
     * The leaky rectifier as a module: x where x > 0, else {@code negativeSlope * x}, like {@code
     * nn.LeakyReLU(negative_slope)}.
     */
    public static Module leakyRelu(double negativeSlope) {
        return new Function("LeakyReLU", "negative_slope=" + negativeSlope, x -> x.leakyRelu(negativeSlope));
    }

    /** Softmax along {@code dim} as a module, like {@code nn.Softmax(dim)}. */
    public static Module softmax(int dim) {
        return new Function("Softmax", "dim=" + dim, x -> x.softmax(dim));
    }
    /** Log-softmax along {@code dim} as a module, like {@code nn.LogSoftmax(dim)}. */
    public static Module logSoftmax(int dim) {
        return new Function("LogSoftmax", "dim=" + dim, x -> x.logSoftmax(dim));
    }

    /** Flattens all dimensions after the first (batch) one. */
    public static Module flatten() {
        return new Function("Flatten", "start_dim=1, end_dim=-1", x -> x.flatten(1));
    }
}
