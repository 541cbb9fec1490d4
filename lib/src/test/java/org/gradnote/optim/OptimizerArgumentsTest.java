package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every optimizer constructor rejects invalid hyper-parameters with a message naming the optimizer and the value. */
class OptimizerArgumentsTest {

    static List<Tensor> params() {
        return List.of(Tensor.ones(DType.FLOAT64, 2).requiresGrad(true));
    }

    static Arguments bad(String name, String what, String value, Function<List<Tensor>, Optimizer> make) {
        return Arguments.of(name + " " + what + "=" + value, name, what, value, make);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("SGD", "learning rate", "-0.1", p -> new SGD(p, -0.1)),
                bad("SGD", "learning rate", "NaN", p -> new SGD(p, Double.NaN)),
                bad("SGD", "momentum", "-0.5", p -> new SGD(p, 0.1, -0.5)),
                bad("SGD", "weight_decay", "-1.0", p -> new SGD(p, 0.1, 0, 0, -1, false)),
                bad("SGD", "Nesterov", "0.0", p -> new SGD(p, 0.1, 0, 0, 0, true)),
                bad("Adam", "learning rate", "-0.001", p -> new Adam(p, -0.001)),
                bad("Adam", "beta parameter at index 0", "1.0", p -> new Adam(p, 1e-3, 1.0, 0.999, 1e-8, 0, false)),
                bad("Adam", "beta parameter at index 1", "-0.1", p -> new Adam(p, 1e-3, 0.9, -0.1, 1e-8, 0, false)),
                bad("Adam", "epsilon", "-1.0E-8", p -> new Adam(p, 1e-3, 0.9, 0.999, -1e-8, 0, false)),
                bad("AdamW", "learning rate", "-1.0", p -> new AdamW(p, -1)),
                bad("AdamW", "beta parameter at index 0", "1.5", p -> new AdamW(p, 1e-3, 1.5, 0.999, 1e-8, 0.01, false)),
                bad("AdamW", "weight_decay", "-0.01", p -> new AdamW(p, 1e-3, 0.9, 0.999, 1e-8, -0.01, false)),
                bad("RMSprop", "learning rate", "-0.01", p -> new RMSprop(p, -0.01)),
                bad("RMSprop", "alpha", "-0.99", p -> new RMSprop(p, 0.01, -0.99, 1e-8, 0, 0, false)),
                bad("RMSprop", "momentum", "-0.9", p -> new RMSprop(p, 0.01, 0.99, 1e-8, 0, -0.9, false)),
                bad("Adagrad", "learning rate", "-0.01", p -> new Adagrad(p, -0.01)),
                bad("Adagrad", "lr_decay", "-1.0", p -> new Adagrad(p, 0.01, -1, 0, 0, 1e-10)),
                bad("NAdam", "learning rate", "-0.002", p -> new NAdam(p, -0.002)),
                bad("NAdam", "beta parameter at index 1", "1.0", p -> new NAdam(p, 2e-3, 0.9, 1.0, 1e-8, 0, 4e-3)),
                bad("NAdam", "momentum_decay", "-0.004", p -> new NAdam(p, 2e-3, 0.9, 0.999, 1e-8, 0, -4e-3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidHyperParameterIsNamedWithItsValue(String label, String name, String what, String value, Function<List<Tensor>, Optimizer> make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make.apply(params()));
        String m = e.getMessage();
        assertTrue(m.startsWith(name + ":"), m);
        assertTrue(m.contains(what), m);
        assertTrue(m.contains(value), m);
    }

    @Test
    void emptyParameterListIsRefused() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(), 0.1));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void setLrValidatesToo() {
        Optimizer opt = new SGD(params(), 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> opt.setLr(-2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
        assertEquals(0.1, opt.lr());
        opt.setLr(0.5);
        assertEquals(0.5, opt.lr());
    }

    @Test
    void validBoundaryValuesAreAccepted() {
        new SGD(params(), 0);
        new Adam(params(), 1e-3, 0, 0, 0, 0, true);
        new SGD(params(), 0.1, 0.9, 0, 0, true);
    }

    @Test
    void plainSgdStepAndZeroGrad() {
        Tensor w = Tensor.fromArray(DType.FLOAT64, new double[] {1, 2}, 2).requiresGrad(true);
        Optimizer opt = new SGD(List.of(w), 0.1);
        w.square().sum().backward(); // grad 2w = (2, 4)
        opt.step();
        assertArrayEquals(new double[] {0.8, 1.6}, w.toDoubleArray(), 1e-12);
        assertEquals(1, opt.stepCount());
        opt.zeroGrad();
        assertEquals(null, w.grad());
        opt.step(); // no gradient: no change
        assertArrayEquals(new double[] {0.8, 1.6}, w.toDoubleArray(), 1e-12);
        assertTrue(w.isLeaf() && w.requiresGrad());
    }
}
