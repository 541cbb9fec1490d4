package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/**
 * A 2-D transposed convolution over [N, C, H, W], like {@code nn.ConvTranspose2d}: weight [in, out, kH, kW],
 * optional bias [out], stride, padding, output padding and dilation, with PyTorch's default initialisation. With
 * kernel 2 and stride 2 it doubles an image's height and width: the learnt up-sampling of a U-Net's decoder.
 */
public class ConvTranspose2d extends Module {
    private final long inChannels;
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] outputPadding;
    private final int[] dilation;
    private final long outChannels;
    private final boolean hasBias;

    /** Square kernel and stride, no padding, with bias ({@code nn.ConvTranspose2d(in, out, k, stride)}). */
    public ConvTranspose2d(long inChannels, long outChannels, int kernelSize, int stride) {
        this(inChannels, outChannels, pair(kernelSize), pair(stride), pair(0), pair(0), pair(1), true);
    }

    /** The full signature with (height, width) pairs ({@code groups} is 1). */
    public ConvTranspose2d(
            long inChannels,
            long outChannels,
            int[] kernelSize,
            int[] stride,
            int[] padding,
            int[] outputPadding,
            int[] dilation,
            boolean bias) {
        String name = "ConvTranspose2d";
        if (inChannels <= 0 || outChannels <= 0)
            throw new IllegalArgumentException(
                    name + ": channel counts must be positive, got in=" + inChannels + " out=" + outChannels);
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.kernel = ConvShapes.positive(name, "kernel_size", kernelSize);
        this.stride = ConvShapes.positive(name, "stride", stride);
        this.padding = ConvShapes.nonNegative(name, "padding", padding);
        this.outputPadding = ConvShapes.nonNegative(name, "output_padding", outputPadding);
        this.dilation = ConvShapes.positive(name, "dilation", dilation);
        for (int i = 0; i < 2; i++) {
            if (outputPadding[i] >= stride[i])
                throw new IllegalArgumentException(name + ": output padding must be smaller than the stride, got "
                        + Repr.tuple(outputPadding) + " and stride " + Repr.tuple(stride));
        }
        this.hasBias = bias;
        // PyTorch's reset_parameters: torch takes the weight's dimension 1 (out) times the kernel as fan_in.
        long fanIn = outChannels * kernelSize[0] * kernelSize[1];
        double bound = 1 / Math.sqrt((double) fanIn);
        registerParameter(
                "weight",
                Init.uniform(Tensor.zeros(inChannels, outChannels, kernelSize[0], kernelSize[1]), -bound, bound));
        if (bias) registerParameter("bias", Init.uniform(Tensor.zeros(outChannels), -bound, bound));
    }

    /** The weight [in, out, kH, kW]. */
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
        return Functional.convTranspose2d(x, weight(), bias(), stride, padding, outputPadding, dilation);
    }

    @Override
    protected String extraRepr() {
        StringBuilder s = new StringBuilder(inChannels + ", " + outChannels + ", kernel_size=" + Repr.tuple(kernel)
                + ", stride=" + Repr.tuple(stride));
        if (Arrays.stream(padding).anyMatch(v -> v != 0)) s.append(", padding=").append(Repr.tuple(padding));
        if (Arrays.stream(dilation).anyMatch(v -> v != 1))
            s.append(", dilation=").append(Repr.tuple(dilation));
        if (Arrays.stream(outputPadding).anyMatch(v -> v != 0))
            s.append(", output_padding=").append(Repr.tuple(outputPadding));
        if (!hasBias) s.append(", bias=False");
        return s.toString();
    }

    private static int[] pair(int v) {
        return new int[] {v, v};
    }
}
