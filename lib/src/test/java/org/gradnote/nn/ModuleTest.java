package org.gradnote.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Module registration, traversal, modes, state dicts and printing. */
class ModuleTest {

    /** The courses' Net(100, 10): Linear(100, 55) then Linear(55, 10). */
    static class Net extends Module {
        final Linear hidden;
        final Linear out;

        Net(int in, int classes) {
            hidden = register("hidden", new Linear(in, 55));
            out = register("out", new Linear(55, classes));
        }

        @Override
        public Tensor forward(Tensor x) {
            return out.forward(hidden.forward(x).tanh());
        }
    }

    /** A module with its own parameter, a buffer and a nested child. */
    static class WithBuffer extends Module {
        final Tensor scale = registerParameter("scale", Tensor.ones(DType.FLOAT64, 3));
        final Sequential body = register("body", new Sequential(new Linear(3, 2), Activations.relu()));

        WithBuffer() {
            registerBuffer("running", Tensor.zeros(DType.FLOAT64, 2));
        }

        @Override
        public Tensor forward(Tensor x) {
            return body.forward(x.mul(local("scale")));
        }
    }

    @BeforeEach
    void seed() {
        Gradnote.seed(0);
    }

    @Test
    void namedParametersAreDottedInRegistrationOrder() {
        Net net = new Net(100, 10);
        assertEquals(
                List.of("hidden.weight", "hidden.bias", "out.weight", "out.bias"),
                List.copyOf(net.namedParameters().keySet()));
        assertSame(net.hidden.weight(), net.namedParameters().get("hidden.weight"));
        assertArrayEquals(
                new long[] {55, 100}, net.namedParameters().get("hidden.weight").shape());
        assertArrayEquals(new long[] {10}, net.namedParameters().get("out.bias").shape());
        assertEquals(4, net.parameters().size());
        assertTrue(net.parameters().stream().allMatch(Tensor::requiresGrad));
    }

    @Test
    void parameterCountOfTheCoursesNetIs6115() {
        // 100*55 + 55 + 55*10 + 10
        assertEquals(6_115, new Net(100, 10).parameterCount());
        assertEquals(0, Activations.tanh().parameterCount());
        assertEquals(2 * 3, new Linear(2, 3, false).parameterCount());
    }

    @Test
    void nestedModulesAndParametersOfOwnAndChildren() {
        WithBuffer m = new WithBuffer();
        assertEquals(
                List.of("scale", "body.0.weight", "body.0.bias"),
                List.copyOf(m.namedParameters().keySet()));
        assertEquals(
                List.of("", "body", "body.0", "body.1"),
                List.copyOf(m.namedModules().keySet()));
        assertEquals(List.of("body"), List.copyOf(m.children().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> m.children().clear());
    }

    @Test
    void registeringTwiceOrWithABadNameFails() {
        class Bad extends Module {
            Bad(String second) {
                registerParameter("w", Tensor.zeros(2));
                registerParameter(second, Tensor.zeros(2));
            }

            @Override
            public Tensor forward(Tensor x) {
                return x;
            }
        }
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class, () -> new Bad("w"));
        assertTrue(
                dup.getMessage().contains("'w'") && dup.getMessage().contains("already registered"), dup.getMessage());
        IllegalArgumentException dot = assertThrows(IllegalArgumentException.class, () -> new Bad("a.b"));
        assertTrue(dot.getMessage().contains("a.b"), dot.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Bad(""));
    }

    @Test
    void trainAndEvalRecurseIntoChildren() {
        WithBuffer m = new WithBuffer();
        assertTrue(m.isTraining());
        assertSame(m, m.eval());
        for (Module sub : m.namedModules().values()) assertFalse(sub.isTraining());
        m.train();
        for (Module sub : m.namedModules().values()) assertTrue(sub.isTraining());
        m.body.eval();
        assertTrue(m.isTraining());
        assertFalse(m.body.get(0).isTraining());
    }

