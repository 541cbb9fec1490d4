package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/**
 * Resizes [N, C, H, W] images by a scale factor, like {@code nn.Upsample}: mode "nearest" (each pixel repeated) or
 * "bilinear" (with or without align_corners). It has no parameters: a U-Net may use it, followed by a convolution,
 * instead of a learnt {@link ConvTranspose2d}.
 */
public class Upsample extends Module {
    private final double scaleFactor;
    private final String mode;
    private final boolean alignCorners;

    /** Nearest-neighbour up-sampling by {@code scaleFactor} ({@code nn.Upsample(scale_factor=s)}). */
    public Upsample(double scaleFactor) {
        this(scaleFactor, "nearest", false);
    }

    /** Up-sampling by {@code scaleFactor} in mode "nearest" or "bilinear" ({@code nn.Upsample(scale_factor, mode, align_corners)}). */
    public Upsample(double scaleFactor, String mode, boolean alignCorners) {
        if (!(scaleFactor > 0))
            throw new IllegalArgumentException("Upsample: scale_factor must be positive, got " + scaleFactor);
        if (!mode.equals("nearest") && !mode.equals("bilinear"))
            throw new IllegalArgumentException(
                    "Upsample: mode must be \"nearest\" or \"bilinear\", got \"" + mode + "\"");
        if (alignCorners && !mode.equals("bilinear"))
            throw new IllegalArgumentException("Upsample: align_corners can only be set with mode \"bilinear\"");
        this.scaleFactor = scaleFactor;
        this.mode = mode;
        this.alignCorners = alignCorners;
    }

    @Override
    public Tensor forward(Tensor x) {
        ConvShapes.check(this, x, 4, -1);
        return Functional.interpolate(x, scaleFactor, mode, alignCorners);
    }

    @Override
    protected String extraRepr() {
        // As torch 1.13, which prints the mode unquoted and not align_corners.
        return "scale_factor=" + Repr.pyFloat(scaleFactor) + ", mode=" + mode;
    }
}
