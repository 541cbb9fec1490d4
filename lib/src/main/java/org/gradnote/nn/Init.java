package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * Weight initialisation schemes of {@code torch.nn.init}, drawing from gradnote's seeded generator; each fills the
 * tensor in place and returns it.
 */
public final class Init {
    private Init() {}

    /** Fan-in and fan-out of a weight: [out, in] for Linear, [out, in, k...] for convolutions. */
    public static long[] fans(Tensor w) {
        if (w.dim() < 2)
            throw new IllegalArgumentException(
                    "fan in/out cannot be computed for a tensor with fewer than 2 dimensions, got shape "
                            + java.util.Arrays.toString(w.shape()));
        long receptive = 1;
        for (int i = 2; i < w.dim(); i++) receptive *= w.size(i);
        return new long[] {w.size(1) * receptive, w.size(0) * receptive};
    }

    /** The recommended gain for a nonlinearity, as {@code torch.nn.init.calculate_gain}. */
    public static double calculateGain(String nonlinearity, double param) {
        switch (nonlinearity) {
            case "linear":
            case "identity":
            case "sigmoid":
            case "conv1d":
            case "conv2d":
            case "conv3d":
            case "conv_transpose1d":
            case "conv_transpose2d":
            case "conv_transpose3d":
                return 1.0;
            case "tanh":
                return 5.0 / 3;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu":
                return Math.sqrt(2.0 / (1 + param * param));
            case "selu":
                return 3.0 / 4;
            default:
                throw new IllegalArgumentException("calculateGain: unsupported nonlinearity '" + nonlinearity
                        + "' (linear, conv*, sigmoid, tanh, relu, leaky_relu, selu)");
        }
    }

    /** Gain with PyTorch's default parameter (0.01 for leaky_relu). */
    public static double calculateGain(String nonlinearity) {
        return calculateGain(nonlinearity, 0.01);
    }

    /**
     * Fills {@code t} in place with uniform values in [low, high) without recording a gradient, and returns it ({@code
     * nn.init.uniform_}).
     */
    public static Tensor uniform(Tensor t, double low, double high) {
        return fill(t, Tensor.uniform(t.dtype(), low, high, t.shape()));
    }

    /**
     * Fills {@code t} in place with normal values N(mean, std²) without recording a gradient, and returns it ({@code
     * nn.init.normal_}).
     */
    public static Tensor normal(Tensor t, double mean, double std) {
        return fill(t, Tensor.normal(t.dtype(), mean, std, t.shape()));
    }

    /**
     * Fills {@code t} in place with {@code value} without recording a gradient, and returns it ({@code
     * nn.init.constant_}).
     */
    public static Tensor constant(Tensor t, double value) {
        try (var g = Tensor.noGrad()) {
            return t.fill_(value);
        }
    }

    /** Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fan_in + fan_out)). */
    public static Tensor xavierUniform(Tensor t, double gain) {
        long[] f = fans(t);
        double a = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform(t, -a, a);
    }

    /** Glorot normal: N(0, std²) with std = gain * sqrt(2 / (fan_in + fan_out)). */
    public static Tensor xavierNormal(Tensor t, double gain) {
        long[] f = fans(t);
        return normal(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])));
    }

    /** He uniform: bound = gain * sqrt(3 / fan), fan by mode ("fan_in" or "fan_out"), gain from the nonlinearity and a. */
    public static Tensor kaimingUniform(Tensor t, double a, String mode, String nonlinearity) {
        double std = calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform(t, -bound, bound);
    }

    /** He normal: N(0, std²) with std = gain / sqrt(fan). */
    public static Tensor kaimingNormal(Tensor t, double a, String mode, String nonlinearity) {
        return normal(t, 0, calculateGain(nonlinearity, a) / Math.sqrt(fan(t, mode)));
    }

    /** PyTorch's defaults: a=0, fan_in, leaky_relu (which then means relu's gain). */
    public static Tensor kaimingUniform(Tensor t) {
        return kaimingUniform(t, 0, "fan_in", "leaky_relu");
    }

    /**
     * He normal initialisation with PyTorch's defaults (a = 0, fan_in, ReLU gain): N(0, 2 / fan_in), in place ({@code
     * nn.init.kaiming_normal_}).
     */
    public static Tensor kaimingNormal(Tensor t) {
        return kaimingNormal(t, 0, "fan_in", "leaky_relu");
    }

    private static long fan(Tensor t, String mode) {
        long[] f = fans(t);
        switch (mode) {
            case "fan_in":
                return f[0];
            case "fan_out":
                return f[1];
            default:
                throw new IllegalArgumentException("kaiming init: mode must be fan_in or fan_out, got '" + mode + "'");
        }
    }

    private static Tensor fill(Tensor t, Tensor values) {
        try (var g = Tensor.noGrad()) {
            return t.copy_(values);
        }
    }
}
