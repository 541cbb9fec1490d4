package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.Updates;
import org.junit.jupiter.api.Test;

/** The Java loop of SGD's momentum step (Updates.sgdMomentum) gives the very bits of the tensor ops it replaces. */
class DenseLoopTest {
    private static long[] bits(Tensor t) {
        double[] v = t.toDoubleArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Double.doubleToRawLongBits(v[i]);
        return out;
    }

    @Test
    void sgdMomentumMatchesTheTensorRuleBitForBit() {
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (double wd : new double[] {0, 0.01}) {
                for (boolean nesterov : new boolean[] {false, true}) {
                    Gradnote.seed(3);
                    Tensor p = Tensor.randn(type, 30, 20).requiresGrad(true);
                    SGD sgd = new SGD(List.of(p), 0.1, 0.9, 0, wd, nesterov);
                    ParamGroup group = sgd.paramGroups().get(0);
                    Optimizer.State fast = new Optimizer.State(type, p.shape()),
                            slow = new Optimizer.State(type, p.shape());
                    try (var ng = Tensor.noGrad()) {
                        for (int step = 0; step < 5; step++) {
                            Tensor g = Tensor.randn(type, 30, 20);
                            long[] a = bits(sgd.update(p, g, fast, group)),
                                    b = bits(sgd.general(p, g, slow, 0.1, 0.9, 0, wd, nesterov));
                            String tag = type + " wd=" + wd + " nesterov=" + nesterov + " step " + step;
                            assertArrayEquals(b, a, tag);
                            assertArrayEquals(
                                    bits(slow.get("momentum_buffer")), bits(fast.get("momentum_buffer")), tag);
                        }
                    }
                    assertFalse(Updates.denseAlike(p.t(), p), "a transposed view takes the tensor path");
                }
            }
        }
    }

    /** ND4J's strides for a size-1 dimension ([9, 9, 3, 1] for LeNet's first weight) are still dense. */
    @Test
    void unitDimensionsDoNotSendAParameterDownTheSlowPath() {
        Tensor p = Tensor.randn(6, 1, 3, 3);
        assertTrue(Updates.denseAlike(p, Updates.zerosLike(p), Updates.copyOf(p)));
        assertFalse(
                Updates.denseAlike(p.permute(1, 0, 2, 3).reshape(6, 1, 3, 3).permute(0, 1, 3, 2)),
                "a permuted view is not");
    }
}
