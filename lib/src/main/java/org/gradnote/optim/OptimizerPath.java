package org.gradnote.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * The points an optimizer visits while it minimises a function of a few variables, to draw on a contour plot
 * (the courses' f(x) = ½(x₁² + a·x₂²) lab). Example:
 * {@code OptimizerPath.trace(OptimizerPath.quadratic(10), new double[] {-4, 1}, p -> new SGD(p, 0.1), 50)}.
 */
public final class OptimizerPath {
    private OptimizerPath() {}

    /** f(x) = ½(x₁² + a·x₂²) on a tensor of shape (2), the ill-conditioned bowl when a is far from 1. */
    public static Function<Tensor, Tensor> quadratic(double a) {
        return x -> x.select(0, 0).square().add(x.select(0, 1).square().mul(a)).mul(0.5);
    }

    /** The same quadratic on plain numbers, for the contour plot's background. */
    public static double quadratic(double a, double x1, double x2) {
        return 0.5 * (x1 * x1 + a * x2 * x2);
    }

    /**
     * Runs {@code steps} steps of the optimizer built by {@code optimizer} on {@code f} from {@code start} and
     * returns the start point followed by the point after each step ({@code steps + 1} points). Float64, so the
     * path is the maths and not rounding noise.
     */
    public static List<double[]> trace(
            Function<Tensor, Tensor> f, double[] start, Function<List<Tensor>, Optimizer> optimizer, int steps) {
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(optimizer, "optimizer");
        if (start == null || start.length == 0) throw new IllegalArgumentException("trace: needs a start point");
        if (steps < 0) throw new IllegalArgumentException("trace: steps must be >= 0, got " + steps);
        Tensor x = Tensor.of(DType.FLOAT64, start.clone()).requiresGrad(true);
        Optimizer opt = optimizer.apply(List.of(x));
        List<double[]> path = new ArrayList<>(steps + 1);
        path.add(x.toDoubleArray());
        for (int k = 0; k < steps; k++) {
            opt.zeroGrad();
            Tensor y = f.apply(x);
            if (y.numel() != 1)
                throw new IllegalArgumentException(
                        "trace: f must return a scalar, got shape " + java.util.Arrays.toString(y.shape()));
            y.backward();
            opt.step();
            double[] p = x.toDoubleArray();
            // A diverging run (lr too large) is a result worth drawing up to where it leaves the plot, not an error.
            for (double v : p) if (!Double.isFinite(v)) return path;
            path.add(p);
        }
        return path;
    }
}
