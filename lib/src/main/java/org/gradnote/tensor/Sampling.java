package org.gradnote.tensor;

import java.util.Arrays;
import org.gradnote.Gradnote;

/**
 * Random draws as PyTorch names them ({@code torch.bernoulli}, {@code torch.multinomial}, {@code torch.normal},
 * {@code Normal.rsample}, {@code torch.randint}, {@code torch.rand_like}, {@code torch.randn_like}), all from
 * gradnote's seeded generator, so {@link Gradnote#seed} makes a run repeatable.
 *
 * <p>Only {@link #rsample} carries a gradient: it is composed of tensor ops ({@code mean + std * eps}), so autograd
 * sends the gradient to the mean and the standard deviation, which is the reparameterisation trick. The other draws
 * are not differentiable and come out cut from the graph.
 */
public final class Sampling {
    private Sampling() {}

    /**
     * Zeros and ones, each one with the probability at its place in {@code p}, in p's shape and floating dtype, like
     * {@code torch.bernoulli(p)}; no gradient flows through a draw (PyTorch records a zero one, gradnote cuts it).
     */
    public static Tensor bernoulli(Tensor p) {
        requireFloat("bernoulli", "probabilities", p);
        double[] v = p.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] <= 1))
                throw new IllegalArgumentException("bernoulli: probabilities must be in [0, 1], got " + v[i]
                        + " at flat index " + i + " of a tensor of shape " + Shapes.str(p.shape()));
        }
        double[] u = new double[v.length];
        Gradnote.fillUniform(u, 0, 1);
        for (int i = 0; i < v.length; i++) v[i] = u[i] < v[i] ? 1 : 0;
        return Tensor.fromArray(p.dtype(), v, p.shape());
    }

    /** Zeros and ones of the given shape, each one with probability {@code p} ({@code torch.bernoulli(full(p))}). */
    public static Tensor bernoulli(double p, long... shape) {
        if (!(p >= 0 && p <= 1))
            throw new IllegalArgumentException("bernoulli: probability must be in [0, 1], got " + p);
        return bernoulli(Tensor.full(p, shape));
    }

    /**
     * Category indices drawn in proportion to non-negative weights, like {@code torch.multinomial(weights, n,
     * replacement)}: weights [k] give int64 [n], weights [rows, k] give [rows, n], one distribution per row. The
     * weights need not sum to one. Without replacement a category is drawn at most once, so n cannot exceed the
     * number of categories with a positive weight.
     */
    public static Tensor multinomial(Tensor weights, int numSamples, boolean replacement) {
        String op = "multinomial";
        requireFloat(op, "weights", weights);
        long[] shape = weights.shape();
        if (shape.length != 1 && shape.length != 2)
            throw new ShapeException(op + ": weights must be 1-D [k] or 2-D [rows, k], got shape " + Shapes.str(shape));
        if (numSamples < 1) throw new IllegalArgumentException(op + ": numSamples must be positive, got " + numSamples);
        int k = (int) shape[shape.length - 1];
        int rows = shape.length == 1 ? 1 : (int) shape[0];
        if (k == 0) throw new ShapeException(op + ": weights have no category (shape " + Shapes.str(shape) + ")");
        if (!replacement && numSamples > k)
            throw new IllegalArgumentException(
                    op + ": cannot draw " + numSamples + " samples without replacement from " + k + " categories");
        double[] w = weights.toDoubleArray();
        double[] out = new double[rows * numSamples];
        double[] u = new double[numSamples];
        for (int r = 0; r < rows; r++) {
            double[] row = Arrays.copyOfRange(w, r * k, (r + 1) * k);
            checkWeights(op, row, r, shape.length, replacement, numSamples);
            Gradnote.fillUniform(u, 0, 1);
            for (int s = 0; s < numSamples; s++) {
                int c = draw(row, u[s]);
                out[r * numSamples + s] = c;
                if (!replacement) row[c] = 0;
            }
        }
        long[] outShape = shape.length == 1 ? new long[] {numSamples} : new long[] {rows, numSamples};
        return Tensor.fromArray(DType.INT64, out, outShape);
    }

    /** {@link #multinomial(Tensor, int, boolean)} without replacement, PyTorch's default. */
    public static Tensor multinomial(Tensor weights, int numSamples) {
        return multinomial(weights, numSamples, false);
    }

    /**
     * Normal draws with the given means and standard deviations (broadcast together), in the mean's dtype, like {@code
     * torch.normal(mean, std)}: no gradient (PyTorch records one that is zero everywhere; gradnote cuts the draw from
     * the graph, as {@code Normal(mean, std).sample()} does). {@link #rsample} is the differentiable one.
     */
    public static Tensor normal(Tensor mean, Tensor std) {
        checkNormal("normal", mean, std);
        try (var g = Tensor.noGrad()) {
            return reparameterised(mean, std).to(mean.dtype()).detach();
        }
    }

    /**
     * A reparameterised normal draw {@code mean + std * eps} with {@code eps ~ N(0, 1)}, like {@code Normal(mean,
     * std).rsample()}: the gradient flows to {@code mean} (1) and {@code std} (eps), which is what lets a VAE learn
     * through its sampling step.
     */
    public static Tensor rsample(Tensor mean, Tensor std) {
        checkNormal("rsample", mean, std);
        return reparameterised(mean, std);
    }

    /** Uniform int64 integers in [low, high), like {@code torch.randint(low, high, shape)}. */
    public static Tensor randint(long low, long high, long... shape) {
        if (high <= low)
            throw new IllegalArgumentException(
                    "randint: high must be greater than low, got low " + low + ", high " + high);
        if (high - low > (1L << 53))
            throw new IllegalArgumentException("randint: the range [" + low + ", " + high + ") is wider than 2^53");
        double[] v = new double[Math.toIntExact(Shapes.numel(shape))];
        Gradnote.fillUniform(v, 0, 1);
        double width = high - low;
        for (int i = 0; i < v.length; i++) v[i] = low + Math.min(Math.floor(v[i] * width), width - 1);
        return Tensor.fromArray(DType.INT64, v, shape);
    }

    /** Uniform values in [0, 1) with the shape and floating dtype of {@code t}, like {@code torch.rand_like(t)}. */
    public static Tensor randLike(Tensor t) {
        requireFloat("randLike", "a template", t);
        return Tensor.rand(t.dtype(), t.shape());
    }

    /** Standard normal values with the shape and floating dtype of {@code t}, like {@code torch.randn_like(t)}. */
    public static Tensor randnLike(Tensor t) {
        requireFloat("randnLike", "a template", t);
        return Tensor.randn(t.dtype(), t.shape());
    }

    private static Tensor reparameterised(Tensor mean, Tensor std) {
        long[] shape = Engine.broadcastShape("normal", mean.shape(), std.shape());
        DType type = mean.dtype() == DType.FLOAT64 || std.dtype() == DType.FLOAT64 ? DType.FLOAT64 : mean.dtype();
        return mean.add(std.mul(Tensor.randn(type, shape)));
    }

    private static void checkNormal(String op, Tensor mean, Tensor std) {
        requireFloat(op, "mean", mean);
        requireFloat(op, "std", std);
        Engine.broadcastShape(op, mean.shape(), std.shape());
        double[] s = std.toDoubleArray();
        for (int i = 0; i < s.length; i++) {
            if (!(s[i] >= 0))
                throw new IllegalArgumentException(
                        op + ": standard deviations must be >= 0, got " + s[i] + " at flat index " + i);
        }
    }

    private static void checkWeights(String op, double[] row, int r, int rank, boolean replacement, int n) {
        String where = rank == 2 ? " in row " + r : "";
        int positive = 0;
        for (int c = 0; c < row.length; c++) {
            if (!(row[c] >= 0) || Double.isInfinite(row[c]))
                throw new IllegalArgumentException(
                        op + ": weights must be finite and non-negative, got " + row[c] + " at category " + c + where);
            if (row[c] > 0) positive++;
        }
        if (positive == 0) throw new IllegalArgumentException(op + ": the weights" + where + " sum to zero");
        if (!replacement && n > positive)
            throw new IllegalArgumentException(op + ": cannot draw " + n + " samples without replacement: only "
                    + positive + " categories have a positive weight" + where);
    }

    /** The category whose cumulative share of the total first exceeds u (a uniform in [0, 1)). */
    private static int draw(double[] w, double u) {
        double total = 0;
        for (double x : w) total += x;
        double target = u * total, cumulative = 0;
        int last = 0;
        for (int c = 0; c < w.length; c++) {
            if (w[c] <= 0) continue;
            cumulative += w[c];
            last = c;
            if (target < cumulative) return c;
        }
        return last; // rounding left target at the total: the last positive category
    }

    private static void requireFloat(String op, String what, Tensor t) {
        if (!t.dtype().isFloatingPoint())
            throw new IllegalArgumentException(
                    op + ": expects " + what + " as a floating-point tensor, got " + t.dtype());
    }
}
