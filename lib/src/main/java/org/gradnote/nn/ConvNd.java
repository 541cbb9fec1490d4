package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.Tensor;

/**
 * What {@link Conv1d} and {@link Conv2d} share, like PyTorch's {@code _ConvNd}: argument checks, the weight
 * [out, in, k...] and bias [out] with PyTorch's default initialisation, and the printed arguments.
 */
abstract class ConvNd extends Module {
    final long inChannels;
    final long outChannels;
    final int[] kernel;
    final int[] stride;
    final int[] padding;
    final int[] dilation;
    final String paddingMode;
    private final boolean hasBias;

    ConvNd(String name, long in, long out, int[] k, int[] s, int[] p, String mode, int[] d, boolean bias) {
        if (in <= 0 || out <= 0)
            throw new IllegalArgumentException(
                    name + ": channel counts must be positive, got in=" + in + " out=" + out);
        if (mode != null && !mode.equals("same") && !mode.equals("valid")) {
            throw new IllegalArgumentException(name + ": padding must be \"same\" or \"valid\", got \"" + mode + "\"");
        }
        if ("same".equals(mode) && Arrays.stream(s).anyMatch(v -> v != 1)) {
            throw new IllegalArgumentException(name + ": padding='same' is not supported for strided convolutions");
        }
        inChannels = in;
        outChannels = out;
        kernel = ConvShapes.positive(name, "kernel_size", k);
        stride = ConvShapes.positive(name, "stride", s);
        padding = ConvShapes.nonNegative(name, "padding", p);
        dilation = ConvShapes.positive(name, "dilation", d);
        paddingMode = mode;
        hasBias = bias;
        // PyTorch's reset_parameters: kaiming_uniform(a=sqrt(5)) is U(±1/sqrt(fan_in)), and the bias uses the same
        // bound.
        long fanIn = in;
        long[] shape = new long[2 + k.length];
        shape[0] = out;
        shape[1] = in;
        for (int i = 0; i < k.length; i++) {
            fanIn *= k[i];
            shape[2 + i] = k[i];
        }
        double bound = 1 / Math.sqrt((double) fanIn);
        registerParameter("weight", Init.uniform(Tensor.zeros(shape), -bound, bound));
        if (bias) registerParameter("bias", Init.uniform(Tensor.zeros(out), -bound, bound));
    }

    public Tensor weight() {
        return local("weight");
    }

    /** The bias, or null for a layer built without one. */
    public Tensor bias() {
        return hasBias ? local("bias") : null;
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernel)
                + ", stride=" + Repr.tuple(stride));
        if (paddingMode != null) s.append(", padding=").append(paddingMode);
        else if (Arrays.stream(padding).anyMatch(v -> v != 0))
            s.append(", padding=").append(Repr.tuple(padding));
        if (Arrays.stream(dilation).anyMatch(v -> v != 1))
            s.append(", dilation=").append(Repr.tuple(dilation));
        if (!hasBias) s.append(", bias=False");
        return s.toString();
    }
}
