package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/**
 * A 1-D convolution layer over [N, C, W], like {@code nn.Conv1d}: weight [out, in, k] (PyTorch's layout), optional
 * bias [out], stride, padding (or "same"/"valid") and dilation, with PyTorch's default initialisation.
 */
public class Conv1d extends ConvNd {
    /** Stride 1, no padding, with bias: the course's {@code nn.Conv1d(1, nhid, 3)}. */
    public Conv1d(long inChannels, long outChannels, int kernelSize) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, true);
    }

    /**
     * A 1-D convolution [N, C_in, L] -> [N, C_out, L_out] with the given kernel size, stride, zero padding, dilation
     * and optional bias ({@code nn.Conv1d}).
     */
    public Conv1d(
            long inChannels, long outChannels, int kernelSize, int stride, int padding, int dilation, boolean bias) {
        super(
                "Conv1d",
                inChannels,
                outChannels,
                new int[] {kernelSize},
                new int[] {stride},
                new int[] {padding},
                null,
                new int[] {dilation},
                bias);
    }

    /** padding "same" (stride 1, output as long as the input) or "valid" (none). */
    public Conv1d(
            long inChannels, long outChannels, int kernelSize, int stride, String padding, int dilation, boolean bias) {
        super(
                "Conv1d",
                inChannels,
                outChannels,
                new int[] {kernelSize},
                new int[] {stride},
                new int[] {0},
                padding,
                new int[] {dilation},
                bias);
    }

    @Override
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 3, inChannels);
        if (paddingMode != null) return Functional.conv1d(x, weight(), bias(), stride[0], paddingMode, dilation[0]);
        return Functional.conv1d(x, weight(), bias(), stride[0], padding[0], dilation[0]);
    }
}
