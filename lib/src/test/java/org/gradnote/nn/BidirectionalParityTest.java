package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gradnote.Fixtures;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bidirectional RNN, LSTM (fused and composed) and GRU against PyTorch (make_ops_fixtures.py ->
 * ops_more_birnn.json): from PyTorch's weights (names *_reverse included), the outputs [.., 2H], h_n/c_n
 * [2·layers, N, H] and every gradient agree to 1e-9 relative in float64.
 */
class BidirectionalParityTest {
    static final double REL = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonElement c : Fixtures.load("ops_more_birnn.json").getAsJsonArray("cases")) {
            JsonObject o = c.getAsJsonObject();
            out.add(Arguments.of(o.get("name").getAsString(), o, false));
            if (o.get("kind").getAsString().equals("lstm"))
                out.add(Arguments.of(o.get("name").getAsString() + " composed", o, true));
        }
        return out.stream();
    }

    static RNNBase build(JsonObject c) {
        long in = c.get("input_size").getAsLong(), hidden = c.get("hidden_size").getAsLong();
        int layers = c.get("num_layers").getAsInt();
        boolean bias = c.get("bias").getAsBoolean(),
                batchFirst = c.get("batch_first").getAsBoolean();
        return switch (c.get("kind").getAsString()) {
            case "rnn" -> new RNN(in, hidden, layers, c.get("nonlinearity").getAsString(), bias, batchFirst, true);
            case "lstm" -> new LSTM(in, hidden, layers, bias, batchFirst, true);
            default -> new GRU(in, hidden, layers, bias, batchFirst, true);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonObject c, boolean composed) {
        RNNBase m = build(c);
        if (composed) ((LSTM) m).composed = true;
        m.to(FLOAT64);
        assertEquals(c.get("repr").getAsString(), m.toString(), name + " repr");
        Map<String, Tensor> state = new LinkedHashMap<>();
        JsonObject params = c.getAsJsonObject("params");
        for (String k : params.keySet())
            state.put(
                    k,
                    Fixtures.tensor(
                            params.getAsJsonObject(k).get("value"),
                            params.getAsJsonObject(k).get("shape")));
        m.loadStateDict(state); // the parameter names (*_reverse) and shapes are PyTorch's
        assertEquals(
                new ArrayList<>(params.keySet()),
                new ArrayList<>(m.namedParameters().keySet()),
                name + " parameter order");

        long[] xShape = Fixtures.longs(c.get("x_shape"));
        long[] stateShape = Fixtures.longs(c.get("hidden_shape"));
        Tensor x =
                Tensor.fromArray(FLOAT64, Fixtures.doubles(c.get("x")), xShape).requiresGrad(true);
        Tensor h0 = c.has("h0")
                ? Tensor.fromArray(FLOAT64, Fixtures.doubles(c.get("h0")), stateShape)
                        .requiresGrad(true)
                : null;
        Tensor c0 = c.has("c0")
                ? Tensor.fromArray(FLOAT64, Fixtures.doubles(c.get("c0")), stateShape)
                        .requiresGrad(true)
                : null;
        RNNBase.Output o = m instanceof LSTM l
                ? l.forward(x, h0, c0)
                : m instanceof GRU gru ? gru.forward(x, h0) : ((RNN) m).forward(x, h0);

        assertArrayEquals(Fixtures.longs(c.get("output_shape")), o.output().shape(), name + " output shape");
        assertArrayEquals(stateShape, o.hidden().shape(), name + " h_n shape");
        Fixtures.assertClose(
                name + " output", Fixtures.doubles(c.get("output")), o.output().toDoubleArray(), REL);
        Fixtures.assertClose(
                name + " h_n", Fixtures.doubles(c.get("hidden")), o.hidden().toDoubleArray(), REL);
        Tensor loss = o.output()
                .mul(upstream(c, "g_output", o.output()))
                .sum()
                .add(o.hidden().mul(upstream(c, "g_hidden", o.hidden())).sum());
        if (c.has("cell")) {
            Fixtures.assertClose(
                    name + " c_n", Fixtures.doubles(c.get("cell")), o.cell().toDoubleArray(), REL);
            loss = loss.add(o.cell().mul(upstream(c, "g_cell", o.cell())).sum());
        }
        loss.backward();
        Fixtures.assertClose(
                name + " x.grad", Fixtures.doubles(c.get("x_grad")), x.grad().toDoubleArray(), REL);
        if (h0 != null)
            Fixtures.assertClose(
                    name + " h0.grad",
                    Fixtures.doubles(c.get("h0_grad")),
                    h0.grad().toDoubleArray(),
                    REL);
        if (c0 != null)
            Fixtures.assertClose(
                    name + " c0.grad",
                    Fixtures.doubles(c.get("c0_grad")),
                    c0.grad().toDoubleArray(),
                    REL);
        Map<String, Tensor> mine = m.namedParameters();
        for (String k : params.keySet()) {
            Fixtures.assertClose(
                    name + " " + k + ".grad",
                    Fixtures.doubles(params.getAsJsonObject(k).get("grad")),
                    mine.get(k).grad().toDoubleArray(),
                    REL);
        }
    }

    @Test
    void wrongInitialStateShapeNamesTheBidirectionalLayout() {
        GRU gru = new GRU(3, 4, 2, true, false, true);
        Tensor x = Tensor.zeros(5, 2, 3);
        String m = assertThrows(ShapeException.class, () -> gru.forward(x, Tensor.zeros(2, 2, 4)))
                .getMessage();
        assertTrue(m.contains("[2·numLayers, N, H]") && m.contains("[4, 2, 4]") && m.contains("[2, 2, 4]"), m);
        assertTrue(gru.bidirectional());
        assertArrayEquals(new long[] {5, 2, 8}, gru.forward(x).shape());
    }

    @Test
    void finiteDifferencesThroughBothDirections() {
        org.gradnote.Gradnote.seed(11);
        for (RNNBase m : List.of(
                new GRU(2, 3, 2, true, true, true),
                new LSTM(2, 3, 1, true, false, true),
                new RNN(2, 3, 1, "tanh", true, false, true))) {
            m.to(FLOAT64);
            Tensor x = Tensor.randn(FLOAT64, 3, 2, 2).requiresGrad(true);
            org.gradnote.tensor.GradCheck.check(
                    m.toString(),
                    t -> {
                        RNNBase.Output o = m.run(t[0]);
                        return Tensor.cat(0, o.output().flatten(), o.hidden().flatten());
                    },
                    x);
        }
    }

    private static Tensor upstream(JsonObject c, String key, Tensor like) {
        return Tensor.fromArray(FLOAT64, Fixtures.doubles(c.get(key)), like.shape());
    }
}
