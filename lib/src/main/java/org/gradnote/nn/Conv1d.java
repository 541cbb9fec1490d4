package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/**
 * A 1-D convolution layer over [N, C, W], like {@code nn.Conv1d}: weight [out, in, k] (PyTorch's layout), optional
 * bias [out], stride, padding (or "same"/"valid") and dilation, with PyTorch's default initialisation.
 */
public class Conv1d extends Module {
    private final long inChannels;
    private final long outChannels;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;
    private final String paddingMode;
    private final boolean hasBias;

    /** Stride 1, no padding, with bias: the course's {@code nn.Conv1d(1, nhid, 3)}. */
    public Conv1d(long inChannels, long outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, true);
    }

    public Conv1d(long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation, boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, bias);
    }

    /** padding "same" (stride 1, output as long as the input) or "valid" (none). */
    public Conv1d(long inChannels, long outChannels, int kernelSize, int stride, String padding, int dilation, boolean bias) {
        this(inChannels, outChannels, kernelSize, stride, 0, padding, dilation, bias);
    }

    private Conv1d(long in, long out, int k, int s, int p, String mode, int d, boolean bias) {
        if (in <= 0 || out <= 0) throw new IllegalArgumentException("Conv1d: channel counts must be positive, got in=" + in + " out=" + out);
        if (mode != null && !mode.equals("same") && !mode.equals("valid")) {
            throw new IllegalArgumentException("Conv1d: padding must be \"same\" or \"valid\", got \"" + mode + "\"");
        }
        if ("same".equals(mode) && s != 1) throw new IllegalArgumentException("Conv1d: padding='same' is not supported for strided convolutions");
        inChannels = in;
        outChannels = out;
        kernel = ConvShapes.positive("Conv1d", "kernel_size", new int[] {k})[0];
        stride = ConvShapes.positive("Conv1d", "stride", new int[] {s})[0];
        padding = ConvShapes.nonNegative("Conv1d", "padding", new int[] {p})[0];
        dilation = ConvShapes.positive("Conv1d", "dilation", new int[] {d})[0];
        paddingMode = mode;
        hasBias = bias;
        // PyTorch's reset_parameters: kaiming_uniform(a=sqrt(5)) is U(±1/sqrt(fan_in)), and the bias uses the same bound.
        double bound = 1 / Math.sqrt((double) in * k);
        registerParameter("weight", Init.uniform(Tensor.zeros(out, in, k), -bound, bound));
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
        ConvShapes.check(this, x, 3, inChannels);
        if (paddingMode != null) return Functional.conv1d(x, weight(), bias(), stride, paddingMode, dilation);
        return Functional.conv1d(x, weight(), bias(), stride, padding, dilation);
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernel)
                + ", stride=" + Repr.tuple(stride));
        if (paddingMode != null) s.append(", padding=").append(paddingMode);
        else if (padding != 0) s.append(", padding=").append(Repr.tuple(padding));
        if (dilation != 1) s.append(", dilation=").append(Repr.tuple(dilation));
        if (!hasBias) s.append(", bias=False");
        return s.toString();
    }
}
