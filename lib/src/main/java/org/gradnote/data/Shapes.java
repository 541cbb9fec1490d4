package org.gradnote.data;

import java.util.Random;
import org.gradnote.tensor.Tensor;

/**
 * Generated images for the segmentation lab: grey squares of side {@code size} with one to three filled shapes
 * (circles, squares, triangles) on a noisy background, and the mask that gives each pixel its class (0 background,
 * 1 circle, 2 square, 3 triangle).
 *
 * <p>Provenance: drawn here, from a {@link Random} seeded by the caller; nothing is downloaded. A shape's brightness
 * is drawn from one range for all classes, so a pixel's value tells shape from background but not which shape: the
 * network has to look at the outline around the pixel.
 */
public final class Shapes {
    private Shapes() {}

    /** The class names, by index: background, circle, square, triangle. */
    public static final String[] CLASSES = {"background", "circle", "square", "triangle"};

    /** Images [n, 1, size, size] (float32, roughly in [0, 1]) and masks [n, size, size] (int64 class indices). */
    public record Set(Tensor images, Tensor masks) {
        /** The pairs as a dataset for a {@link DataLoader}. */
        public TensorDataset dataset() {
            return new TensorDataset(images, masks);
        }
    }

    /** n images of size x size pixels from the given seed (size at least 16). */
    public static Set generate(int n, int size, long seed) {
        if (n <= 0 || size < 16)
            throw new IllegalArgumentException("Shapes: needs n > 0 and size >= 16, got n=" + n + " size=" + size);
        Random rnd = new Random(seed);
        int px = size * size;
        float[] img = new float[n * px];
        long[] mask = new long[n * px];
        for (int i = 0; i < n; i++) {
            int base = i * px;
            double bg = 0.1 + 0.15 * rnd.nextDouble();
            int shapes = 1 + rnd.nextInt(3);
            for (int s = 0; s < shapes; s++) draw(rnd, img, mask, base, size, 1 + rnd.nextInt(3));
            for (int p = 0; p < px; p++) {
                double v = mask[base + p] == 0 ? bg : img[base + p];
                img[base + p] = (float) (v + 0.08 * rnd.nextGaussian());
            }
        }
        double[] values = new double[img.length];
        for (int k = 0; k < img.length; k++) values[k] = img[k];
        return new Set(
                Tensor.fromArray(values, n, 1, size, size).toFloat(),
                Tensor.of(mask).reshape(n, size, size));
    }

    /** One shape of class c, radius 4..size/4, anywhere that keeps it inside the image; later shapes cover earlier ones. */
    private static void draw(Random rnd, float[] img, long[] mask, int base, int size, int c) {
        int r = 4 + rnd.nextInt(Math.max(1, size / 4 - 3));
        double cy = r + rnd.nextDouble() * (size - 2 * r - 1), cx = r + rnd.nextDouble() * (size - 2 * r - 1);
        float value = (float) (0.55 + 0.4 * rnd.nextDouble());
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dy = y - cy, dx = x - cx;
                boolean in = switch (c) {
                    case 1 -> dx * dx + dy * dy <= r * r;
                    case 2 -> Math.abs(dx) <= r * 0.85 && Math.abs(dy) <= r * 0.85;
                    // An upward triangle: apex at (cx, cy - r), base at cy + r, half as wide as it is high there.
                    default -> dy >= -r && dy <= r && Math.abs(dx) <= (dy + r) * 0.6;
                };
                if (in) {
                    img[base + y * size + x] = value;
                    mask[base + y * size + x] = c;
                }
            }
        }
    }
}
