package org.gradnote.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.gradnote.tensor.Tensor;

/**
 * The usual image augmentations as {@link Transform}s, like {@code torchvision.transforms}: shifts, small rotations,
 * Gaussian noise and their composition. Images are tensors whose last two dimensions are height and width (e.g.
 * [C, H, W]); every channel moves the same way, and pixels that come from outside the image are 0.
 */
public final class Transforms {
    private Transforms() {}

    /**
     * Moves the image {@code dy} pixels down and {@code dx} pixels right (negative: up, left), filling with 0: the
     * deterministic core of {@link #randomShift}.
     */
    public static Transform shift(int dy, int dx) {
        return (x, rng) -> shifted(x, dy, dx);
    }

    /**
     * Shifts each image by whole pixels drawn uniformly from {@code -maxPixels..maxPixels} in each direction (torchvision's
     * {@code RandomAffine(0, translate=...)} on a pixel grid).
     */
    public static Transform randomShift(int maxPixels) {
        if (maxPixels < 0) throw new IllegalArgumentException("randomShift: maxPixels must be >= 0, got " + maxPixels);
        return (x, rng) -> shifted(x, rng.nextInt(-maxPixels, maxPixels + 1), rng.nextInt(-maxPixels, maxPixels + 1));
    }

    /**
     * Rotates the image counter-clockwise by {@code degrees} about its centre, with bilinear interpolation (torchvision's
     * {@code rotate(..., BILINEAR)}); 0 degrees gives the image back exactly.
     */
    public static Transform rotation(double degrees) {
        return (x, rng) -> rotated(x, degrees);
    }

    /** Rotates each image by an angle drawn uniformly from {@code [-maxDegrees, maxDegrees]} ({@code RandomRotation}). */
    public static Transform randomRotation(double maxDegrees) {
        if (!(maxDegrees >= 0))
            throw new IllegalArgumentException("randomRotation: maxDegrees must be >= 0, got " + maxDegrees);
        return (x, rng) -> rotated(x, maxDegrees == 0 ? 0 : rng.nextDouble(-maxDegrees, maxDegrees));
    }

    /** Adds independent normal noise of standard deviation {@code std} to every pixel (no clipping). */
    public static Transform gaussianNoise(double std) {
        if (!(std >= 0)) throw new IllegalArgumentException("gaussianNoise: std must be >= 0, got " + std);
        return (x, rng) -> {
            double[] v = x.toDoubleArray();
            for (int i = 0; i < v.length; i++) v[i] += std * normal(rng);
            return Tensor.fromArray(x.dtype(), v, x.shape());
        };
    }

    /** The transforms applied in order, like {@code transforms.Compose}; all draw from the same generator. */
    public static Transform compose(Transform... transforms) {
        Transform[] ts = transforms.clone();
        return (x, rng) -> {
            Tensor y = x;
            for (Transform t : ts) y = t.apply(y, rng);
            return y;
        };
    }

    private static Tensor shifted(Tensor x, int dy, int dx) {
        int h = height(x, "shift"), w = width(x);
        double[] in = x.toDoubleArray(), out = new double[in.length];
        for (int base = 0; base < in.length; base += h * w) {
            for (int i = Math.max(0, dy); i < Math.min(h, h + dy); i++) {
                for (int j = Math.max(0, dx); j < Math.min(w, w + dx); j++)
                    out[base + i * w + j] = in[base + (i - dy) * w + (j - dx)];
            }
        }
        return Tensor.fromArray(x.dtype(), out, x.shape());
    }

    private static Tensor rotated(Tensor x, double degrees) {
        int h = height(x, "rotation"), w = width(x);
        double t = Math.toRadians(degrees), cos = Math.cos(t), sin = Math.sin(t);
        double cy = (h - 1) / 2.0, cx = (w - 1) / 2.0;
        double[] in = x.toDoubleArray(), out = new double[in.length];
        for (int base = 0; base < in.length; base += h * w) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < w; j++) {
                    // Inverse map: the output pixel at (u, v) (right, up from the centre) comes from the input point
                    // rotated back by -t. At t = 0 the source is exactly (i, j), so the image comes back unchanged.
                    double u = j - cx, v = cy - i;
                    double sx = cx + (u * cos + v * sin), sy = cy - (-u * sin + v * cos);
                    out[base + i * w + j] = bilinear(in, base, h, w, sy, sx);
                }
            }
        }
        return Tensor.fromArray(x.dtype(), out, x.shape());
    }

    private static double bilinear(double[] in, int base, int h, int w, double y, double x) {
        int y0 = (int) Math.floor(y), x0 = (int) Math.floor(x);
        double fy = y - y0, fx = x - x0;
        return (1 - fy) * ((1 - fx) * pixel(in, base, h, w, y0, x0) + fx * pixel(in, base, h, w, y0, x0 + 1))
                + fy * ((1 - fx) * pixel(in, base, h, w, y0 + 1, x0) + fx * pixel(in, base, h, w, y0 + 1, x0 + 1));
    }

    private static double pixel(double[] in, int base, int h, int w, int i, int j) {
        return i < 0 || i >= h || j < 0 || j >= w ? 0 : in[base + i * w + j];
    }

    private static double normal(SplittableRandom rng) {
        // Box-Muller from the given generator only, so a seeded data set repeats its noise.
        double u1 = 1 - rng.nextDouble(), u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static int height(Tensor x, String op) {
        if (x.dim() < 2)
            throw new IllegalArgumentException(
                    op + ": expected an image [..., H, W], got shape " + Arrays.toString(x.shape()));
        return (int) x.size(x.dim() - 2);
    }

    private static int width(Tensor x) {
        return (int) x.size(x.dim() - 1);
    }
}