    @Test
    void stateDictHasParameterKeysPlusBuffers() {
        WithBuffer m = new WithBuffer();
        Map<String, Tensor> sd = m.stateDict();
        assertEquals(List.of("scale", "running", "body.0.weight", "body.0.bias"), List.copyOf(sd.keySet()));
        assertTrue(sd.keySet().containsAll(m.namedParameters().keySet()));
        assertEquals(m.namedParameters().size() + 1, sd.size());
        Net net = new Net(4, 2);
        assertEquals(net.namedParameters().keySet(), net.stateDict().keySet());
    }

    @Test
    void loadStateDictRoundTripCopiesValues() {
        Net a = new Net(4, 3), b = new Net(4, 3);
        Tensor x = Tensor.randn(5, 4);
        assertFalse(a.forward(x).allClose(b.forward(x), 1e-6, 1e-6));
        Tensor bWeightBefore = b.hidden.weight();
        b.loadStateDict(a.stateDict());
        assertTrue(a.forward(x).allClose(b.forward(x), 0, 0));
        // values copied into b's own tensors, not shared
        assertSame(bWeightBefore, b.hidden.weight());
        assertNotSame(a.hidden.weight(), b.hidden.weight());
        assertTrue(b.hidden.weight().requiresGrad());
        try (var g = Tensor.noGrad()) {
            a.hidden.weight().fill_(0);
        }
        assertFalse(a.forward(x).allClose(b.forward(x), 1e-6, 1e-6));
    }

    @Test
    void loadStateDictWithUnknownNameFailsNamingIt() {
        Net net = new Net(4, 3);
        Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
        sd.put("hiden.weight", sd.remove("hidden.weight"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(sd));
        assertTrue(e.getMessage().contains("unknown parameter name(s) [hiden.weight]"), e.getMessage());
        assertTrue(e.getMessage().contains("missing key(s) [hidden.weight]"), e.getMessage());
    }

    @Test
    void loadStateDictWithMissingKeyFailsNamingIt() {
        Net net = new Net(4, 3);
        Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
        sd.remove("out.bias");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(sd));
        assertTrue(e.getMessage().contains("missing key(s) [out.bias]"), e.getMessage());
        // non-strict loading accepts a partial dict
        net.loadStateDict(sd, false);
    }

