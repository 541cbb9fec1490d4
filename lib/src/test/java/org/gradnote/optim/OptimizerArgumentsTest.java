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
                bad(
                        "AdamW",
                        "beta parameter at index 0",
                        "1.5",
                        p -> new AdamW(p, 1e-3, 1.5, 0.999, 1e-8, 0.01, false)),
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
    void invalidHyperParameterIsNamedWithItsValue(
            String label, String name, String what, String value, Function<List<Tensor>, Optimizer> make) {
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
    void frozenParametersAreAcceptedAndSkipped() {
        Tensor frozen = Tensor.ones(DType.FLOAT64, 3);
        Tensor w = Tensor.ones(DType.FLOAT64, 2).requiresGrad(true);
        Optimizer opt = new Adam(List.of(frozen, w), 0.1);
        w.sum().backward();
        opt.step();
        assertArrayEquals(new double[] {1, 1, 1}, frozen.toDoubleArray(), 0.0);
        assertTrue(w.toDoubleArray()[0] < 1, "the trainable parameter moved");
        // Only the parameter that was updated has state (index 1 over the group).
        assertTrue(
                opt.stateDict().containsKey("state.1.exp_avg")
                        && !opt.stateDict().containsKey("state.0.step"),
                opt.stateDict().keySet().toString());
    }

    static Stream<Arguments> invalidGroups() {
        return Stream.of(
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>) p -> new SGD(
                                List.of(
                                        ParamGroup.of(p),
                                        ParamGroup.of(params()).momentum(-1)),
                                0.1),
                        "SGD: invalid momentum value: -1.0 (must be >= 0) in parameter group 1"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>)
                                p -> new Adam(List.of(ParamGroup.of(p).betas(0.9, 1.5)), 0.1),
                        "Adam: invalid beta parameter at index 1: 1.5 (must be in [0, 1)) in parameter group 0"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>)
                                p -> new SGD(List.of(ParamGroup.of(p).betas(0.9, 0.99)), 0.1),
                        "SGD: unknown option 'beta1' in parameter group 0 (SGD has lr, momentum, dampening, weight_decay, nesterov)"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>) p -> new SGD(
                                List.of(
                                        ParamGroup.of(p),
                                        ParamGroup.of(params()).nesterov(true)),
                                0.1),
                        "SGD: Nesterov momentum requires a momentum > 0 and zero dampening, got momentum=0.0 dampening=0.0 in parameter group 1"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>)
                                p -> new Adagrad(List.of(ParamGroup.of(p).initialAccumulatorValue(0.5)), 0.1),
                        "Adagrad: initial_accumulator_value is the optimizer's, not a parameter group's (got 0.5 in parameter group 0, the optimizer's is 0.0)"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>)
                                p -> new SGD(List.of(ParamGroup.of(p), ParamGroup.of(p)), 0.1),
                        "SGD: parameter 0 of group 1 (shape [2]) appears in more than one parameter group"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>)
                                p -> new SGD(java.util.Map.of("head.weight", p.get(0), "body.weight", p.get(0)), 0.1),
                        "appears in more than one parameter group"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>) p -> new SGD(List.of(p.get(0), ParamGroup.of(p)), 0.1),
                        "SGD: give either tensors or ParamGroups, not both"),
                Arguments.of(
                        (Function<List<Tensor>, Optimizer>)
                                p -> new SGD(java.util.Map.of("body.0.weight", Tensor.of(1L, 2L)), 0.1),
                        "SGD: parameter 'body.0.weight' has dtype int64; only floating-point tensors can be optimized"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidGroups")
    void invalidGroupsAreNamed(Function<List<Tensor>, Optimizer> make, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> make.apply(params()));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void loadStateDictErrorsNameTheParameter() {
        java.util.Map<String, Tensor> named = new java.util.LinkedHashMap<>();
        named.put("body.0.weight", Tensor.ones(DType.FLOAT64, 3, 4).requiresGrad(true));
        named.put("body.0.bias", Tensor.ones(DType.FLOAT64, 4).requiresGrad(true));
        Adam a = new Adam(named, 0.1);
        named.get("body.0.weight").sum().backward();
        a.step();
        java.util.Map<String, Tensor> sd = new java.util.LinkedHashMap<>(a.stateDict());
        sd.put("state.0.exp_avg", Tensor.zeros(DType.FLOAT64, 4, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.loadStateDict(sd));
        assertEquals(
                "Adam: loaded state 'exp_avg' of parameter 'body.0.weight' has shape [4, 3], the parameter has shape [3, 4]",
                e.getMessage());
        // A refused dict leaves the optimizer as it was.
        assertEquals(1L, (long) a.stateDict().get("state.0.step").item());

        IllegalArgumentException groups = assertThrows(
                IllegalArgumentException.class,
                () -> new Adam(List.of(ParamGroup.of(params()), ParamGroup.of(params())), 0.1)
                        .loadStateDict(a.stateDict()));
        assertEquals("Adam: loaded state dict has 1 parameter groups, this optimizer has 2", groups.getMessage());
        IllegalArgumentException size = assertThrows(
                IllegalArgumentException.class, () -> new Adam(params(), 0.1).loadStateDict(a.stateDict()));
        assertEquals("Adam: loaded parameter group 0 has 2 parameters, this optimizer's has 1", size.getMessage());
        IllegalArgumentException other =
                assertThrows(IllegalArgumentException.class, () -> new SGD(named, 0.1).loadStateDict(a.stateDict()));
        assertTrue(
                other.getMessage()
                        .startsWith("SGD: loaded parameter group 0 has option 'beta1' that SGD does not have"),
                other.getMessage());
        java.util.Map<String, Tensor> bad = new java.util.LinkedHashMap<>(a.stateDict());
        bad.put("param_groups.0.lr", Tensor.of(-1.0));
        IllegalArgumentException lr =
                assertThrows(IllegalArgumentException.class, () -> new Adam(named, 0.1).loadStateDict(bad));
        assertTrue(lr.getMessage().contains("invalid learning rate: -1.0"), lr.getMessage());
    }

    @Test
    void groupsHaveTheirOwnOptionsAndSetLrSetsThemAll() {
        Optimizer opt = new SGD(List.of(ParamGroup.of(params()).lr(0.01), ParamGroup.of(params())), 0.1, 0.9);
        assertEquals(0.01, opt.paramGroups().get(0).lr());
        assertEquals(0.1, opt.paramGroups().get(1).lr());
        assertEquals(0.9, opt.paramGroups().get(0).get("momentum"));
        opt.addParamGroup(ParamGroup.of(params()).momentum(0.5));
        assertEquals(0.5, opt.paramGroups().get(2).get("momentum"));
        assertEquals(0.1, opt.paramGroups().get(2).lr());
        opt.setLr(0.3);
        for (ParamGroup g : opt.paramGroups()) assertEquals(0.3, g.lr());
        assertThrows(
                IllegalArgumentException.class, () -> opt.paramGroups().get(0).lr(-1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> opt.addParamGroup(ParamGroup.of(params()).dampening(-2)));
        assertEquals("SGD: invalid dampening value: -2.0 (must be >= 0) in parameter group 3", e.getMessage());
        assertEquals(3, opt.paramGroups().size());
    }

    @Test
    void schedulerArgumentsAreChecked() {
        Optimizer opt = new SGD(params(), 0.1, 0.9);
        assertThrows(IllegalArgumentException.class, () -> LRScheduler.linear(opt, 0, 1, 5), "start_factor 0");
        assertThrows(IllegalArgumentException.class, () -> LRScheduler.linear(opt, 0.5, 1.5, 5), "end_factor 1.5");
        assertThrows(
                IllegalArgumentException.class,
                () -> LRScheduler.lambda(opt, List.of(e -> 1.0, e -> 1.0)),
                "two lambdas, one group");
        assertThrows(
                IllegalArgumentException.class,
                () -> OneCycleLR.of(opt, 0.1, 10).pctStart(1.5));
        assertThrows(IllegalArgumentException.class, () -> OneCycleLR.of(opt, 0.1, 0));
        IllegalArgumentException f = assertThrows(
                IllegalArgumentException.class, () -> ReduceLROnPlateau.min(opt).factor(1.0));
        assertTrue(f.getMessage().contains("factor") && f.getMessage().contains("1.0"), f.getMessage());
        OneCycleLR one = OneCycleLR.of(opt, 0.1, 3);
        for (int i = 0; i < 3; i++) one.step();
        IllegalStateException over = assertThrows(IllegalStateException.class, one::step);
        assertTrue(over.getMessage().contains("total steps is 3"), over.getMessage());
        assertThrows(IllegalStateException.class, () -> one.pctStart(0.5), "configured after stepping");
        // Configuring before the first step re-applies step 0: the momentum is the cycle's maximum again.
        Optimizer sgd = new SGD(params(), 0.1, 0.9);
        OneCycleLR.of(sgd, 0.1, 10).momentum(0.8, 0.92);
        assertEquals(0.92, sgd.paramGroups().get(0).get("momentum"));
        Optimizer sgd2 = new SGD(params(), 0.1, 0.9);
        OneCycleLR.of(sgd2, 0.1, 10).noMomentumCycle();
        assertEquals(0.9, sgd2.paramGroups().get(0).get("momentum"), "momentum left alone restores the optimizer's");
        assertEquals(0.004, sgd2.lr(), 1e-15);
    }

    @Test
    void aGradientOfAnotherFloatTypeIsCastToTheParameters() {
        for (java.util.function.Function<List<Tensor>, Optimizer> make :
                List.<java.util.function.Function<List<Tensor>, Optimizer>>of(
                        p -> new SGD(p, 0.1, 0.9),
                        p -> new Adam(p, 0.1),
                        p -> new RMSprop(p, 0.1),
                        p -> new NAdam(p, 0.1),
                        p -> new Adagrad(p, 0.1))) {
            Tensor w = Tensor.ones(DType.FLOAT32, 3).requiresGrad(true),
                    v = Tensor.ones(DType.FLOAT32, 3).requiresGrad(true);
            Optimizer a = make.apply(List.of(w)), b = make.apply(List.of(v));
            for (int k = 0; k < 3; k++) {
                w.setGrad(Tensor.of(DType.FLOAT64, 0.5, -1, 2));
                v.setGrad(Tensor.of(DType.FLOAT32, 0.5, -1, 2));
                a.step();
                b.step();
            }
            assertEquals(DType.FLOAT32, w.dtype());
            assertArrayEquals(v.toDoubleArray(), w.toDoubleArray(), 0.0, a.name());
        }
    }

    @Test
    void aParameterReplacedAfterSteppingIsNamedOrFollowed() {
        java.util.Map<String, Tensor> named = new java.util.LinkedHashMap<>();
        Tensor w = Tensor.ones(DType.FLOAT32, 3, 4).requiresGrad(true);
        named.put("body.0.weight", w);
        Adam opt = new Adam(named, 0.1);
        w.sum().backward();
        opt.step();
        // A new dtype (Module.to): the moments follow it and the run goes on.
        w.setData(w.detach().to(DType.FLOAT64));
        w.setGrad(Tensor.ones(DType.FLOAT64, 3, 4));
        opt.step();
        assertEquals(DType.FLOAT64, w.dtype());
        assertEquals(DType.FLOAT64, opt.stateDict().get("state.0.exp_avg").dtype());
        assertTrue(w.toDoubleArray()[0] < 0.85, "two steps of 0.1: " + w.toDoubleArray()[0]);
        // A new shape: the state no longer fits, and the message names the parameter.
        w.setData(Tensor.zeros(DType.FLOAT64, 4, 3));
        w.setGrad(Tensor.ones(DType.FLOAT64, 4, 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, opt::step);
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "Adam: parameter 'body.0.weight' has shape [4, 3] but its optimizer state was made for shape [3, 4]"),
                e.getMessage());
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
