package org.gradnote.nn;

import static org.gradnote.Fixtures.assertClose;
import static org.gradnote.Fixtures.doubles;
import static org.gradnote.Fixtures.longs;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MultiheadAttention, the encoder and decoder layers, the encoder stack, nn.Transformer and the sinusoidal positional
 * encoding against PyTorch 1.13 (fixtures/transformer.json from lib/src/test/python/make_transformer_fixtures.py):
 * loaded with PyTorch's state dict (which also proves the parameter names), the outputs, attention weights and the
 * gradients of every input and parameter agree to 1e-9 relative in float64.
 */
class TransformerParityTest {
    static final double REL = 1e-9;
    static final JsonObject FX = Fixtures.load("transformer.json");

    static Tensor t(JsonObject o, String key) {
        JsonObject e = o.getAsJsonObject(key);
        return Fixtures.tensor(e.get("value"), e.get("shape"));
    }

    static Tensor mask(JsonObject o, String key) {
        if (!o.has(key)) return null;
        JsonObject e = o.getAsJsonObject(key);
        var values = e.getAsJsonArray("value");
        boolean[] b = new boolean[values.size()];
        for (int i = 0; i < b.length; i++) b[i] = values.get(i).getAsBoolean();
        return Tensor.of(b).reshape(longs(e.get("shape")));
    }

    static void load(Module m, JsonObject c) {
        m.to(FLOAT64);
        Map<String, Tensor> state = new LinkedHashMap<>();
        JsonObject params = c.getAsJsonObject("params");
        for (String k : params.keySet()) state.put(k, t(params, k));
        m.loadStateDict(state);
    }

    static void assertParamGrads(String name, Module m, JsonObject c) {
        JsonObject params = c.getAsJsonObject("params");
        Map<String, Tensor> mine = m.namedParameters();
        assertEquals(params.keySet(), mine.keySet(), name + ": parameter names");
        for (String k : params.keySet()) {
            assertClose(
                    name + " " + k + ".grad",
                    doubles(params.getAsJsonObject(k).get("grad")),
                    mine.get(k).grad().toDoubleArray(),
                    REL);
        }
    }

