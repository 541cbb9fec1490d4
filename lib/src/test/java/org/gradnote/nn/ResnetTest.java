package org.gradnote.nn;

import static org.gradnote.Fixtures.assertClose;
import static org.gradnote.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.GradCheck;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BasicBlock against PyTorch (resnet.json from make_resnet_fixtures.py) and finite differences, and what transfer
 * learning needs from modules: freezing, replacing a head, non-strict state loading.
 */
class ResnetTest {
    private static final JsonObject FX = load("resnet.json");
    static final double REL = 1e-9;

    static Iterable<String> cases() {
        return FX.keySet();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void basicBlockMatchesPyTorch(String name) {
        JsonObject c = FX.getAsJsonObject(name);
        BasicBlock m = new BasicBlock(
                c.get("in").getAsLong(),
                c.get("out").getAsLong(),
                c.get("stride").getAsInt());
        m.to(DType.FLOAT64);
        assertEquals(c.get("projection").getAsBoolean(), m.hasProjection());
        assertEquals(c.getAsJsonObject("state").keySet(), m.stateDict().keySet(), name + ": torchvision's keys");
        m.loadStateDict(LayerParityTest.state(c.getAsJsonObject("state")));
        m.train(c.get("train").getAsBoolean());
        Tensor x = LayerParityTest.tensor(c.get("input")).requiresGrad(true);
        Tensor y = m.forward(x);
        Tensor expected = LayerParityTest.tensor(c.get("output"));
        assertArrayEquals(expected.shape(), y.shape(), name + " output shape");
        assertClose(name + " output", expected.toDoubleArray(), y.toDoubleArray(), REL);
        y.backward(LayerParityTest.tensor(c.get("grad_out")));
        assertClose(
                name + " input grad",
                LayerParityTest.tensor(c.get("input_grad")).toDoubleArray(),
                x.grad().toDoubleArray(),
                REL);
        JsonObject pg = c.getAsJsonObject("param_grads");
        Map<String, Tensor> params = m.namedParameters();
        assertEquals(pg.keySet(), params.keySet());
        for (String p : pg.keySet()) {
            assertClose(
                    name + " grad of " + p,
                    LayerParityTest.tensor(pg.get(p)).toDoubleArray(),
                    params.get(p).grad().toDoubleArray(),
                    REL);
        }
        Map<String, Tensor> after = LayerParityTest.state(c.getAsJsonObject("state_after")), mine = m.stateDict();
        for (String k : after.keySet())
            assertClose(
                    name + " " + k + " after the call",
                    after.get(k).toDoubleArray(),
                    mine.get(k).toDoubleArray(),
                    REL);
    }

    /** The block's input and every parameter as gradcheck inputs: perturbing them in place moves the module. */
    static void gradCheck(String name, BasicBlock block, long... xShape) {
        block.to(DType.FLOAT64);
        List<Tensor> inputs = new ArrayList<>();
        inputs.add(Tensor.randn(DType.FLOAT64, xShape).requiresGrad(true));
        inputs.addAll(block.parameters());
        GradCheck.check(name, t -> block.forward(t[0]), inputs.toArray(new Tensor[0]));
    }

    @Test
    void basicBlockGradientsMatchFiniteDifferences() {
        Gradnote.seed(5);
        gradCheck("identity block, train", new BasicBlock(2), 3, 2, 4, 4);
        gradCheck("projection block stride 2, train", new BasicBlock(2, 3, 2), 3, 2, 5, 5);
        BasicBlock evalBlock = new BasicBlock(2, 3, 1);
        evalBlock.forward(Tensor.randn(4, 2, 4, 4)); // running statistics away from 0 and 1
        evalBlock.eval();
        gradCheck("projection block, eval", evalBlock, 2, 2, 4, 4);
    }

    @Test
    void basicBlockShapesAndErrors() {
        assertArrayEquals(
                new long[] {2, 8, 4, 4},
                new BasicBlock(4, 8, 2).forward(Tensor.randn(2, 4, 8, 8)).shape());
        assertArrayEquals(
                new long[] {2, 4, 8, 8},
                new BasicBlock(4).forward(Tensor.randn(2, 4, 8, 8)).shape());
        assertFalse(new BasicBlock(4).hasProjection());
        assertTrue(new BasicBlock(4, 4, 2).hasProjection());
        var e = assertThrows(ShapeException.class, () -> new BasicBlock(4).forward(Tensor.randn(2, 3, 8, 8)));
        assertTrue(e.getMessage().contains("[2, 3, 8, 8]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BasicBlock(4, 4, 0));
        assertEquals(
                "BasicBlock(4, 8, stride=2", new BasicBlock(4, 8, 2).toString().split("\n")[0]);
    }

    @Test
    void frozenParametersGetNoGradientAndDoNotMove() {
        Gradnote.seed(1);
        Sequential net = new Sequential(new Linear(3, 4), Activations.relu(), new Linear(4, 2));
        net.get(0).freeze();
        assertFalse(net.get(0).parameters().get(0).requiresGrad());
        assertTrue(net.get(2).parameters().get(0).requiresGrad());
        assertTrue(net.summary().contains("no"), net.summary());
        double[] before = net.get(0).parameters().get(0).toDoubleArray();
        double[] headBefore = net.get(2).parameters().get(0).toDoubleArray();
        SGD opt = new SGD(net.parameters(), 0.5);
        opt.zeroGrad();
        net.forward(Tensor.randn(5, 3)).square().sum().backward();
        assertNull(net.get(0).parameters().get(0).grad(), "a frozen weight gets no gradient");
        opt.step();
        assertArrayEquals(before, net.get(0).parameters().get(0).toDoubleArray());
        assertFalse(java.util.Arrays.equals(
                headBefore, net.get(2).parameters().get(0).toDoubleArray()));
        net.unfreeze();
        assertTrue(net.parameters().stream().allMatch(Tensor::requiresGrad));
        net.forward(Tensor.randn(5, 3)).square().sum().backward();
        assertNotNull(net.get(0).parameters().get(0).grad());
    }

    @Test
    void setReplacesAHeadInPlace() {
        Sequential net = new Sequential(new Linear(3, 4), Activations.relu(), new Linear(4, 10));
        Linear head = new Linear(4, 5);
        assertSame(head, net.set(2, head));
        assertSame(head, net.get(2));
        assertEquals(3, net.size());
        assertEquals(
                List.of("0.weight", "0.bias", "2.weight", "2.bias"),
                new ArrayList<>(net.namedParameters().keySet()));
        assertArrayEquals(new long[] {6, 5}, net.forward(Tensor.randn(6, 3)).shape());
        assertThrows(IndexOutOfBoundsException.class, () -> net.set(3, new Linear(1, 1)));
    }

    @Test
    void nonStrictLoadReturnsMissingAndUnexpectedKeys() {
        Gradnote.seed(2);
        Sequential source = new Sequential(new Linear(3, 4), Activations.relu(), new Linear(4, 10));
        Sequential target = new Sequential(new Linear(3, 4), Activations.relu(), new Linear(4, 5), new Linear(5, 2));
        Map<String, Tensor> state = new LinkedHashMap<>(source.stateDict());
        state.remove("2.weight");
        state.remove("2.bias");
        state.put("extra.weight", Tensor.zeros(1));
        IncompatibleKeys keys = target.loadStateDict(state, false);
        assertEquals(List.of("2.weight", "2.bias", "3.weight", "3.bias"), keys.missingKeys());
        assertEquals(List.of("extra.weight"), keys.unexpectedKeys());
        assertFalse(keys.isEmpty());
        assertArrayEquals(
                source.get(0).parameters().get(0).toDoubleArray(),
                target.get(0).parameters().get(0).toDoubleArray());
        assertTrue(target.loadStateDict(target.stateDict()).isEmpty());
        // A head of another size is a shape mismatch, an error even when not strict (as in PyTorch).
        assertThrows(IllegalArgumentException.class, () -> target.loadStateDict(source.stateDict(), false));
    }
}
