package org.gradnote.tensor;

import static org.gradnote.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Tensor.where with infinities and NaN in either branch (an infinity in the branch not taken must not leak into the
 * value or the gradient) and Tensor.stack along negative dims, against torch 1.13
 * (lib/src/test/python/make_where_fixtures.py -> where_stack.json).
 */
class WhereStackParityTest {
    private static final JsonObject FX = load("where_stack.json");

    private static Tensor stack(Tensor[] x, int dim) {
        return Tensor.stack(List.of(x), dim);
    }

    private static final Map<String, Function<Tensor[], Tensor>> OPS = Map.ofEntries(
            Map.entry("where_plain", x -> Tensor.where(x[0], x[1], x[2])),
            Map.entry(
                    "where_neginf_fill",
                    x -> Tensor.where(
                            x[0], Tensor.scalar(Double.NEGATIVE_INFINITY).to(DType.FLOAT64), x[1])),
            Map.entry("where_inf_nan_branches", x -> Tensor.where(x[0], x[1], x[2])),
            Map.entry("where_broadcast_f32", x -> Tensor.where(x[0], x[1], x[2])),
            Map.entry("where_int_branches", x -> Tensor.where(x[0], x[1], x[2])),
            Map.entry("stack_dim_m3", x -> stack(x, -3)),
            Map.entry("stack_dim_m2", x -> stack(x, -2)),
            Map.entry("stack_dim_m1", x -> stack(x, -1)),
            Map.entry("stack_dim_0", x -> stack(x, 0)),
            Map.entry("stack_dim_1", x -> stack(x, 1)),
            Map.entry("stack_dim_2", x -> stack(x, 2)));

    @Test
    void everyCaseHasAJavaCallAndEveryCallACase() {
        List<String> names = new ArrayList<>();
        for (JsonElement e : FX.getAsJsonArray("cases"))
            names.add(e.getAsJsonObject().get("name").getAsString());
        assertEquals(OPS.keySet(), new java.util.HashSet<>(names));
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : FX.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> run(name, c)));
        }
        return tests.stream();
    }

    private static void run(String name, JsonObject c) {
        Function<Tensor[], Tensor> f = OPS.get(name);
        assertNotNull(f, "no Java call for fixture case " + name);
        List<Tensor> inputs = new ArrayList<>();
        for (JsonElement e : c.getAsJsonArray("inputs")) {
            JsonObject in = e.getAsJsonObject();
            Tensor t = OpsMoreParityTest.build(in);
            if (in.get("grad").getAsBoolean()) t.requiresGrad(true);
            inputs.add(t);
        }
        Tensor[] x = inputs.toArray(new Tensor[0]);
        Tensor out = f.apply(x);
        OpsMoreParityTest.compare(
                name + " output", c.getAsJsonArray("outputs").get(0).getAsJsonObject(), out);
        if (!c.has("grads")) return;
        double[] w = new double[(int) out.numel()];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 + ((i * 7919) % 13) / 13.0;
        out.mul(Tensor.fromArray(out.dtype(), w, out.shape())).sum().backward();
        var grads = c.getAsJsonArray("grads");
        for (int k = 0; k < x.length; k++) {
            if (grads.get(k).isJsonNull()) continue;
            OpsMoreParityTest.compare(name + " grad of input " + k, grads.get(k).getAsJsonObject(), x[k].grad());
        }
    }
}
