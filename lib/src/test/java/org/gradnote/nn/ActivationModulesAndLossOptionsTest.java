package org.gradnote.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.gradnote.tensor.DType;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The new activation modules (printing, Sequential, same values as the Tensor functions) and the loss options' API. */
class ActivationModulesAndLossOptionsTest {
    private final Tensor x = Tensor.of(DType.FLOAT64, -2.5, -1, -0.3, 0, 0.4, 1, 3);

    @Test
    void modulesPrintLikePyTorch() {
        assertEquals("GELU(approximate='none')", new GELU().toString());
        assertEquals("GELU(approximate='tanh')", new GELU("tanh").toString());
        assertEquals("SiLU()", new SiLU().toString());
        assertEquals("ELU(alpha=1.0)", new ELU().toString());
        assertEquals("ELU(alpha=0.5)", new ELU(0.5).toString());
        assertEquals("SELU()", new SELU().toString());
        assertEquals("Mish()", new Mish().toString());
        assertEquals("Hardtanh(min_val=-1.0, max_val=1.0)", new Hardtanh().toString());
        assertEquals(
                "Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): GELU(approximate='none')\n)",
                new Sequential(new Linear(2, 3), new GELU()).toString());
        assertThrows(IllegalArgumentException.class, () -> new GELU("erf"));
        assertThrows(IllegalArgumentException.class, () -> new Hardtanh(2, 1));
    }

    @Test
    void modulesApplyTheTensorFunctions() {
        assertArrayEquals(x.gelu().toDoubleArray(), new GELU().forward(x).toDoubleArray(), 0);
        assertArrayEquals(
                x.gelu("tanh").toDoubleArray(), new GELU("tanh").forward(x).toDoubleArray(), 0);
        assertArrayEquals(x.silu().toDoubleArray(), new SiLU().forward(x).toDoubleArray(), 0);
        assertArrayEquals(x.elu(0.5).toDoubleArray(), new ELU(0.5).forward(x).toDoubleArray(), 0);
        assertArrayEquals(x.selu().toDoubleArray(), new SELU().forward(x).toDoubleArray(), 0);
        assertArrayEquals(x.mish().toDoubleArray(), new Mish().forward(x).toDoubleArray(), 0);
        assertArrayEquals(
                new double[] {-2, -1, -0.3, 0, 0.4, 1, 2},
                new Hardtanh(-2, 2).forward(x).toDoubleArray(),
                0);
        assertEquals(0, new GELU().parameters().size());
    }

    @Test
    void trainingThroughASequentialWithTheNewActivations() {
        org.gradnote.Gradnote.seed(3);
        Sequential net = new Sequential(new Linear(2, 4), new GELU(), new Linear(4, 4), new Mish(), new Linear(4, 1));
        Tensor in = Tensor.randn(8, 2), out = in.sum(1, true).tanh();
        Loss mse = Loss.mse();
        double first = mse.apply(net.forward(in), out).item(), last = first;
        var opt = new org.gradnote.optim.Adam(net.parameters(), 0.05);
        for (int i = 0; i < 60; i++) {
            opt.zeroGrad();
            Tensor loss = mse.apply(net.forward(in), out);
            loss.backward();
            opt.step();
            last = loss.item();
        }
        assertTrue(last < first / 2, "loss " + first + " -> " + last);
    }

    @Test
    void lossFactoriesMatchTheFunctions() {
        Tensor logits = Tensor.of(new double[][] {{1, 2, 0.5}, {0.1, -1, 2}, {0, 0, 0}});
        Tensor labels = Tensor.of(2L, 0, 1);
        Tensor w = Tensor.of(1.0, 2.0, 0.5);
        assertEquals(
                WeightedLosses.crossEntropy(logits, labels, w, 0, 0.1, Reduction.MEAN)
                        .item(),
                Loss.crossEntropy(w, 0, 0.1).apply(logits, labels).item(),
                0);
        // No options: the same as the plain loss.
        assertEquals(
                Losses.crossEntropy(logits, labels, Reduction.SUM).item(),
                Loss.crossEntropy(null, -100, 0, Reduction.SUM)
                        .apply(logits, labels)
                        .item(),
                1e-6);
        Tensor y = Tensor.of(new double[][] {{1, 0, 1}, {0, 0, 1}, {1, 1, 0}});
        assertEquals(
                Losses.bceWithLogits(logits, y, Reduction.MEAN).item(),
                Loss.bceWithLogits(Tensor.ones(3)).apply(logits, y).item(),
                1e-6);
        Tensor lp = logits.logSoftmax(1), p = logits.mul(0.5).softmax(1);
        assertEquals(
                KlDiv.klDiv(lp, p, KlDiv.KlReduction.BATCHMEAN, false).item(),
                Loss.klDiv(KlDiv.KlReduction.BATCHMEAN, false).apply(lp, p).item(),
                0);
    }

    @Test
    void lossOptionErrorsNameTheLossAndShapes() {
        Tensor logits = Tensor.zeros(3, 4);
        String m = assertThrows(
                        ShapeException.class,
                        () -> WeightedLosses.crossEntropy(
                                logits, Tensor.of(0L, 1, 2), Tensor.ones(3), -100, 0, Reduction.MEAN))
                .getMessage();
        assertTrue(m.contains("crossEntropy") && m.contains("[4]") && m.contains("[3]"), m);
        m = assertThrows(
                        IndexOutOfBoundsException.class,
                        () -> WeightedLosses.crossEntropy(logits, Tensor.of(0L, 4, 2), null, -100, 0, Reduction.MEAN))
                .getMessage();
        assertTrue(m.contains("crossEntropy") && m.contains("target 4") && m.contains("4 classes"), m);
        m = assertThrows(
                        ShapeException.class,
                        () -> WeightedLosses.crossEntropy(logits, Tensor.of(0L, 1), null, -100, 0, Reduction.MEAN))
                .getMessage();
        assertTrue(m.contains("[3, 4]") && m.contains("[3]") && m.contains("[2]"), m);
        assertThrows(
                IllegalArgumentException.class,
                () -> WeightedLosses.crossEntropy(logits, Tensor.of(0L, 1, 2), null, -100, 1.5, Reduction.MEAN));
        assertThrows(
                IllegalArgumentException.class,
                () -> WeightedLosses.crossEntropy(logits, Tensor.zeros(3), null, -100, 0, Reduction.MEAN));
        m = assertThrows(
                        ShapeException.class,
                        () -> WeightedLosses.bceWithLogits(logits, Tensor.zeros(3, 4), Tensor.ones(3), Reduction.MEAN))
                .getMessage();
        assertTrue(
                m.contains("bceWithLogits") && m.contains("posWeight") && m.contains("[3]") && m.contains("[3, 4]"), m);
        m = assertThrows(
                        ShapeException.class,
                        () -> KlDiv.klDiv(logits, Tensor.zeros(4, 3), KlDiv.KlReduction.SUM, false))
                .getMessage();
        assertTrue(m.contains("klDiv") && m.contains("[3, 4]") && m.contains("[4, 3]"), m);
    }
}
