package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fused LSTM and GRU cells write tanh out inline (C1 does not inline a call): one float64 step from h0 = 0, where
 * the products are exact (one input, a zero state), must give the cell maths with {@link RecurrentPrimitives#cellTanh}
 * bit for bit, pre-activations on both sides of its polynomial's bound included. The float32 cells also run in C:
 * they must give the Java cells' bits, and the cells' exp must be the C one's.
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
                double i = sigmoid(z[0]), f = sigmoid(z[1]), g = RecurrentPrimitives.cellTanh(z[2]), o = sigmoid(z[3]);
                double cNew = f * c0[b * H + j] + i * g;
                assertEquals(cNew, c[b * H + j], 0.0, "c at " + b + ", " + j);
                assertEquals(o * RecurrentPrimitives.cellTanh(cNew), h[b * H + j], 0.0, "h at " + b + ", " + j);
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
                double n = RecurrentPrimitives.cellTanh(x[b] * wih[2 * H + j] + bih[2 * H + j] + rr * hn);
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
        return RecurrentPrimitives.sigmoid(z);
    }

    /** The cells' exp: the C one's bits everywhere, within 2 ulps of Math.exp where the result is normal. */
    @Test
    void cellExpIsTheCExpAndCloseToMathExp() {
        SplittableRandom r = new SplittableRandom(13);
        double[] special = {
            0,
            -0.0,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -746,
            Math.nextUp(-746.0),
            710,
            Math.nextUp(710.0),
            709.78,
            -708.4,
            -720,
            -745.1,
            1e-300,
            -1e-300,
            0.5 * Math.log(2),
            -0.5 * Math.log(2)
        };
        int n = 200_000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i < special.length
                    ? special[i]
                    : i % 3 == 0 ? r.nextDouble(-750, 715) : r.nextGaussian() * Math.exp(3 * r.nextGaussian());
        }
        double[] java = new double[n];
        for (int i = 0; i < n; i++) {
            java[i] = RecurrentPrimitives.exp(x[i]);
            double m = Math.exp(x[i]);
            if (m >= Double.MIN_NORMAL && !Double.isInfinite(m))
                assertEquals(m, java[i], 2 * Math.ulp(m), "exp(" + x[i] + ") against Math.exp");
            else if (!(m > 0 && m < Double.MIN_NORMAL)) assertEquals(m, java[i], 0.0, "exp(" + x[i] + ")");
        }
        if (!NativeLoops.status().startsWith("on")) return;
        double[] c = new double[n];
        NativeLoops.exp(x, c);
        for (int i = 0; i < n; i++) {
            assertEquals(
                    Double.doubleToRawLongBits(java[i]),
                    Double.doubleToRawLongBits(c[i]),
                    "exp(" + x[i] + "): C " + c[i] + ", Java " + java[i]);
        }
    }

    /** A float32 LSTM and GRU, forward and backward, give the same bits on the C cells and on the Java loops. */
    @Test
    void float32CellsAreTheSameInCAndJava() {
        ComputePath before = Tensor.computePath();
        try {
            for (String kind : new String[] {"lstm", "gru"}) {
                float[][] auto = run(kind, ComputePath.AUTO), loop = run(kind, ComputePath.LOOP);
                for (int k = 0; k < auto.length; k++) {
                    for (int i = 0; i < auto[k].length; i++) {
                        assertEquals(
                                Float.floatToRawIntBits(loop[k][i]),
                                Float.floatToRawIntBits(auto[k][i]),
                                kind + " output " + k + " element " + i);
                    }
                }
            }
        } finally {
            Tensor.setComputePath(before);
        }
    }

    /** Output, last h, and the gradients of x and the weights, after a seeded init, on the given path. */
    private static float[][] run(String kind, ComputePath path) {
        Tensor.setComputePath(path);
        SplittableRandom r = new SplittableRandom(14);
        int steps = 7, n = 5, in = 6, hid = 33, g = kind.equals("lstm") ? 4 : 3;
        Tensor x = Tensor.of(DType.FLOAT32, floats(r, steps * n * in, 2))
                .reshape(steps, n, in)
                .requiresGrad(true);
        Tensor wih = Tensor.of(DType.FLOAT32, floats(r, g * hid * in, 0.5))
                .reshape(g * hid, in)
                .requiresGrad(true);
        Tensor whh = Tensor.of(DType.FLOAT32, floats(r, g * hid * hid, 0.3))
                .reshape(g * hid, hid)
                .requiresGrad(true);
        Tensor bih = Tensor.of(DType.FLOAT32, floats(r, g * hid, 1)).requiresGrad(true);
        Tensor bhh = Tensor.of(DType.FLOAT32, floats(r, g * hid, 1)).requiresGrad(true);
        Tensor h0 = Tensor.of(DType.FLOAT32, floats(r, n * hid, 1)).reshape(n, hid);
        Tensor[] out = kind.equals("lstm")
                ? RecurrentPrimitives.lstm(
                        x,
                        wih,
                        whh,
                        bih,
                        bhh,
                        h0,
                        Tensor.of(DType.FLOAT32, floats(r, n * hid, 1)).reshape(n, hid),
                        false)
                : RecurrentPrimitives.gru(x, wih, whh, bih, bhh, h0, false);
        out[0].mul(out[0]).sum().backward();
        return new float[][] {
            out[0].toFloatArray(),
            out[1].toFloatArray(),
            x.grad().toFloatArray(),
            wih.grad().toFloatArray(),
            whh.grad().toFloatArray(),
            bih.grad().toFloatArray()
        };
    }

    private static double[] floats(SplittableRandom r, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (float) (scale * r.nextGaussian());
        return v;
    }
}