    static Stream<Arguments> mhaCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonElement c : FX.getAsJsonArray("mha"))
            out.add(Arguments.of(c.getAsJsonObject().get("name").getAsString(), c.getAsJsonObject()));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mhaCases")
    void multiheadAttention(String name, JsonObject c) {
        MultiheadAttention m = new MultiheadAttention(
                c.get("embed_dim").getAsLong(),
                c.get("num_heads").getAsInt(),
                0.0,
                c.get("bias").getAsBoolean(),
                c.get("batch_first").getAsBoolean());
        load(m, c);
        Tensor q = t(c, "q").requiresGrad(true);
        boolean self = c.get("self_attention").getAsBoolean();
        Tensor k = self ? q : t(c, "k").requiresGrad(true),
                v = self ? q : t(c, "v").requiresGrad(true);
        Tensor attn = c.has("attn_mask")
                ? (c.get("attn_mask_bool").getAsBoolean() ? mask(c, "attn_mask") : t(c, "attn_mask"))
                : null;
        MultiheadAttention.Output o = m.forward(
                q,
                k,
                v,
                mask(c, "key_padding_mask"),
                true,
                attn,
                c.get("average").getAsBoolean());
        JsonObject out = c.getAsJsonObject("output"), w = c.getAsJsonObject("weights");
        assertArrayEquals(longs(out.get("shape")), o.output().shape(), name + " output shape");
        assertArrayEquals(longs(w.get("shape")), o.weights().shape(), name + " weights shape");
        assertClose(name + " output", doubles(out.get("value")), o.output().toDoubleArray(), REL);
        assertClose(name + " weights", doubles(w.get("value")), o.weights().toDoubleArray(), REL);
        Tensor gOut =
                Tensor.fromArray(FLOAT64, doubles(c.get("g_output")), o.output().shape());
        Tensor gW = Tensor.fromArray(
                FLOAT64, doubles(c.get("g_weights")), o.weights().shape());
        o.output().mul(gOut).sum().add(o.weights().mul(gW).sum()).backward();
        assertClose(name + " q.grad", doubles(c.get("q_grad")), q.grad().toDoubleArray(), REL);
        if (!self) {
            assertClose(name + " k.grad", doubles(c.get("k_grad")), k.grad().toDoubleArray(), REL);
            assertClose(name + " v.grad", doubles(c.get("v_grad")), v.grad().toDoubleArray(), REL);
        }
        assertParamGrads(name, m, c);
    }

    static Stream<Arguments> layerCases() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("encoder_layer", "decoder_layer")) {
            for (JsonElement c : FX.getAsJsonArray(kind))
                out.add(Arguments.of(c.getAsJsonObject().get("name").getAsString(), c.getAsJsonObject()));
        }
        out.add(Arguments.of("encoder", FX.getAsJsonObject("encoder")));
        out.add(Arguments.of("transformer", FX.getAsJsonObject("transformer")));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerCases")
    void layers(String name, JsonObject c) {
        long d = c.get("d_model").getAsLong(), ff = c.get("dim_feedforward").getAsLong();
        int heads = c.get("nhead").getAsInt();
        String act = c.get("activation").getAsString();
        boolean bf = c.get("batch_first").getAsBoolean(),
                nf = c.get("norm_first").getAsBoolean();
        boolean masks = c.get("masks").getAsBoolean();
        Tensor x = t(c, "x").requiresGrad(true);
        Tensor mem = c.has("memory") ? t(c, "memory").requiresGrad(true) : null;
        int len = (int) x.size(bf ? 1 : 0);
        Tensor causal = masks ? Transformer.generateSquareSubsequentMask(len, FLOAT64) : null;
        Tensor kpm = mask(c, "key_padding_mask"), memKpm = mask(c, "memory_key_padding_mask");
        Module m;
        Tensor y;
        if (name.startsWith("encoder_layer")) {
            var l = new TransformerEncoderLayer(d, heads, ff, 0.0, act, 1e-5, bf, nf);
            load(l, c);
            m = l;
            y = l.forward(x, causal, kpm);
        } else if (name.startsWith("decoder_layer")) {
            var l = new TransformerDecoderLayer(d, heads, ff, 0.0, act, 1e-5, bf, nf);
            load(l, c);
            m = l;
            y = l.forward(x, mem, causal, null, kpm, memKpm);
        } else if (name.equals("encoder")) {
            var e = new TransformerEncoder(
                    new TransformerEncoderLayer(d, heads, ff, 0.0, act, 1e-5, bf, nf),
                    c.get("num_layers").getAsInt(),
                    new LayerNorm(d));
            load(e, c);
            m = e;
            y = e.forward(x, causal, kpm);
        } else {
            var tr = new Transformer(d, heads, 1, 1, ff, 0.0, act, 1e-5, bf, nf);
            load(tr, c);
            m = tr;
            y = tr.forward(mem, x, null, causal, null, memKpm, kpm, memKpm);
        }
        JsonObject out = c.getAsJsonObject("output");
        assertArrayEquals(longs(out.get("shape")), y.shape(), name + " output shape");
        assertClose(name + " output", doubles(out.get("value")), y.toDoubleArray(), REL);
        y.mul(Tensor.fromArray(FLOAT64, doubles(c.get("g_output")), y.shape()))
                .sum()
                .backward();
        assertClose(name + " x.grad", doubles(c.get("x_grad")), x.grad().toDoubleArray(), REL);
        if (mem != null)
            assertClose(
                    name + " memory.grad",
                    doubles(c.get("memory_grad")),
                    mem.grad().toDoubleArray(),
                    REL);
        assertParamGrads(name, m, c);
    }

    @Test
    void positionalEncodingIsTheTutorialTable() {
        JsonObject c = FX.getAsJsonObject("positional");
        int maxLen = c.get("max_len").getAsInt();
        long d = c.get("d_model").getAsLong();
        assertClose(
                "pe table",
                doubles(c.getAsJsonObject("table").get("value")),
                PositionalEncoding.table(maxLen, d).toDoubleArray(),
                1e-6); // stored in the default float32
        PositionalEncoding pe = new PositionalEncoding(d, 0.0, maxLen, true);
        pe.to(FLOAT64);
        // The buffer is float32-rounded at construction; float64 arithmetic on it agrees to float32's precision.
        assertClose(
                "x + pe",
                doubles(c.getAsJsonObject("output").get("value")),
                pe.forward(t(c, "x")).toDoubleArray(),
                1e-6);
    }
}
