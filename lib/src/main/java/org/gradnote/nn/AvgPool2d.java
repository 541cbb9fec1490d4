package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/**
 * 2-D average pooling over [N, C, H, W], like {@code nn.AvgPool2d}: the stride defaults to the kernel size and
 * padded zeros count in the divisor (PyTorch's count_include_pad=True).
 */
public class AvgPool2d extends Module {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final boolean tupleForm;

    /**
     * Average pooling over square windows of [N, C, H, W], stride equal to the window, no padding ({@code
     * nn.AvgPool2d(k)}).
     */
    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Average pooling over [N, C, H, W] with a square window, stride and zero padding ({@code nn.AvgPool2d(k, stride,
     * padding)}).
     */
    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(Conv2d.pair(kernelSize), Conv2d.pair(stride), Conv2d.pair(padding), false);
    }

    /** Average pooling over [N, C, H, W] with (height, width) pairs for window, stride and padding. */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding) {
        this(kernelSize, stride, padding, true);
    }

    private AvgPool2d(int[] k, int[] s, int[] p, boolean tupleForm) {
        kernel = ConvShapes.positive("AvgPool2d", "kernel_size", k);
        stride = ConvShapes.positive("AvgPool2d", "stride", s);
        padding = ConvShapes.nonNegative("AvgPool2d", "padding", p);
        this.tupleForm = tupleForm;
    }

    @Override
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 4, -1);
        return Functional.avgPool2d(x, kernel, stride, padding, true);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Repr.intOrTuple(kernel, tupleForm) + ", stride=" + Repr.intOrTuple(stride, tupleForm)
                + ", padding=" + Repr.intOrTuple(padding, tupleForm);
    }
}
