package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Adam's Java loop against libnd4j's adam_updater, bit for bit, over thousands of steps. */
class AdamLoopTest {
    private static Tensor random(SplittableRandom r, DType t, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * scale * Math.pow(10, r.nextInt(-4, 2));
        return Updates.copyOf(Tensor.fromArray(t, v, n));
    }

    private static long[] bits(Tensor a) {
        double[] d = a.toDoubleArray();
        long[] out = new long[d.length];
        for (int i = 0; i < out.length; i++) out[i] = Double.doubleToRawLongBits(d[i]);
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT32,0.001,0.9,0.999,1e-8",
        "FLOAT64,0.001,0.9,0.999,1e-8",
        "FLOAT32,0.1,0.5,0.6,1e-3",
        "FLOAT64,0.03,0.0,0.99,1e-6",
        "FLOAT32,0.01,0.95,0.9999,1e-8"
    })
    void javaLoopGivesTheNativeUpdatersBits(DType type, double lr, double beta1, double beta2, double eps) {
        SplittableRandom r = new SplittableRandom(11);
        int n = 37;
        Tensor zero = Tensor.zeros(type, n);
        Tensor mJ = Updates.zerosLike(zero), vJ = Updates.zerosLike(zero), outJ = Updates.zerosLike(zero);
        Tensor mN = Updates.zerosLike(zero), vN = Updates.zerosLike(zero), outN = Updates.zerosLike(zero);
        // The native adam_updater, as the optimizer calls it off the loop path.
        Updates.AdamKernel op = new Updates.AdamKernel();
        BetaPowers powers = new BetaPowers(beta1, beta2);
        for (long t = 1; t <= 3100; t++) {
            Tensor g = random(r, type, n, 1.0);
            double epsT = eps * Math.sqrt(1 - Math.pow(beta2, t));
            boolean ran = Updates.adamLoop(
                    g, vJ, mJ, outJ, lr, beta1, beta2, epsT, powers.get(type, 0, t), powers.get(type, 1, t));
            assertTrue(ran, "the loop refused dense " + type + " arrays");
            op.step(g, vN, mN, outN, lr, beta1, beta2, epsT, t);
            String tag = type + " step " + t;
            assertArrayEquals(bits(mN), bits(mJ), tag + " first moment");
            assertArrayEquals(bits(vN), bits(vJ), tag + " second moment");
            assertArrayEquals(bits(outN), bits(outJ), tag + " update");
        }
    }
}
