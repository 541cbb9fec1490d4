package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/** 2-D max pooling over [N, C, H, W], like {@code nn.MaxPool2d}; the stride defaults to the kernel size. */
public class MaxPool2d extends Module {
    private final int[] kernel;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean tupleForm;

    /** Max pooling over square windows of [N, C, H, W], stride equal to the window ({@code nn.MaxPool2d(k)}). */
    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    /**
     * Max pooling over [N, C, H, W] with a square window, stride and padding ({@code nn.MaxPool2d(k, stride,
     * padding)}).
     */
    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(Conv2d.pair(kernelSize), Conv2d.pair(stride), Conv2d.pair(padding), Conv2d.pair(1), false);
    }

    /** Max pooling over [N, C, H, W] with (height, width) pairs for window, stride, padding and dilation. */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        this(kernelSize, stride, padding, dilation, true);
    }

    private MaxPool2d(int[] k, int[] s, int[] p, int[] d, boolean tupleForm) {
        kernel = ConvShapes.positive("MaxPool2d", "kernel_size", k);
        stride = ConvShapes.positive("MaxPool2d", "stride", s);
        padding = ConvShapes.nonNegative("MaxPool2d", "padding", p);
        dilation = ConvShapes.positive("MaxPool2d", "dilation", d);
        this.tupleForm = tupleForm;
    }

    @Override
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 4, -1);
        return Functional.maxPool2d(x, kernel, stride, padding, dilation);
    }

    @Override
    protected String extraRepr() {
        return "kernel_size=" + Repr.intOrTuple(kernel, tupleForm) + ", stride=" + Repr.intOrTuple(stride, tupleForm)
                + ", padding=" + Repr.intOrTuple(padding, tupleForm) + ", dilation="
                + Repr.intOrTuple(dilation, tupleForm)
                + ", ceil_mode=False";
    }
}
