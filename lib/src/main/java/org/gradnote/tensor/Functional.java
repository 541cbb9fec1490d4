package org.gradnote.tensor;

import java.util.Arrays;

/**
 * Stateless layer functions, like {@code torch.nn.functional}: convolutions, pooling, normalisation, dropout and
 * embedding lookup. The {@code org.gradnote.nn} layers hold the parameters and call these.
 */
public final class Functional {
    private Functional() {}

    // ---- convolution ----

    /** F.conv1d: x [N, C, W], weight [O, C, kW], bias [O] or null. */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation) {
        checkConv("conv1d", x, weight, bias, 3);
        return LayerPrimitives.conv1d(
                x, weight, bias, window1d((int) weight.size(2), stride, padding, dilation, false));
    }

    /** F.conv1d with padding "same" (stride 1, output as long as the input) or "valid" (no padding). */
    public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, int stride, String padding, int dilation) {
        boolean same = isSame("conv1d", padding, stride, stride);
        checkConv("conv1d", x, weight, bias, 3);
        return LayerPrimitives.conv1d(x, weight, bias, window1d((int) weight.size(2), stride, 0, dilation, same));
    }

    /** F.conv2d: x [N, C, H, W], weight [O, C, kH, kW], bias [O] or null; stride, padding, dilation as (h, w). */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] dilation) {
        checkConv("conv2d", x, weight, bias, 4);
        return LayerPrimitives.conv2d(
                x,
                weight,
                bias,
                window2d(new int[] {(int) weight.size(2), (int) weight.size(3)}, stride, padding, dilation, false));
    }

    /** F.conv2d with the same stride, padding and dilation in both directions. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation) {
        return conv2d(x, weight, bias, pair(stride), pair(padding), pair(dilation));
    }

    /** F.conv2d with padding "same" (stride 1) or "valid". */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int[] stride, String padding, int[] dilation) {
        boolean same = isSame("conv2d", padding, stride[0], stride[1]);
        checkConv("conv2d", x, weight, bias, 4);
        return LayerPrimitives.conv2d(
                x,
                weight,
                bias,
                window2d(new int[] {(int) weight.size(2), (int) weight.size(3)}, stride, pair(0), dilation, same));
    }

    // ---- pooling ----

    /** F.max_pool2d over x [N, C, H, W]; kernel, stride, padding, dilation as (h, w). */
    public static Tensor maxPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, int[] dilation) {
        checkPool("maxPool2d", x, 4, kernel, padding);
        return LayerPrimitives.pool(x, true, window2d(kernel, stride, padding, dilation, false), false);
    }

    /** F.max_pool2d with a square window; stride defaults to the kernel size in PyTorch, pass it explicitly here. */
    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return maxPool2d(x, pair(kernel), pair(stride), pair(padding), pair(1));
    }

    /** F.avg_pool2d; {@code countIncludePad} as PyTorch's count_include_pad (true by default there). */
    public static Tensor avgPool2d(Tensor x, int[] kernel, int[] stride, int[] padding, boolean countIncludePad) {
        checkPool("avgPool2d", x, 4, kernel, padding);
        return LayerPrimitives.pool(x, false, window2d(kernel, stride, padding, pair(1), false), countIncludePad);
    }

    /**
     * {@code F.avg_pool2d} over x [N, C, H, W] with a square window, stride and zero padding (padding counted in the
     * average).
     */
    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return avgPool2d(x, pair(kernel), pair(stride), pair(padding), true);
    }

    /** F.max_pool1d over x [N, C, W]. */
    public static Tensor maxPool1d(Tensor x, int kernel, int stride, int padding, int dilation) {
        checkPool("maxPool1d", x, 3, new int[] {kernel}, new int[] {padding});
        return LayerPrimitives.pool(x, true, window1d(kernel, stride, padding, dilation, false), false);
    }

    /** F.avg_pool1d over x [N, C, W]. */
    public static Tensor avgPool1d(Tensor x, int kernel, int stride, int padding, boolean countIncludePad) {
        checkPool("avgPool1d", x, 3, new int[] {kernel}, new int[] {padding});
        return LayerPrimitives.pool(x, false, window1d(kernel, stride, padding, 1, false), countIncludePad);
    }

    /** Mean over every dimension after the channel one: [N, C, ...] to [N, C] (adaptive average pooling to 1). */
    public static Tensor globalAvgPool(Tensor x) {
        if (x.dim() < 3)
            throw new ShapeException("globalAvgPool: expected input [N, C, ...spatial], got " + Shapes.str(x.shape()));
        int[] spatial = new int[x.dim() - 2];
        for (int i = 0; i < spatial.length; i++) spatial[i] = i + 2;
        Signature.GLOBAL_AVG_POOL.check(x);
        return x.mean(spatial, false);
    }

    // ---- normalisation ----

    /**
     * F.batch_norm over dimension 1 of x [N, C, ...]. In training, normalises with the batch mean and biased
     * variance and, when running statistics are given, updates them in place with the unbiased variance:
     * {@code running = (1 - momentum) * running + momentum * batch}. Otherwise normalises with the running
     * statistics, composed from tensor ops so that the gradient treats them as constants. Weight and bias may be null.
     */
    public static Tensor batchNorm(
            Tensor x,
            Tensor runningMean,
            Tensor runningVar,
            Tensor weight,
            Tensor bias,
            boolean training,
            double momentum,
            double eps) {
        if (x.dim() < 2)
            throw new ShapeException("batchNorm: expected input [N, C, ...], got " + Shapes.str(x.shape()));
        Signature.BATCH_NORM.check(x, weight, bias, runningMean, runningVar);
        long c = x.size(1);
        Tensor gamma = weight != null ? weight : Tensor.ones(x.dtype(), c);
        Tensor beta = bias != null ? bias : Tensor.zeros(x.dtype(), c);
        if (training) {
            long n = x.numel() / c;
            if (n <= 1)
                throw new IllegalArgumentException(
                        "batchNorm: expected more than 1 value per channel when training, got input "
                                + Shapes.str(x.shape()));
            Tensor[] stats = new Tensor[2];
            Tensor out = LayerPrimitives.batchNormTrain(x, gamma, beta, eps, stats);
            if (runningMean != null && runningVar != null) {
                try (GradMode g = Tensor.noGrad()) {
                    Tensor mean = stats[0], unbiased = Tensor.wrap(Engine.times(stats[1].data(), (double) n / (n - 1)));
                    runningMean.mul_(1 - momentum).add_(mean.mul(momentum));
                    runningVar.mul_(1 - momentum).add_(unbiased.mul(momentum));
                }
            }
            return out;
        }
        if (runningMean == null || runningVar == null) {
            throw new IllegalArgumentException("batchNorm: evaluation mode needs running mean and variance");
        }
        long[] bshape = new long[x.dim()];
        Arrays.fill(bshape, 1);
        bshape[1] = c;
        Tensor scale = runningVar.add(eps).pow(-0.5).reshape(bshape);
        return x.sub(runningMean.reshape(bshape))
                .mul(scale)
                .mul(gamma.reshape(bshape))
                .add(beta.reshape(bshape));
    }

    /** F.layer_norm over the trailing dimensions given by normalizedShape; weight and bias of that shape (or null). */
    public static Tensor layerNorm(Tensor x, long[] normalizedShape, Tensor weight, Tensor bias, double eps) {
        long[] xs = x.shape();
        int k = normalizedShape.length;
        boolean fits = k >= 1
                && xs.length >= k
                && Arrays.equals(Arrays.copyOfRange(xs, xs.length - k, xs.length), normalizedShape);
        if (!fits)
            throw new ShapeException("layerNorm: input of shape " + Shapes.str(xs)
                    + " does not end with the normalized shape " + Shapes.str(normalizedShape));
        Signature.LAYER_NORM.check(x, weight, bias);
        Tensor gamma = weight != null ? weight : Tensor.ones(x.dtype(), normalizedShape);
        Tensor beta = bias != null ? bias : Tensor.zeros(x.dtype(), normalizedShape);
        return LayerPrimitives.layerNorm(x, gamma, beta, k, eps);
    }

    // ---- dropout and embedding ----

    /**
     * Inverted dropout, F.dropout: in training, zeroes each element with probability p and scales the rest by
     * 1 / (1 - p), with a mask from {@link Tensor#rand} so {@code Gradnote.seed} makes it repeatable; identity
     * otherwise. Composed from tensor ops, so the gradient is the same mask.
     */
    public static Tensor dropout(Tensor x, double p, boolean training) {
        if (p < 0 || p > 1)
            throw new IllegalArgumentException("dropout: probability has to be between 0 and 1, but got " + p);
        if (!training || p == 0) return x;
        if (p == 1) return x.mul(0);
        double keep = 1 - p;
        return x.mul(LayerPrimitives.scaledKeepMask(x.dtype(), keep, x.shape()));
    }

    /** F.embedding: rows of weight [V, D] for integer indices of any shape; the result has shape index.shape + [D]. */
    public static Tensor embedding(Tensor index, Tensor weight) {
        if (weight.dim() != 2)
            throw new ShapeException(
                    "embedding: weight must be [num_embeddings, dim], got " + Shapes.str(weight.shape()));
        Signature.EMBEDDING.check(index);
        return LayerPrimitives.embedding(index, weight);
    }

    // ---- transposed convolution and resizing ----

    /**
     * F.conv_transpose2d: x [N, Cin, H, W], weight [Cin, Cout, kH, kW], bias [Cout] or null; stride, padding,
     * output padding (smaller than the stride) and dilation as (h, w). The output is (H - 1)·s - 2p + d·(k - 1) +
     * outputPadding + 1 high.
     */
    public static Tensor convTranspose2d(
            Tensor x, Tensor weight, Tensor bias, int[] stride, int[] padding, int[] outputPadding, int[] dilation) {
        String op = "convTranspose2d";
        if (weight.dim() != 4)
            throw new ShapeException(
                    op + ": weight must have 4 dimensions [in, out, kH, kW], got " + Shapes.str(weight.shape()));
        if (x.dim() != 4 || x.size(1) != weight.size(0)) {
            throw new ShapeException(op + ": expected input [N, " + weight.size(0) + ", H, W] for weight "
                    + Shapes.str(weight.shape()) + ", got " + Shapes.str(x.shape()));
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != weight.size(1)))
            throw new ShapeException(op + ": bias must be [" + weight.size(1) + "], got " + Shapes.str(bias.shape()));
        for (int i = 0; i < 2; i++) {
            // torch also takes output padding up to the dilation - 1 with stride 1: rare, and the convolution's
            // index map (Unfold) would need a cropped geometry for it.
            if (outputPadding[i] < 0 || outputPadding[i] >= stride[i])
                throw new IllegalArgumentException(op + ": output padding must be smaller than the stride, got output"
                        + " padding " + Arrays.toString(outputPadding) + " and stride " + Arrays.toString(stride));
        }
        int[] k = {(int) weight.size(2), (int) weight.size(3)};
        return ConvTranspose.convTranspose2d(
                x, weight, bias, window2d(k, stride, padding, dilation, false), outputPadding.clone());
    }

    /** F.conv_transpose2d with one stride and padding for both directions, no output padding, dilation 1. */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding) {
        return convTranspose2d(x, weight, bias, pair(stride), pair(padding), pair(0), pair(1));
    }

    /**
     * F.interpolate of x [N, C, H, W] to size (h, w): mode "nearest" or "bilinear" (alignCorners as torch's
     * align_corners; it must be false for "nearest").
     */
    public static Tensor interpolate(Tensor x, long[] size, String mode, boolean alignCorners) {
        checkInterpolate(x, mode, alignCorners);
        if (size.length != 2 || size[0] <= 0 || size[1] <= 0)
            throw new IllegalArgumentException(
                    "interpolate: size must be two positive numbers, got " + Arrays.toString(size));
        return Interpolate.resize(x, size[0], size[1], 0, 0, mode, alignCorners);
    }

    /** F.interpolate of x [N, C, H, W] by a scale factor (the output is floor(H·scale) x floor(W·scale)). */
    public static Tensor interpolate(Tensor x, double scaleFactor, String mode, boolean alignCorners) {
        checkInterpolate(x, mode, alignCorners);
        long oh = (long) Math.floor(x.size(2) * scaleFactor), ow = (long) Math.floor(x.size(3) * scaleFactor);
        if (!(scaleFactor > 0) || oh <= 0 || ow <= 0)
            throw new IllegalArgumentException("interpolate: scale factor " + scaleFactor + " gives an empty output"
                    + " for input " + Shapes.str(x.shape()));
        return Interpolate.resize(x, oh, ow, scaleFactor, scaleFactor, mode, alignCorners);
    }

    private static void checkInterpolate(Tensor x, String mode, boolean alignCorners) {
        if (x.dim() != 4)
            throw new ShapeException("interpolate: expected input [N, C, H, W], got " + Shapes.str(x.shape()));
        Signature.INTERPOLATE.check(x);
        if (alignCorners && !mode.equals("bilinear"))
            throw new IllegalArgumentException(
                    "interpolate: align_corners can only be set with mode \"bilinear\", got \"" + mode + "\"");
    }

    // ---- losses ----

    /**
     * F.cross_entropy of logits [N, C] against int64 class indices [N], averaged over N ({@code mean}) or summed,
     * as one fused primitive. Indices outside [0, C) throw.
     */
    public static Tensor crossEntropy(Tensor logits, Tensor target, boolean mean) {
        if (logits.dim() != 2 || target.dim() != 1 || target.size(0) != logits.size(0)) {
            throw new ShapeException("crossEntropy: expected logits [N, C] and target [N], got "
                    + Shapes.str(logits.shape()) + " and " + Shapes.str(target.shape()));
        }
        Signature.CROSS_ENTROPY.check(target);
        return LossPrimitives.crossEntropy(logits, target, mean);
    }

    /**
     * F.binary_cross_entropy per element (reduction 'none'), p holding probabilities in [0, 1] and target of p's
     * shape: logs clamped at -100 as torch, so p = 0 or 1 gives a finite loss and a finite gradient (torch's).
     */
    public static Tensor binaryCrossEntropy(Tensor p, Tensor target) {
        checkSameShape("binaryCrossEntropy", p, target);
        Signature.BINARY_CROSS_ENTROPY.check(p, target);
        return LossPrimitives.binaryCrossEntropy(p, target);
    }

    /** F.binary_cross_entropy_with_logits per element (reduction 'none'): stable for any logit, gradient sigmoid(x) - y. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target) {
        checkSameShape("binaryCrossEntropyWithLogits", logits, target);
        Signature.BINARY_CROSS_ENTROPY_WITH_LOGITS.check(logits, target);
        return LossPrimitives.binaryCrossEntropyWithLogits(logits, target);
    }

    private static void checkSameShape(String op, Tensor input, Tensor target) {
        if (!Arrays.equals(input.shape(), target.shape())) {
            throw new ShapeException(op + ": input shape " + Shapes.str(input.shape()) + " and target shape "
                    + Shapes.str(target.shape()) + " differ");
        }
    }

    /** F.mse_loss of two tensors of the same shape, averaged ({@code mean}) or summed, as one fused primitive. */
    public static Tensor mseLoss(Tensor input, Tensor target, boolean mean) {
        checkSameShape("mseLoss", input, target);
        Signature.MSE_LOSS.check(input, target);
        return LossPrimitives.mse(input, target, mean);
    }

    // ---- argument checks and geometry ----

    private static void checkConv(String op, Tensor x, Tensor w, Tensor b, int rank) {
        if (w.dim() != rank)
            throw new ShapeException(
                    op + ": weight must have " + rank + " dimensions [out, in, k...], got " + Shapes.str(w.shape()));
        if (x.dim() != rank || x.size(1) != w.size(1)) {
            throw new ShapeException(op + ": expected input [N, " + w.size(1) + (rank == 3 ? ", W]" : ", H, W]")
                    + " for weight " + Shapes.str(w.shape()) + ", got " + Shapes.str(x.shape()));
        }
        if (b != null && (b.dim() != 1 || b.size(0) != w.size(0))) {
            throw new ShapeException(op + ": bias must be [" + w.size(0) + "], got " + Shapes.str(b.shape()));
        }
    }

    private static void checkPool(String op, Tensor x, int rank, int[] kernel, int[] padding) {
        if (x.dim() != rank)
            throw new ShapeException(op + ": expected input " + (rank == 3 ? "[N, C, W]" : "[N, C, H, W]") + ", got "
                    + Shapes.str(x.shape()));
        for (int i = 0; i < kernel.length; i++) {
            if (padding[i] * 2 > kernel[i])
                throw new IllegalArgumentException(
                        op + ": padding should be at most half of the kernel size, got padding " + padding[i]
                                + " for kernel " + kernel[i]);
        }
    }

    private static boolean isSame(String op, String padding, int sH, int sW) {
        switch (padding) {
            case "valid":
                return false;
            case "same":
                if (sH != 1 || sW != 1)
                    throw new IllegalArgumentException(
                            op + ": padding='same' is not supported for strided convolutions");
                return true;
            default:
                throw new IllegalArgumentException(
                        op + ": padding must be \"same\" or \"valid\", got \"" + padding + "\"");
        }
    }

    private static LayerPrimitives.Window window1d(int k, int s, int p, int d, boolean same) {
        return new LayerPrimitives.Window(1, k, 1, s, 0, p, 1, d, same);
    }

    private static LayerPrimitives.Window window2d(int[] k, int[] s, int[] p, int[] d, boolean same) {
        return new LayerPrimitives.Window(k[0], k[1], s[0], s[1], p[0], p[1], d[0], d[1], same);
    }

    private static int[] pair(int v) {
        return new int[] {v, v};
    }
}
