package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/**
 * A 2-D convolution layer over [N, C, H, W], like {@code nn.Conv2d}: weight [out, in, kH, kW], optional bias [out],
 * stride, padding (or "same"/"valid") and dilation, with PyTorch's default initialisation.
 */
public class Conv2d extends ConvNd {
    /** Square kernel, stride 1, no padding, with bias. */
    public Conv2d(long inChannels, long outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0);
    }

    /**
     * A 2-D convolution [N, C_in, H, W] -> [N, C_out, H_out, W_out] with a square kernel, stride and zero padding,
     * dilation 1 and a bias ({@code nn.Conv2d(in, out, k, stride, padding)}).
     */
    public Conv2d(long inChannels, long outChannels, int kernelSize, int stride, int padding) {
        this(inChannels, outChannels, pair(kernelSize), pair(stride), pair(padding), pair(1), true);
    }

    /**
     * A 2-D convolution with (height, width) pairs for kernel, stride, padding and dilation, and an optional bias
     * ({@code nn.Conv2d}'s full signature).
     */
    public Conv2d(
            long inChannels,
            long outChannels,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            int[] dilation,
            boolean bias) {
        super("Conv2d", inChannels, outChannels, kernelSize, stride, padding, null, dilation, bias);
    }

    /** padding "same" (stride 1, output as large as the input) or "valid" (none). */
    public Conv2d(long inChannels, long outChannels, int kernelSize, String padding) {
        this(inChannels, outChannels, pair(kernelSize), pair(1), padding, pair(1), true);
    }

    /**
     * A 2-D convolution with padding "same" (output as large as the input; stride 1) or "valid" (none), and (height,
     * width) pairs for the rest.
     */
    public Conv2d(
            long inChannels,
            long outChannels,
            int[] kernelSize,
            int[] stride,
            String padding,
            int[] dilation,
            boolean bias) {
        super("Conv2d", inChannels, outChannels, kernelSize, stride, pair(0), padding, dilation, bias);
    }

    @Override
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 4, inChannels);
        if (paddingMode != null) return Functional.conv2d(x, weight(), bias(), stride, paddingMode, dilation);
        return Functional.conv2d(x, weight(), bias(), stride, padding, dilation);
    }

    static int[] pair(int v) {
        return new int[] {v, v};
    }
}
