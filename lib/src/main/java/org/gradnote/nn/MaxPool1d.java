package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/** 1-D max pooling over [N, C, W], like {@code nn.MaxPool1d}; the stride defaults to the kernel size. */
public class MaxPool1d extends Module {
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int dilation;

    /**
     * Max pooling over windows of {@code kernelSize} along the last dimension of [N, C, L], stride equal to the window
     * ({@code nn.MaxPool1d(k)}).
     */
    public MaxPool1d(int kernelSize) {
        this(kernelSize, kernelSize, 0, 1);
    }

    /**
     * Max pooling over [N, C, L] with the given window, stride, padding (by -inf) and dilation ({@code nn.MaxPool1d}'s
     * full signature).
     */
    public MaxPool1d(int kernelSize, int stride, int padding, int dilation) {
        kernel = ConvShapes.positive("MaxPool1d", "kernel_size", new int[] {kernelSize})[0];
        this.stride = ConvShapes.positive("MaxPool1d", "stride", new int[] {stride})[0];
        this.padding = ConvShapes.nonNegative("MaxPool1d", "padding", new int[] {padding})[0];
        this.dilation = ConvShapes.positive("MaxPool1d", "dilation", new int[] {dilation})[0];
    }

    @Override
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 3, -1);
        return Functional.maxPool1d(x, kernel, stride, padding, dilation);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + kernel + ", stride=" + stride + ", padding=" + padding + ", dilation=" + dilation
                + ", ceil_mode=False";
    }
}
