package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gradnote.Fixtures;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Sampling against PyTorch on what does not depend on the generator (lib/src/test/python/make_sampling_fixtures.py
 * -> sampling.json): each call's result dtype, shape and whether it requires grad, or that PyTorch refuses the
 * arguments, in which case gradnote must refuse too, with its own message naming the op.
 */
class SamplingParityTest {
    private static final JsonObject FX = Fixtures.load("sampling.json");

    @TestFactory
    Stream<DynamicTest> everyFixtureCaseMatchesTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonElement el : FX.getAsJsonArray("cases")) {
            JsonObject c = el.getAsJsonObject();
            String op = c.get("op").getAsString();
            tests.add(DynamicTest.dynamicTest(op + " #" + i++ + " " + c.get("args"), () -> check(op, c)));
        }
        return tests.stream();
    }

    private static void check(String op, JsonObject c) {
        Gradnote.seed(0);
        JsonObject args = c.getAsJsonObject("args"), expect = c.getAsJsonObject("expect");
        if (expect.has("error")) {
            RuntimeException e = assertThrows(
                    RuntimeException.class,
                    () -> run(op, args),
                    "PyTorch refuses: " + expect.get("error").getAsString());
            assertTrue(
                    e.getMessage().startsWith(op + ":"),
                    "gradnote's own message naming the op, got: " + e.getMessage());
            return;
        }
        Tensor r = run(op, args);
        assertEquals(expect.get("dtype").getAsString(), r.dtype().toString(), "dtype");
        assertArrayEquals(Fixtures.longs(expect.get("shape")), r.shape(), "shape");
        // torch.normal records a gradient that is zero everywhere; gradnote cuts the draw from the graph instead,
        // as Normal.sample() does (see Sampling.normal).
        boolean grad = expect.get("requires_grad").getAsBoolean() && !op.equals("normal");
        assertEquals(grad, r.requiresGrad(), "requires grad");
    }

    private static Tensor run(String op, JsonObject a) {
        return switch (op) {
            case "bernoulli" -> Sampling.bernoulli(tensor(a.get("p")));
            case "multinomial" ->
                Sampling.multinomial(
                        tensor(a.get("weights")),
                        a.get("n").getAsInt(),
                        a.get("replacement").getAsBoolean());
            case "normal" -> Sampling.normal(tensor(a.get("mean")), tensor(a.get("std")));
            case "rsample" -> Sampling.rsample(tensor(a.get("mean")), tensor(a.get("std")));
            case "randint" ->
                Sampling.randint(a.get("low").getAsLong(), a.get("high").getAsLong(), Fixtures.longs(a.get("shape")));
            case "randLike" -> Sampling.randLike(tensor(a.get("t")));
            case "randnLike" -> Sampling.randnLike(tensor(a.get("t")));
            default -> throw new IllegalArgumentException("unknown op in sampling.json: " + op);
        };
    }

    private static Tensor tensor(JsonElement spec) {
        JsonObject s = spec.getAsJsonObject();
        JsonArray vs = s.getAsJsonArray("values");
        double[] v = new double[vs.size()];
        for (int i = 0; i < v.length; i++) {
            JsonElement e = vs.get(i);
            v[i] = e.getAsJsonPrimitive().isString() ? Double.NaN : e.getAsDouble(); // "nan": strict JSON has no NaN
        }
        DType type = DType.valueOf(s.get("dtype").getAsString().toUpperCase(java.util.Locale.ROOT));
        Tensor t = Tensor.fromArray(type, v, Fixtures.longs(s.get("shape")));
        return s.get("grad").getAsBoolean() ? t.requiresGrad(true) : t;
    }
}
