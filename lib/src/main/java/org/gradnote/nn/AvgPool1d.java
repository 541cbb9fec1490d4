package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/** 1-D average pooling over [N, C, W], like {@code nn.AvgPool1d} (padded zeros count in the divisor, as there). */
public class AvgPool1d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;

    /**
     * Average pooling over windows of {@code kernelSize} along the last dimension of [N, C, L], stride equal to the
     * window, no padding ({@code nn.AvgPool1d(k)}).
     */
    public AvgPool1d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Average pooling over [N, C, L] with the given window, stride and zero padding on both sides ({@code
     * nn.AvgPool1d(k, stride, padding)}).
     */
    public AvgPool1d(int kernelSize, int stride, int padding) {
        kernel = ConvShapes.positive("AvgPool1d", "kernel_size", new int[] {kernelSize})[0];
        this.stride = ConvShapes.positive("AvgPool1d", "stride", new int[] {stride})[0];
        this.padding = ConvShapes.nonNegative("AvgPool1d", "padding", new int[] {padding})[0];
    }

    @Override
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 3, -1);
        return Functional.avgPool1d(x, kernel, stride, padding, true);
    }

    @Override
    protected String extraRepr() {
        // PyTorch's AvgPool1d stores its arguments as 1-tuples and prints them so.
        return "kernel_size=" + Repr.tuple(kernel) + ", stride=" + Repr.tuple(stride) + ", padding="
                + Repr.tuple(padding);
    }
}
