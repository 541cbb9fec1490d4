package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.gradnote.Gradnote;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Loss factories against Losses, loss input checks, and penalties with Loss.plus. */
class LossAndPenaltyTest {

    static Tensor m(double[] v, long... shape) {
        return Tensor.fromArray(FLOAT64, v, shape);
    }

    static final Tensor X = m(new double[] {0.2, -1.5, 0.7, 2.0, -0.3, 0.1}, 2, 3);
    static final Tensor PROBS = m(new double[] {0.2, 0.9, 0.6, 0.1, 0.5, 0.7}, 2, 3);
    static final Tensor Y_REAL = m(new double[] {0.0, -1.0, 1.0, 1.5, 0.0, 0.3}, 2, 3);
    static final Tensor Y_BIN = m(new double[] {0, 1, 1, 0, 1, 0}, 2, 3);
    static final Tensor Y_SIGN = m(new double[] {-1, 1, 1, -1, 1, -1}, 2, 3);
    static final Tensor Y_CLASS = Tensor.of(2L, 0L);

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of(
                        "mse",
                        (Object) Loss.mse(Reduction.SUM),
                        fn((x, y) -> Losses.mse(x, y, Reduction.SUM)),
                        X,
                        Y_REAL),
                Arguments.of("mse mean", Loss.mse(), fn((x, y) -> Losses.mse(x, y, Reduction.MEAN)), X, Y_REAL),
                Arguments.of("l1", Loss.l1(), fn((x, y) -> Losses.l1(x, y, Reduction.MEAN)), X, Y_REAL),
                Arguments.of(
                        "huber", Loss.huber(0.5), fn((x, y) -> Losses.huber(x, y, 0.5, Reduction.MEAN)), X, Y_REAL),
                Arguments.of(
                        "crossEntropy",
                        Loss.crossEntropy(),
                        fn((x, y) -> Losses.crossEntropy(x, y, Reduction.MEAN)),
                        X,
                        Y_CLASS),
                Arguments.of(
                        "nll", Loss.nll(), fn((x, y) -> Losses.nll(x, y, Reduction.MEAN)), X.logSoftmax(1), Y_CLASS),
                Arguments.of("bce", Loss.bce(), fn((x, y) -> Losses.bce(x, y, Reduction.MEAN)), PROBS, Y_BIN),
                Arguments.of(
                        "bceWithLogits",
                        Loss.bceWithLogits(),
                        fn((x, y) -> Losses.bceWithLogits(x, y, Reduction.MEAN)),
                        X,
                        Y_BIN),
                Arguments.of("hinge", Loss.hinge(), fn((x, y) -> Losses.hinge(x, y, Reduction.MEAN)), X, Y_SIGN),
                Arguments.of(
                        "logistic", Loss.logistic(), fn((x, y) -> Losses.logistic(x, y, Reduction.MEAN)), X, Y_SIGN));
    }

    static BiFunction<Tensor, Tensor, Tensor> fn(BiFunction<Tensor, Tensor, Tensor> f) {
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void lossFactoriesEqualLossesFunctions(
            String name, Loss loss, BiFunction<Tensor, Tensor, Tensor> f, Tensor x, Tensor y) {
        assertEquals(f.apply(x, y).item(), loss.apply(x, y).item(), 0, name);
        assertEquals(0, loss.apply(x, y).dim(), name + " should reduce to a scalar");
    }

    @Test
    void mseByHand() {
        // (0.2)^2 + (-0.5)^2 + (-0.3)^2 + 0.5^2 + (-0.3)^2 + (-0.2)^2 = 0.04+0.25+0.09+0.25+0.09+0.04 = 0.76
        assertEquals(0.76 / 6, Loss.mse().apply(X, Y_REAL).item(), 1e-12);
        assertEquals(0.76, Loss.mse(Reduction.SUM).apply(X, Y_REAL).item(), 1e-12);
        assertArrayEquals(
                new long[] {2, 3}, Loss.mse(Reduction.NONE).apply(X, Y_REAL).shape());
    }

    @Test
    void crossEntropyByHand() {
        Tensor logits = m(new double[] {0, 0, Math.log(2)}, 1, 3); // softmax = 1/4, 1/4, 1/2
        assertEquals(
                Math.log(2), Loss.crossEntropy().apply(logits, Tensor.of(2L)).item(), 1e-12);
        assertEquals(
                Math.log(4), Loss.crossEntropy().apply(logits, Tensor.of(0L)).item(), 1e-12);
    }

    @Test
    void lossShapeMismatchNamesTheLossAndBothShapes() {
        for (Loss l : new Loss[] {
            Loss.mse(), Loss.l1(), Loss.huber(1), Loss.bce(), Loss.bceWithLogits(), Loss.hinge(), Loss.logistic()
        }) {
            ShapeException e = assertThrows(ShapeException.class, () -> l.apply(PROBS, Tensor.ones(FLOAT64, 3, 2)));
            assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
        }
        ShapeException e = assertThrows(ShapeException.class, () -> Loss.mse().apply(X, Tensor.ones(FLOAT64, 6)));
        assertTrue(e.getMessage().startsWith("mse:"), e.getMessage());
        ShapeException ce =
                assertThrows(ShapeException.class, () -> Loss.crossEntropy().apply(X, Tensor.of(1L, 0L, 2L)));
        assertTrue(
                ce.getMessage().contains("crossEntropy")
                        && ce.getMessage().contains("[2, 3]")
                        && ce.getMessage().contains("[3]"),
                ce.getMessage());
        ShapeException ce1 = assertThrows(
                ShapeException.class, () -> Loss.crossEntropy().apply(Tensor.ones(FLOAT64, 3), Tensor.of(1L)));
        assertTrue(ce1.getMessage().contains("[N, C]"), ce1.getMessage());
    }

    @Test
    void crossEntropyWithFloatTargetsFailsNamingTheDtype() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Loss.crossEntropy().apply(X, Tensor.fromArray(FLOAT64, new double[] {2, 0}, 2)));
        assertTrue(
                e.getMessage().contains("crossEntropy")
                        && e.getMessage().contains("int64")
                        && e.getMessage().contains("float64"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Loss.nll().apply(X, Tensor.of(1.0, 0.0)));
    }

    @Test
    void otherLossInputChecks() {
        IllegalArgumentException bce =
                assertThrows(IllegalArgumentException.class, () -> Loss.bce().apply(X, Y_BIN));
        assertTrue(bce.getMessage().contains("bceWithLogits"), bce.getMessage());
        IllegalArgumentException hinge =
                assertThrows(IllegalArgumentException.class, () -> Loss.hinge().apply(X, Y_BIN));
        assertTrue(hinge.getMessage().contains("-1 or +1"), hinge.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Loss.huber(-1).apply(X, Y_REAL));
    }

    /** A model with one weight matrix and one bias. */
    static Linear layer() {
        Linear l = new Linear(2, 2);
        l.to(FLOAT64);
        try (var g = Tensor.noGrad()) {
            l.weight().copy_(m(new double[] {1, -2, 3, 0.5}, 2, 2));
            l.bias().copy_(m(new double[] {10, -10}, 2));
        }
        return l;
    }

    @Test
    void l2PenaltyValueAndGradientSkipBiasesByDefault() {
        Linear l = layer();
        Tensor p = Penalty.l2(0.1).of(l);
        assertEquals(0.1 * (1 + 4 + 9 + 0.25), p.item(), 1e-12);
        p.backward();
        assertArrayEquals(new double[] {0.2, -0.4, 0.6, 0.1}, l.weight().grad().toDoubleArray(), 1e-12); // 2 lambda w
        assertEquals(null, l.bias().grad());
        l.zeroGrad();
        Tensor withBias = Penalty.l2(0.1).includingBiases().of(l);
        assertEquals(0.1 * (1 + 4 + 9 + 0.25 + 200), withBias.item(), 1e-12);
        withBias.backward();
        assertArrayEquals(new double[] {2, -2}, l.bias().grad().toDoubleArray(), 1e-12);
    }

    @Test
    void l1PenaltyValueAndGradient() {
        Linear l = layer();
        Tensor p = Penalty.l1(0.5).of(l);
        assertEquals(0.5 * (1 + 2 + 3 + 0.5), p.item(), 1e-12);
        p.backward();
        assertArrayEquals(
                new double[] {0.5, -0.5, 0.5, 0.5}, l.weight().grad().toDoubleArray(), 1e-12); // lambda sign(w)
    }

    @Test
    void penaltyRejectsNegativeLambdaAndIsZeroWithoutWeights() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Penalty.l2(-1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Penalty.l1(Double.NaN));
        assertEquals(0, Penalty.l2(1).of(Activations.relu()).item());
    }

    @Test
    void lossPlusPenaltyAddsThePenaltyAtEachCall() {
        Gradnote.seed(3);
        Linear l = layer();
        Tensor x = m(new double[] {1, 2, 3, 4}, 2, 2), y = m(new double[] {0, 0, 0, 0}, 2, 2);
        Loss plain = Loss.mse();
        Loss reg = plain.plus(Penalty.l2(0.01), l);
        double expected =
                plain.apply(l.forward(x), y).item() + Penalty.l2(0.01).of(l).item();
        assertEquals(expected, reg.apply(l.forward(x), y).item(), 1e-12);
        // evaluated at each call: after changing the weights the penalty follows
        try (var g = Tensor.noGrad()) {
            l.weight().mul_(2);
        }
        double expected2 =
                plain.apply(l.forward(x), y).item() + Penalty.l2(0.01).of(l).item();
        assertEquals(expected2, reg.apply(l.forward(x), y).item(), 1e-12);
        // and its gradient includes 2 lambda w
        l.zeroGrad();
        reg.apply(l.forward(x), y).backward();
        double[] withPenalty = l.weight().grad().toDoubleArray();
        l.zeroGrad();
        plain.apply(l.forward(x), y).backward();
        double[] without = l.weight().grad().toDoubleArray();
        double[] w = l.weight().toDoubleArray();
        for (int i = 0; i < w.length; i++) assertEquals(without[i] + 0.02 * w[i], withPenalty[i], 1e-9);
    }

    /** mse keeps its inputs for the backward, as torch's mse_loss: changing the target in place before it is refused. */
    @Test
    void mseBackwardRefusesATargetChangedInPlaceAndMatchesTheFormulaOtherwise() {
        Tensor x = Tensor.randn(FLOAT64, 4, 3).requiresGrad(true), y = Tensor.randn(FLOAT64, 4, 3);
        Tensor loss = Loss.mse().apply(x, y);
        y.add_(1.0);
        RuntimeException e = assertThrows(RuntimeException.class, loss::backward);
        assertTrue(e.getMessage().contains("in-place"), e.getMessage());

        Tensor x2 = x.detach().requiresGrad(true),
                y2 = Tensor.randn(FLOAT64, 4, 3).requiresGrad(true);
        Loss.mse().apply(x2, y2).backward();
        double[] xv = x2.toDoubleArray(),
                yv = y2.toDoubleArray(),
                gx = x2.grad().toDoubleArray(),
                gy = y2.grad().toDoubleArray();
        for (int i = 0; i < xv.length; i++) {
            assertEquals(2 * (xv[i] - yv[i]) / 12, gx[i], 1e-15);
            assertEquals(-gx[i], gy[i], 0.0);
        }
    }
}
