package org.gradnote.tensor;

import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares autograd's gradients with central finite differences, like {@code torch.autograd.gradcheck}.
 *
 * <p>Inputs must be float64: in float32 the differences drown in rounding. A non-scalar output is reduced with
 * fixed pseudo-random weights, so every output element's gradient is checked, not only their sum.
 */
public final class GradCheck {
    private GradCheck() {}

    /** Checks f at the given inputs; throws an {@link AssertionError} naming the input and element that disagree. */
    public static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(name, f, 1e-6, 1e-5, 1e-4, inputs);
    }

    /**
     * Compares the gradients autograd computes for {@code f} with central finite differences of step {@code eps}, for
     * every float64 input requiring grad; throws naming the input and element when they differ beyond atol +
     * rtol·|expected| ({@code torch.autograd.gradcheck}).
     */
    public static void check(
            String name, Function<Tensor[], Tensor> f, double eps, double atol, double rtol, Tensor... inputs) {
        for (Tensor in : inputs) {
            if (in.requiresGrad() && in.dtype() != DType.FLOAT64) {
                throw new IllegalArgumentException(
                        "gradcheck '" + name + "': inputs must be float64, got " + in.dtype());
            }
        }
        Tensor out = f.apply(inputs);
        Tensor weights = weightsLike(out);
        for (Tensor in : inputs) in.zeroGrad();
        out.mul(weights).sum().backward();
        for (int k = 0; k < inputs.length; k++) {
            Tensor in = inputs[k];
            if (!in.requiresGrad()) continue;
            INDArray x = in.data();
            double[] analytic =
                    in.grad() == null ? new double[(int) in.numel()] : in.grad().toDoubleArray();
            for (int i = 0; i < x.length(); i++) {
                double orig = x.getDouble(i);
                double plus, minus;
                try (GradMode g = Tensor.noGrad()) {
                    x.putScalar(i, orig + eps);
                    plus = f.apply(inputs).mul(weights).sum().item();
                    x.putScalar(i, orig - eps);
                    minus = f.apply(inputs).mul(weights).sum().item();
                    x.putScalar(i, orig);
                }
                double numeric = (plus - minus) / (2 * eps);
                if (!(Math.abs(numeric - analytic[i]) <= atol + rtol * Math.abs(numeric))) {
                    throw new AssertionError(
                            "gradcheck '" + name + "': input " + k + " (shape " + Shapes.str(in.shape()) + ") element "
                                    + i + ": autograd " + analytic[i] + " vs finite difference " + numeric);
                }
            }
        }
    }

    private static Tensor weightsLike(Tensor out) {
        double[] w = new double[(int) out.numel()];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 + ((i * 7919) % 13) / 13.0;
        INDArray a = Factory.create(w, out.shape()).castTo(DataType.DOUBLE);
        return Tensor.wrap(Engine.cast(a, out.data().dataType()));
    }
}
