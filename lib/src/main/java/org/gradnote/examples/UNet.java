package org.gradnote.examples;

import org.gradnote.nn.Activations;
import org.gradnote.nn.Conv2d;
import org.gradnote.nn.ConvTranspose2d;
import org.gradnote.nn.MaxPool2d;
import org.gradnote.nn.Module;
import org.gradnote.nn.Sequential;
import org.gradnote.nn.Upsample;
import org.gradnote.tensor.Tensor;

/**
 * A small U-Net for the segmentation lab (Ronneberger et al., 2015, at toy size): two down stages (two 3x3
 * convolutions with ReLU, then max-pool 2), a bottleneck, and two up stages that double the resolution (a learnt
 * 2x2 stride-2 {@link ConvTranspose2d}, or {@link Upsample} followed by a 3x3 convolution), concatenate the encoder's
 * features of that resolution (the skip connection) and convolve; a 1x1 convolution gives one score per class and
 * pixel. The PyTorch twin is {@code tests/bench/pytorch/unet.py}.
 */
public final class UNet extends Module {
    private final boolean skips;
    private final Sequential enc1;
    private final Sequential enc2;
    private final Sequential bottom;
    private final Module up2;
    private final Sequential dec2;
    private final Module up1;
    private final Sequential dec1;
    private final Conv2d head;
    private final MaxPool2d pool = new MaxPool2d(2);

    /** The lab's U-Net: width c (channels of the first stage), ConvTranspose2d up-sampling, skip connections. */
    public UNet(long inChannels, int classes, int c) {
        this(inChannels, classes, c, true, true);
    }

    /**
     * A U-Net of first-stage width c; {@code transposed} picks ConvTranspose2d (else nearest Upsample + conv 3x3) and
     * {@code skips} the concatenation of encoder features (else the decoder sees only what comes up).
     */
    public UNet(long inChannels, int classes, int c, boolean transposed, boolean skips) {
        this.skips = skips;
        enc1 = register("enc1", block(inChannels, c));
        enc2 = register("enc2", block(c, 2L * c));
        bottom = register("bottom", block(2L * c, 4L * c));
        up2 = register("up2", up(4L * c, 2L * c, transposed));
        dec2 = register("dec2", block(skips ? 4L * c : 2L * c, 2L * c));
        up1 = register("up1", up(2L * c, c, transposed));
        dec1 = register("dec1", block(skips ? 2L * c : c, c));
        head = register("head", new Conv2d(c, classes, 1));
    }

    private static Sequential block(long in, long out) {
        return new Sequential(
                new Conv2d(in, out, 3, 1, 1), Activations.relu(), new Conv2d(out, out, 3, 1, 1), Activations.relu());
    }

    private static Module up(long in, long out, boolean transposed) {
        if (transposed) return new ConvTranspose2d(in, out, 2, 2);
        return new Sequential(new Upsample(2), new Conv2d(in, out, 3, 1, 1));
    }

    /** Class scores [N, classes, H, W] of images [N, C, H, W] (H and W divisible by 4). */
    @Override
    public Tensor forward(Tensor x) {
        Tensor e1 = enc1.forward(x);
        Tensor e2 = enc2.forward(pool.forward(e1));
        Tensor b = bottom.forward(pool.forward(e2));
        Tensor d2 = up2.forward(b);
        d2 = dec2.forward(skips ? Tensor.cat(1, d2, e2) : d2);
        Tensor d1 = up1.forward(d2);
        d1 = dec1.forward(skips ? Tensor.cat(1, d1, e1) : d1);
        return head.forward(d1);
    }
}
