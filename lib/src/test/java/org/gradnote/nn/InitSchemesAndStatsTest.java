package org.gradnote.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** InitSchemes reach the variance they promise, and ActivationStats shows what each promises for a deep net. */
class InitSchemesAndStatsTest {

    @BeforeEach
    void seed() {
        Gradnote.seed(3);
    }

    static Sequential deep(Module activation, int depth, int width) {
        Sequential s = new Sequential();
        for (int i = 0; i < depth; i++) s.add(new Linear(width, width)).add(activation);
        return s;
    }

    @Test
    void schemesSetWeightSpreadAndZeroBiases() {
        Sequential m =
                new Sequential(new Linear(400, 100), Activations.relu(), new Linear(100, 50), new BatchNorm1d(50));
        InitSchemes.kaiming(m);
        assertEquals(
                Math.sqrt(2.0 / 400), InitTest.std(m.namedParameters().get("0.weight")), 0.05 * Math.sqrt(2.0 / 400));
        assertEquals(
                Math.sqrt(2.0 / 100), InitTest.std(m.namedParameters().get("2.weight")), 0.05 * Math.sqrt(2.0 / 100));
        assertEquals(0, m.namedParameters().get("0.bias").abs().sum().item());
        // The batch norm's scale is a 1-d "weight": it must stay at 1.
        assertEquals(50, m.namedParameters().get("3.weight").sum().item(), 1e-6);
        InitSchemes.xavier(m);
        assertEquals(
                Math.sqrt(2.0 / 500), InitTest.std(m.namedParameters().get("0.weight")), 0.05 * Math.sqrt(2.0 / 500));
        InitSchemes.naive(m, 1.0);
        assertEquals(1.0, InitTest.std(m.namedParameters().get("2.weight")), 0.05);
    }

    @Test
    void refusesModelsWithoutWeights() {
        assertThrows(IllegalArgumentException.class, () -> InitSchemes.xavier(new Sequential(Activations.relu())));
    }

    @Test
    void kaimingKeepsReluSignalWhileNaiveExplodesAndSmallVanishes() {
        Tensor x = Tensor.randn(256, 100);
        double[] kaiming =
                ActivationStats.stds(ActivationStats.of(InitSchemes.kaiming(deep(Activations.relu(), 10, 100)), x));
        double[] small =
                ActivationStats.stds(ActivationStats.of(InitSchemes.naive(deep(Activations.relu(), 10, 100), 0.01), x));
        double[] big =
                ActivationStats.stds(ActivationStats.of(InitSchemes.naive(deep(Activations.relu(), 10, 100), 1.0), x));
        assertEquals(20, kaiming.length);
        double last = kaiming[kaiming.length - 1];
        assertTrue(last > 0.3 && last < 3, "kaiming std after 10 ReLU layers: " + last);
        assertTrue(small[small.length - 1] < 1e-6, "N(0, 0.01²) should vanish: " + small[small.length - 1]);
        assertTrue(big[big.length - 1] > 1e6, "N(0, 1) should explode: " + big[big.length - 1]);
    }

    @Test
    void statsOfOneLayerAndTypeFilter() {
        Sequential m = new Sequential(new Linear(2, 2), Activations.relu());
        Tensor w = m.namedParameters().get("0.weight");
        try (var g = Tensor.noGrad()) {
            w.copy_(Tensor.of(new double[][] {{1, 0}, {0, -1}}));
            m.namedParameters().get("0.bias").fill_(0);
        }
        // Linear output [[1, -2], [3, -4]]; ReLU output [[1, 0], [3, 0]].
        List<ActivationStats.Layer> all = ActivationStats.of(m, Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        assertEquals(-0.5, all.get(0).mean(), 1e-9);
        assertEquals(1.0, all.get(1).mean(), 1e-9);
        assertEquals(Math.sqrt(1.5), all.get(1).std(), 1e-6);
        assertEquals(0.5, all.get(1).zeroFraction(), 1e-9);
        List<ActivationStats.Layer> relu = ActivationStats.of(m, Tensor.of(new double[][] {{1, 2}, {3, 4}}), "ReLU");
        assertEquals("Linear", all.get(0).type());
        ActivationStats.Layer any = ActivationStats.describe(Tensor.of(0.0, 0.0, 3.0, -3.0));
        assertEquals(0.0, any.mean(), 1e-12);
        assertEquals(Math.sqrt(4.5), any.std(), 1e-9);
        assertEquals(0.5, any.zeroFraction(), 1e-12);
        assertEquals(1, relu.size());
        assertEquals(1, relu.get(0).index());
    }
}