    @Test
    void loadStateDictWithWrongShapeFailsNamingKeyAndBothShapes() {
        Net net = new Net(4, 3);
        Map<String, Tensor> sd = new LinkedHashMap<>(net.stateDict());
        sd.put("out.weight", Tensor.zeros(2, 55));
        for (boolean strict : new boolean[] {true, false}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(sd, strict));
            assertTrue(
                    e.getMessage().contains("out.weight")
                            && e.getMessage().contains("[2, 55]")
                            && e.getMessage().contains("[3, 55]"),
                    e.getMessage());
        }
        // nothing was copied when the load failed
        assertFalse(java.util.Arrays.stream(net.out.weight().toDoubleArray()).allMatch(v -> v == 0));
    }

    @Test
    void summaryListsEachParameterAndTheTotal() {
        String s = new Net(100, 10).summary();
        assertTrue(s.startsWith("Net\n"), s);
        assertTrue(s.contains("parameter") && s.contains("shape") && s.contains("count") && s.contains("trainable"), s);
        assertTrue(s.matches("(?s).*hidden\\.weight\\s+\\[55, 100\\]\\s+5,500\\s+yes.*"), s);
        assertTrue(s.matches("(?s).*hidden\\.bias\\s+\\[55\\]\\s+55\\s+yes.*"), s);
        assertTrue(s.matches("(?s).*out\\.weight\\s+\\[10, 55\\]\\s+550\\s+yes.*"), s);
        assertTrue(s.matches("(?s).*out\\.bias\\s+\\[10\\]\\s+10\\s+yes.*"), s);
        assertTrue(s.endsWith("total: 6,115 parameters (6,115 trainable)"), s);
    }

    @Test
    void toStringPrintsTheArchitectureLikePyTorch() {
        Sequential seq = new Sequential(new Linear(2, 3), Activations.tanh());
        assertEquals(
                "Sequential(\n  (0): Linear(in_features=2, out_features=3, bias=True)\n  (1): Tanh()\n)",
                seq.toString());
        assertEquals(
                "Net(\n  (hidden): Linear(in_features=100, out_features=55, bias=True)\n"
                        + "  (out): Linear(in_features=55, out_features=10, bias=True)\n)",
                new Net(100, 10).toString());
        assertEquals("Linear(in_features=3, out_features=1, bias=False)", new Linear(3, 1, false).toString());
        assertEquals("LeakyReLU(negative_slope=0.2)", Activations.leakyRelu(0.2).toString());
        // nested containers are indented
        Sequential nested = new Sequential(new Sequential(Activations.relu()));
        assertEquals("Sequential(\n  (0): Sequential(\n    (0): ReLU()\n  )\n)", nested.toString());
    }

    @Test
    void sequentialGetSizeAndForward() {
        Linear l = new Linear(2, 3);
        Module act = Activations.relu();
        Sequential seq = new Sequential(l).add(act);
        assertSame(l, seq.get(0));
        assertSame(act, seq.get(1));
        assertEquals(2, seq.size());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> seq.get(2));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
        Tensor x = Tensor.randn(4, 2);
        assertTrue(seq.forward(x).allClose(l.forward(x).relu(), 0, 0));
        assertEquals(
                List.of("0.weight", "0.bias"), List.copyOf(seq.namedParameters().keySet()));
    }

    @Test
    void toKeepsTheParameterObjectsSoAnOptimizerBuiltBeforeStillTrainsTheModel() {
        Net net = new Net(4, 2);
        List<Tensor> params = net.parameters();
        org.gradnote.optim.SGD opt = new org.gradnote.optim.SGD(params, 0.1);
        net.to(DType.FLOAT64);
        for (int i = 0; i < params.size(); i++)
            assertSame(params.get(i), net.parameters().get(i));
        double[] before = net.hidden.weight().toDoubleArray();
        opt.zeroGrad();
        net.forward(Tensor.ones(DType.FLOAT64, 3, 4)).sum().backward();
        opt.step();
        assertEquals(DType.FLOAT64, net.hidden.weight().dtype());
        assertFalse(
                java.util.Arrays.equals(before, net.hidden.weight().toDoubleArray()),
                "the step changed the model's weights");
    }

    @Test
    void toFloat64ConvertsEveryParameterAndKeepsThemTrainable() {
        WithBuffer m = new WithBuffer();
        m.to(DType.FLOAT32);
        assertTrue(m.stateDict().values().stream().allMatch(t -> t.dtype() == DType.FLOAT32));
        Net net = new Net(4, 2);
        double[] before = net.hidden.weight().toDoubleArray();
        assertSame(net, net.to(DType.FLOAT64));
        for (Tensor p : net.parameters()) {
            assertEquals(DType.FLOAT64, p.dtype());
            assertTrue(p.requiresGrad());
            assertTrue(p.isLeaf());
        }
        assertArrayEquals(before, net.hidden.weight().toDoubleArray(), 0);
        // the layers use the converted parameters
        Tensor y = net.forward(Tensor.ones(DType.FLOAT64, 1, 4));
        assertEquals(DType.FLOAT64, y.dtype());
        y.sum().backward();
        assertEquals(DType.FLOAT64, net.hidden.weight().grad().dtype());
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Net net = new Net(4, 2);
        net.forward(Tensor.ones(3, 4)).sum().backward();
        assertTrue(net.parameters().stream().allMatch(p -> p.grad() != null));
        net.zeroGrad();
        assertTrue(net.parameters().stream().allMatch(p -> p.grad() == null));
        assertNull(net.out.bias().grad());
    }
}
