package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The Java loop of SGD's momentum step gives the very bits of the ND4J calls it replaces. */
class DenseLoopTest {
    @Test
    void sgdMomentumMatchesTheNd4jRuleBitForBit() {
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (double wd : new double[] {0, 0.01}) {
                for (boolean nesterov : new boolean[] {false, true}) {
                    Gradnote.seed(3);
                    Tensor p = Tensor.randn(type, 30, 20).requiresGrad(true);
                    SGD sgd = new SGD(List.of(p), 0.1, 0.9, 0, wd, nesterov);
                    Optimizer.State fast = new Optimizer.State(), slow = new Optimizer.State();
                    for (int step = 0; step < 5; step++) {
                        INDArray g = Tensor.randn(type, 30, 20).array();
                        INDArray a = sgd.update(p.array(), g, fast).dup(), b = sgd.updateNd4j(p.array(), g, slow).dup();
                        String tag = type + " wd=" + wd + " nesterov=" + nesterov + " step " + step;
                        assertArrayEquals(b.dup().reshape(-1).toDoubleVector(), a.dup().reshape(-1).toDoubleVector(), 0.0, tag);
                        assertArrayEquals(slow.get("momentum_buffer").dup().reshape(-1).toDoubleVector(), fast.get("momentum_buffer").dup().reshape(-1).toDoubleVector(), 0.0, tag);
                    }
                    assertFalse(DenseLoop.applies(p.array().transpose(), p.array()), "a transposed view takes the ND4J path");
                }
            }
        }
    }

    /** ND4J's strides for a size-1 dimension ([9, 9, 3, 1] for LeNet's first weight) are still dense. */
    @Test
    void unitDimensionsDoNotSendAParameterDownTheSlowPath() {
        Tensor p = Tensor.randn(6, 1, 3, 3);
        org.junit.jupiter.api.Assertions.assertTrue(DenseLoop.applies(p.array(), p.array().ulike(), p.array().dup()));
        assertFalse(DenseLoop.applies(p.array().permute(1, 0, 2, 3).reshape(6, 1, 3, 3).permute(0, 1, 3, 2)), "a permuted view is not");
    }
}
