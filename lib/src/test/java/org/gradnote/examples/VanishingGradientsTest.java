package org.gradnote.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradnote.Gradnote;
import org.gradnote.nn.RNN;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The lab's vanishing-gradient curve: right values (finite differences) and the decay the course shows. */
class VanishingGradientsTest {
    @Test
    void tanhRnnGradientVanishesWithDistance() {
        double[] n = VanishingGradients.tanhRnn(40, 16, 0);
        assertEquals(40, n.length);
        // Ten steps back cost at least a factor of 10 each time, and 30 steps back more than a million.
        for (int back = 10; back <= 30; back += 10) {
            assertTrue(n[39 - back] < n[39 - back + 10] / 10, "norms " + java.util.Arrays.toString(n));
        }
        assertTrue(n[9] < 1e-6 * n[39], "norms " + java.util.Arrays.toString(n));
    }

    @Test
    void normsAreTheJacobiansByFiniteDifferences() {
        Gradnote.seed(3);
        RNN rnn = new RNN(2, 3, 1, "tanh", true, true);
        rnn.to(DType.FLOAT64);
        Tensor x = Tensor.randn(DType.FLOAT64, 1, 4, 2);
        double[] norms = VanishingGradients.jacobianNorms(rnn, x);
        double eps = 1e-6;
        for (int t = 0; t < 4; t++) {
            double sq = 0;
            for (int i = 0; i < 2; i++) {
                double[] v = x.toDoubleArray();
                v[t * 2 + i] += eps;
                double[] plus = last(rnn, v);
                v[t * 2 + i] -= 2 * eps;
                double[] minus = last(rnn, v);
                for (int k = 0; k < 3; k++) sq += Math.pow((plus[k] - minus[k]) / (2 * eps), 2);
            }
            assertEquals(Math.sqrt(sq), norms[t], 1e-7, "step " + t);
        }
    }

    private static double[] last(RNN rnn, double[] x) {
        try (var g = Tensor.noGrad()) {
            return rnn.run(Tensor.fromArray(DType.FLOAT64, x, 1, 4, 2)).hidden().toDoubleArray();
        }
    }
}
