package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gradnote.Fixtures;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RNN, LSTM and GRU against PyTorch (fixtures from make_rnn_fixtures.py): given PyTorch's weights, input, initial
 * states and upstream gradients, the outputs, last states and every gradient agree to 1e-9 relative in float64.
 */
class RecurrentParityTest {
    static final double REL = 1e-9;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : List.of("rnn_elman.json", "rnn_lstm.json", "rnn_gru.json")) {
            for (JsonElement c : Fixtures.load(file).getAsJsonArray("cases")) {
                JsonObject o = c.getAsJsonObject();
                out.add(Arguments.of(o.get("name").getAsString(), o, false));
                String kind = o.get("kind").getAsString();
                if (kind.equals("lstm") || kind.equals("gru"))
                    out.add(Arguments.of(o.get("name").getAsString() + " composed", o, true));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, JsonObject c, boolean composed) {
        long in = c.get("input_size").getAsLong(), hidden = c.get("hidden_size").getAsLong();
        int layers = c.get("num_layers").getAsInt();
        boolean bias = c.get("bias").getAsBoolean(),
                batchFirst = c.get("batch_first").getAsBoolean();
        String kind = c.get("kind").getAsString();
        RNNBase m = switch (kind) {
            case "rnn" -> new RNN(in, hidden, layers, c.get("nonlinearity").getAsString(), bias, batchFirst);
            case "lstm" -> new LSTM(in, hidden, layers, bias, batchFirst);
            default -> new GRU(in, hidden, layers, bias, batchFirst);
        };
        if (composed && m instanceof LSTM l) l.composed = true;
        if (composed && m instanceof GRU g) g.composed = true;
        m.to(FLOAT64);
        Map<String, Tensor> state = new LinkedHashMap<>();
        JsonObject params = c.getAsJsonObject("params");
        for (String k : params.keySet())
            state.put(
                    k,
                    Fixtures.tensor(
                            params.getAsJsonObject(k).get("value"),
                            params.getAsJsonObject(k).get("shape")));
        m.loadStateDict(state); // also proves the parameter names and shapes are PyTorch's

        long[] xShape = Fixtures.longs(c.get("x_shape"));
        long[] stateShape = {layers, batchFirst ? xShape[0] : xShape[1], hidden};
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
        assertEquals(params.keySet(), mine.keySet());
        for (String k : params.keySet()) {
            Fixtures.assertClose(
                    name + " " + k + ".grad",
                    Fixtures.doubles(params.getAsJsonObject(k).get("grad")),
                    mine.get(k).grad().toDoubleArray(),
                    REL);
        }
    }

    private static Tensor upstream(JsonObject c, String key, Tensor like) {
        return Tensor.fromArray(FLOAT64, Fixtures.doubles(c.get(key)), like.shape());
    }
}
