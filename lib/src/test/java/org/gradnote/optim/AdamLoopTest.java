package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Adam's Java loop against libnd4j's adam_updater, bit for bit, over thousands of steps. */
class AdamLoopTest {
    private static INDArray random(SplittableRandom r, DataType t, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextGaussian() * scale * Math.pow(10, r.nextInt(-4, 2));
        return Nd4j.createFromArray(v).castTo(t);
    }

    private static long[] bits(INDArray a) {
        INDArray d = a.castTo(DataType.DOUBLE);
        long[] out = new long[(int) d.length()];
        for (int i = 0; i < out.length; i++) out[i] = Double.doubleToRawLongBits(d.getDouble(i));
        return out;
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT,0.001,0.9,0.999,1e-8",
        "DOUBLE,0.001,0.9,0.999,1e-8",
        "FLOAT,0.1,0.5,0.6,1e-3",
        "DOUBLE,0.03,0.0,0.99,1e-6",
        "FLOAT,0.01,0.95,0.9999,1e-8"
    })
    void javaLoopGivesTheNativeUpdatersBits(DataType type, double lr, double beta1, double beta2, double eps)
            throws Exception {
        Tensor.defaultDType();
        SplittableRandom r = new SplittableRandom(11);
        int n = 37;
        INDArray mJ = Nd4j.zeros(type, n), vJ = Nd4j.zeros(type, n), outJ = Nd4j.zeros(type, n);
        INDArray mN = Nd4j.zeros(type, n), vN = Nd4j.zeros(type, n), outN = Nd4j.zeros(type, n);
        DynamicCustomOp op = DynamicCustomOp.builder("adam_updater").build();
        BetaPowers powers = new BetaPowers(beta1, beta2);
        for (long t = 1; t <= 3100; t++) {
            INDArray g = random(r, type, n, 1.0);
            double epsT = eps * Math.sqrt(1 - Math.pow(beta2, t));
            DType dt = type == DataType.FLOAT ? DType.FLOAT32 : DType.FLOAT64;
            Updates.adamLoop(
                    Tensor.wrap(g),
                    Tensor.wrap(vJ),
                    Tensor.wrap(mJ),
                    Tensor.wrap(outJ),
                    lr,
                    beta1,
                    beta2,
                    epsT,
                    powers.get(dt, 0, t),
                    powers.get(dt, 1, t));
            var ctx = Nd4j.getExecutioner().buildContext();
            ctx.setInputArrays(g, vN, mN);
            ctx.setOutputArrays(outN, vN, mN);
            ctx.setTArguments(lr, beta1, beta2, epsT);
            ctx.setIArguments(t - 1);
            Nd4j.exec(op, ctx);
            ctx.close();
            String tag = type + " step " + t;
            assertArrayEquals(bits(mN), bits(mJ), tag + " first moment");
            assertArrayEquals(bits(vN), bits(vJ), tag + " second moment");
            assertArrayEquals(bits(outN), bits(outJ), tag + " update");
        }
    }
}
