package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused LSTM and GRU cells write tanh out inline (C1 does not inline a call): one float64 step from h0 = 0, where
 * the products are exact (one input, a zero state), must give the cell maths with {@link RecurrentPrimitives#tanh}
 * bit for bit, pre-activations on both sides of its polynomial's bound included.
 */
class RecurrentCellsTest {
    private static final int N = 8, H = 64;

    @Test
    void lstmStepIsTheReferenceCellToTheBit() {
        SplittableRandom r = new SplittableRandom(11);
        double[] x = spread(r, N), wih = spread(r, 4 * H), bih = spread(r, 4 * H), bhh = spread(r, 4 * H);
        double[] c0 = spread(r, N * H);
        Tensor[] out = RecurrentPrimitives.lstm(
                f64(x, 1, N, 1),
                f64(wih, 4 * H, 1),
                f64(new double[H * 4 * H], 4 * H, H),
                f64(bih, 4 * H),
                f64(bhh, 4 * H),
                f64(new double[N * H], N, H),
                f64(c0, N, H),
                false);
        double[] h = out[1].toDoubleArray(), c = out[2].toDoubleArray();
        for (int b = 0; b < N; b++) {
            for (int j = 0; j < H; j++) {
                double[] z = new double[4];
                for (int q = 0; q < 4; q++) z[q] = x[b] * wih[q * H + j] + 0.0 + (bih[q * H + j] + bhh[q * H + j]);
                double i = sigmoid(z[0]), f = sigmoid(z[1]), g = RecurrentPrimitives.tanh(z[2]), o = sigmoid(z[3]);
                double cNew = f * c0[b * H + j] + i * g;
                assertEquals(cNew, c[b * H + j], 0.0, "c at " + b + ", " + j);
                assertEquals(o * RecurrentPrimitives.tanh(cNew), h[b * H + j], 0.0, "h at " + b + ", " + j);
            }
        }
    }

    @Test
    void gruStepIsTheReferenceCellToTheBit() {
        SplittableRandom r = new SplittableRandom(12);
        double[] x = spread(r, N), wih = spread(r, 3 * H), bih = spread(r, 3 * H), bhh = spread(r, 3 * H);
        Tensor[] out = RecurrentPrimitives.gru(
                f64(x, 1, N, 1),
                f64(wih, 3 * H, 1),
                f64(new double[H * 3 * H], 3 * H, H),
                f64(bih, 3 * H),
                f64(bhh, 3 * H),
                f64(new double[N * H], N, H),
                false);
        double[] h = out[1].toDoubleArray();
        for (int b = 0; b < N; b++) {
            for (int j = 0; j < H; j++) {
                double rr = sigmoid(x[b] * wih[j] + bih[j] + 0.0 + bhh[j]);
                double z = sigmoid(x[b] * wih[H + j] + bih[H + j] + 0.0 + bhh[H + j]);
                double hn = 0.0 + bhh[2 * H + j];
                double n = RecurrentPrimitives.tanh(x[b] * wih[2 * H + j] + bih[2 * H + j] + rr * hn);
                assertEquals((1 - z) * n + z * 0.0, h[b * H + j], 0.0, "h at " + b + ", " + j);
            }
        }
    }

    /** Values from 1e-3 to 3 in magnitude, both signs: pre-activations inside and outside |z| < 1/16. */
    private static double[] spread(SplittableRandom r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++)
            v[i] = (r.nextBoolean() ? 1 : -1) * Math.exp(r.nextDouble(Math.log(1e-3), Math.log(3)));
        return v;
    }

    private static Tensor f64(double[] v, long... shape) {
        return Tensor.of(DType.FLOAT64, v).reshape(shape);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
