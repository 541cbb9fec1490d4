package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/**
 * A 2-D convolution layer over [N, C, H, W], like {@code nn.Conv2d}: weight [out, in, kH, kW], optional bias [out],
 * stride, padding (or "same"/"valid") and dilation, with PyTorch's default initialisation.
 */
public class Conv2d extends Module {
    private final long inChannels;
    private final long outChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final String paddingMode;
    private final boolean hasBias;

    /** Square kernel, stride 1, no padding, with bias. */
    public Conv2d(long inChannels, long outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, pair(kernelSize), pair(stride), pair(padding), pair(1), true);
    }

    public Conv2d(long inChannels, long outChannels, int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, bias);
    }

    /** padding "same" (stride 1, output as large as the input) or "valid" (none). */
    public Conv2d(long inChannels, long outChannels, int kernelSize, String padding) {
        this(inChannels, outChannels, pair(kernelSize), pair(1), pair(0), padding, pair(1), true);
    }

    public Conv2d(long inChannels, long outChannels, int[] kernelSize, int[] stride, String padding, int[] dilation, boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, pair(0), padding, dilation, bias);
    }

    private Conv2d(long in, long out, int[] k, int[] s, int[] p, String mode, int[] d, boolean bias) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Conv2d: channel counts must be positive, got in=" + in + " out=" + out);
        if (mode != null && !mode.equals("same") && !mode.equals("valid")) {
            throw new IllegalArgumentException("Conv2d: padding must be \"same\" or \"valid\", got \"" + mode + "\"");
        }
        if ("same".equals(mode) && (s[0] != 1 || s[1] != 1)) {
            throw new IllegalArgumentException("Conv2d: padding='same' is not supported for strided convolutions");
        }
        inChannels = in;
        outChannels = out;
        kernel = ConvShapes.positive("Conv2d", "kernel_size", k);
        stride = ConvShapes.positive("Conv2d", "stride", s);
        padding = ConvShapes.nonNegative("Conv2d", "padding", p);
        dilation = ConvShapes.positive("Conv2d", "dilation", d);
        paddingMode = mode;
        hasBias = bias;
        // PyTorch's reset_parameters: kaiming_uniform(a=sqrt(5)) is U(±1/sqrt(fan_in)), and the bias uses the same bound.
        double bound = 1 / Math.sqrt((double) in * k[0] * k[1]);
        registerParameter("weight", Init.uniform(Tensor.zeros(out, in, k[0], k[1]), -bound, bound));
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
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 4, inChannels);
        if (paddingMode != null) return Functional.conv2d(x, weight(), bias(), stride, paddingMode, dilation);
        return Functional.conv2d(x, weight(), bias(), stride, padding, dilation);
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernel)
                + ", stride=" + Repr.tuple(stride));
        if (paddingMode != null) s.append(", padding=").append(paddingMode);
        else if (padding[0] != 0 || padding[1] != 0) s.append(", padding=").append(Repr.tuple(padding));
        if (dilation[0] != 1 || dilation[1] != 1) s.append(", dilation=").append(Repr.tuple(dilation));
        if (!hasBias) s.append(", bias=False");
        return s.toString();
    }

    static int[] pair(int v) {
        return new int[] {v, v};
    }
}
