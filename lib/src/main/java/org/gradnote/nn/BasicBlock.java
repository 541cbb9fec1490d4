package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/**
 * The residual block of ResNet-18/34, like torchvision's {@code BasicBlock}: conv3×3 → BN → ReLU → conv3×3 → BN,
 * plus a shortcut, then ReLU. The shortcut is the identity when the shape is kept, otherwise a 1×1 convolution with
 * the block's stride followed by BN ("projection"). Children and state-dict keys are torchvision's: conv1, bn1,
 * conv2, bn2 and downsample.0 / downsample.1; the convolutions have no bias (BN's β plays its role).
 */
public class BasicBlock extends Module {
    private final long in;
    private final long out;
    private final int stride;
    private final Conv2d conv1;
    private final BatchNorm2d bn1;
    private final Conv2d conv2;
    private final BatchNorm2d bn2;
    private final Sequential downsample;

    /** A block that keeps the shape: {@code in} channels, stride 1, identity shortcut. */
    public BasicBlock(long channels) {
        this(channels, channels, 1);
    }

    /**
     * A block from {@code in} to {@code out} channels whose first convolution has the given stride; the shortcut
     * becomes a 1×1 projection when {@code stride != 1} or {@code in != out}.
     */
    public BasicBlock(long in, long out, int stride) {
        if (stride < 1) throw new IllegalArgumentException("BasicBlock: stride must be >= 1, got " + stride);
        this.in = in;
        this.out = out;
        this.stride = stride;
        conv1 = register("conv1", conv(in, out, 3, stride, 1));
        bn1 = register("bn1", new BatchNorm2d(out));
        conv2 = register("conv2", conv(out, out, 3, 1, 1));
        bn2 = register("bn2", new BatchNorm2d(out));
        downsample = stride != 1 || in != out
                ? register("downsample", new Sequential(conv(in, out, 1, stride, 0), new BatchNorm2d(out)))
                : null;
    }

    private static Conv2d conv(long in, long out, int k, int stride, int padding) {
        int[] one = {1, 1};
        return new Conv2d(
                in, out, new int[] {k, k}, new int[] {stride, stride}, new int[] {padding, padding}, one, false);
    }

    /** Whether the shortcut is a 1×1 projection rather than the identity. */
    public boolean hasProjection() {
        return downsample != null;
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor identity = downsample != null ? downsample.forward(x) : x;
        Tensor y = bn2.forward(conv2.forward(bn1.forward(conv1.forward(x)).relu()));
        return y.add(identity).relu();
    }

    @Override
    protected String extraRepr() {
        return in + ", " + out + ", stride=" + stride;
    }
}
