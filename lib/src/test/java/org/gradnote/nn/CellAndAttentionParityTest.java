package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gradnote.Fixtures;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GRUCell, LSTMCell and additive/dot Attention against PyTorch (fixtures from make_cell_fixtures.py): from PyTorch's
 * weights, inputs and upstream gradients, the outputs and every gradient agree to 1e-9 relative in float64.
 */
class CellAndAttentionParityTest {
    static final double REL = 1e-9;

    static Stream<Arguments> cases(String key) {
        List<Arguments> out = new ArrayList<>();
        for (JsonElement c : Fixtures.load("cells.json").getAsJsonArray(key)) {
            out.add(Arguments.of(c.getAsJsonObject().get("name").getAsString(), c.getAsJsonObject()));
        }
        return out.stream();
    }

    static Stream<Arguments> cells() {
        return cases("cells");
    }

    static Stream<Arguments> attention() {
        return cases("attention");
    }

    static Tensor input(JsonObject c, String key) {
        JsonObject o = c.getAsJsonObject(key);
        return Fixtures.tensor(o.get("value"), o.get("shape")).requiresGrad(true);
    }

    static void load(Module m, JsonObject params) {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (String k : params.keySet()) {
            JsonObject p = params.getAsJsonObject(k);
            state.put(k, Fixtures.tensor(p.get("value"), p.get("shape")));
        }
        m.loadStateDict(state); // also proves the parameter names and shapes are PyTorch's
    }

    static void assertParamGrads(String name, Module m, JsonObject params) {
        Map<String, Tensor> mine = m.namedParameters();
        assertEquals(params.keySet(), mine.keySet());
        for (String k : params.keySet()) {
            Fixtures.assertClose(
                    name + " " + k + ".grad",
                    Fixtures.doubles(params.getAsJsonObject(k).get("grad")),
                    mine.get(k).grad().toDoubleArray(),
                    REL);
        }
    }

    static Tensor upstream(JsonObject c, String key, Tensor like) {
        return Tensor.fromArray(FLOAT64, Fixtures.doubles(c.get(key)), like.shape());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cellsMatchPyTorch(String name, JsonObject c) {
        long in = c.get("input_size").getAsLong(), hidden = c.get("hidden_size").getAsLong();
        boolean bias = c.get("bias").getAsBoolean(),
                lstm = c.get("kind").getAsString().equals("lstm");
        RNNCellBase m = lstm ? new LSTMCell(in, hidden, bias) : new GRUCell(in, hidden, bias);
        m.to(FLOAT64);
        load(m, c.getAsJsonObject("params"));
        Tensor x = input(c, "x");
        Tensor h0 = c.has("h0") ? input(c, "h0") : null, c0 = c.has("c0") ? input(c, "c0") : null;
        Tensor loss;
        if (lstm) {
            LSTMCell.State s = ((LSTMCell) m).forward(x, h0 == null ? null : new LSTMCell.State(h0, c0));
            Fixtures.assertClose(name + " h", Fixtures.doubles(c.get("h")), s.h().toDoubleArray(), REL);
            Fixtures.assertClose(name + " c", Fixtures.doubles(c.get("c")), s.c().toDoubleArray(), REL);
            loss = s.h().mul(upstream(c, "g_h", s.h()))
                    .sum()
                    .add(s.c().mul(upstream(c, "g_c", s.c())).sum());
        } else {
            Tensor h = ((GRUCell) m).forward(x, h0);
            Fixtures.assertClose(name + " h", Fixtures.doubles(c.get("h")), h.toDoubleArray(), REL);
            loss = h.mul(upstream(c, "g_h", h)).sum();
        }
        loss.backward();
        Fixtures.assertClose(
                name + " x.grad", Fixtures.doubles(c.get("x_grad")), x.grad().toDoubleArray(), REL);
        if (h0 != null) {
            Fixtures.assertClose(
                    name + " h0.grad",
                    Fixtures.doubles(c.get("h0_grad")),
                    h0.grad().toDoubleArray(),
                    REL);
        }
        if (c0 != null) {
            Fixtures.assertClose(
                    name + " c0.grad",
                    Fixtures.doubles(c.get("c0_grad")),
                    c0.grad().toDoubleArray(),
                    REL);
        }
        assertParamGrads(name, m, c.getAsJsonObject("params"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attention")
    void attentionMatchesPyTorch(String name, JsonObject c) {
        long[] dims = Fixtures.longs(c.get("dims"));
        boolean additive = c.get("kind").getAsString().equals("additive");
        Attention m = additive ? Attention.additive(dims[0], dims[1], dims[2]) : Attention.dot();
        m.to(FLOAT64);
        if (additive) load(m, c.getAsJsonObject("params"));
        Tensor q = input(c, "query"), k = input(c, "keys"), v = input(c, "values");
        Tensor mask = null;
        if (!c.get("lengths").isJsonNull()) {
            long[] lengths = Fixtures.longs(c.get("lengths"));
            long t = k.size(1);
            double[] mk = new double[(int) (lengths.length * t)];
            for (int i = 0; i < lengths.length; i++) for (int j = 0; j < lengths[i]; j++) mk[(int) (i * t + j)] = 1;
            mask = Tensor.fromArray(mk, lengths.length, t).to(DType.BOOL);
        }
        Attention.Output o = m.forward(q, k, v, mask);
        Fixtures.assertClose(
                name + " context",
                Fixtures.doubles(c.get("context")),
                o.context().toDoubleArray(),
                REL);
        Fixtures.assertClose(
                name + " weights",
                Fixtures.doubles(c.get("weights")),
                o.weights().toDoubleArray(),
                REL);
        o.context()
                .mul(upstream(c, "g_context", o.context()))
                .sum()
                .add(o.weights().mul(upstream(c, "g_weights", o.weights())).sum())
                .backward();
        Fixtures.assertClose(
                name + " query.grad",
                Fixtures.doubles(c.get("query_grad")),
                q.grad().toDoubleArray(),
                REL);
        Fixtures.assertClose(
                name + " keys.grad",
                Fixtures.doubles(c.get("keys_grad")),
                k.grad().toDoubleArray(),
                REL);
        Fixtures.assertClose(
                name + " values.grad",
                Fixtures.doubles(c.get("values_grad")),
                v.grad().toDoubleArray(),
                REL);
        assertParamGrads(name, m, c.getAsJsonObject("params"));
    }
}
