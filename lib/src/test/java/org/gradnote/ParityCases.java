package org.gradnote;

import static org.gradnote.Fixtures.doubles;
import static org.gradnote.Fixtures.longs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.gradnote.tensor.ValuesIndices;
import org.junit.jupiter.api.DynamicTest;

/**
 * Fixtures of named op cases against torch, in the layout make_ops_fixtures.py, make_mixed_fixtures.py and
 * make_where_fixtures.py write: {@code {"cases": [{"name", "inputs": [{"v", "shape", "dtype", "grad"}], "outputs":
 * [...], "grads": [... or null]}]}}, the grads being those of Σ_k sum(out_k · w_k) with GradCheck's weights. A parity
 * test holds one Java call per case name and asks this class for its dynamic tests.
 */
public final class ParityCases {
    private ParityCases() {}

    /** One dynamic test per case of the fixture, each running its Java call from {@code ops}. */
    public static Stream<DynamicTest> tests(JsonObject fixture, Map<String, ? extends Function<Tensor[], ?>> ops) {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement e : fixture.getAsJsonArray("cases")) {
            JsonObject c = e.getAsJsonObject();
            String name = c.get("name").getAsString();
            tests.add(DynamicTest.dynamicTest(name, () -> run(name, c, ops.get(name))));
        }
        return tests.stream();
    }

    /** The fixture's case names, in order. */
    public static List<String> names(JsonObject fixture) {
        List<String> names = new ArrayList<>();
        for (JsonElement e : fixture.getAsJsonArray("cases"))
            names.add(e.getAsJsonObject().get("name").getAsString());
        return names;
    }

    /** Every case has a Java call and every call a case. */
    public static void assertSameCases(JsonObject fixture, Set<String> calls) {
        assertEquals(calls, new HashSet<>(names(fixture)), "Java calls against fixture cases");
    }

    /**
     * Runs one case: builds its inputs (those marked grad require it), compares every output, then back-propagates
     * Σ sum(out · w) over the float outputs that require a gradient (empty ones add nothing) and compares each
     * input's gradient (a missing one counts as zeros, as torch's fixture writes it).
     */
    public static void run(String name, JsonObject c, Function<Tensor[], ?> f) {
        assertNotNull(f, "no Java call for fixture case " + name);
        List<Tensor> inputs = new ArrayList<>();
        for (JsonElement e : c.getAsJsonArray("inputs")) {
            JsonObject in = e.getAsJsonObject();
            Tensor t = tensor(in);
            if (in.get("grad").getAsBoolean()) t.requiresGrad(true);
            inputs.add(t);
        }
        Tensor[] x = inputs.toArray(new Tensor[0]);
        List<Tensor> outs = outputs(f.apply(x));
        var expected = c.getAsJsonArray("outputs");
        assertEquals(expected.size(), outs.size(), name + ": number of outputs");
        for (int k = 0; k < outs.size(); k++)
            assertMatches(name + " output " + k, expected.get(k).getAsJsonObject(), outs.get(k));
        if (!c.has("grads")) return;
        Tensor total = null;
        for (Tensor o : outs) {
            if (!o.dtype().isFloatingPoint() || !o.requiresGrad() || o.numel() == 0) continue;
            Tensor term = o.mul(weights(o)).sum();
            total = total == null ? term : total.add(term);
        }
        if (total != null) total.backward();
        var grads = c.getAsJsonArray("grads");
        for (int k = 0; k < x.length; k++) {
            if (grads.get(k).isJsonNull()) continue;
            Tensor g = x[k].grad() == null ? Tensor.zerosLike(x[k]) : x[k].grad();
            // The gradient keeps its input's dtype (a float32 part of a float64 cat gets a float32 gradient).
            assertMatches(name + " grad of input " + k, grads.get(k).getAsJsonObject(), g);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Tensor> outputs(Object r) {
        if (r instanceof Tensor t) return List.of(t);
        if (r instanceof ValuesIndices vi) return List.of(vi.values(), vi.indices());
        if (r instanceof Tensor[] a) return List.of(a);
        return (List<Tensor>) r;
    }

    /** GradCheck's weights, 0.5 + ((i * 7919) % 13) / 13, the fixture scripts' too, in o's dtype and shape. */
    public static Tensor weights(Tensor o) {
        double[] w = new double[(int) o.numel()];
        for (int i = 0; i < w.length; i++) w[i] = 0.5 + ((i * 7919) % 13) / 13.0;
        return Tensor.fromArray(o.dtype(), w, o.shape());
    }

    /** A tensor from its encoding {"v", "shape", "dtype"} (float64, float32, int64, bool). */
    public static Tensor tensor(JsonObject in) {
        double[] v = doubles(in.get("v"));
        long[] shape = longs(in.get("shape"));
        switch (in.get("dtype").getAsString()) {
            case "float64":
                return Tensor.fromArray(DType.FLOAT64, v, shape);
            case "float32":
                return Tensor.fromArray(DType.FLOAT32, v, shape);
            case "int64": {
                long[] l = new long[v.length];
                for (int i = 0; i < l.length; i++) l[i] = (long) v[i];
                return Tensor.of(l).reshape(shape);
            }
            case "bool": {
                boolean[] b = new boolean[v.length];
                for (int i = 0; i < b.length; i++) b[i] = v[i] != 0;
                return Tensor.of(b).reshape(shape);
            }
            default:
                throw new IllegalArgumentException("dtype " + in.get("dtype"));
        }
    }

    /**
     * Shape, dtype and values as torch's: NaN for NaN, infinities exactly, else within 1e-10 relative for float64 and
     * float32 precision of O(1) intermediates for float32 (gradnote often computes in double and rounds once, torch in
     * float throughout: its float32 gelu loses ~1e-7 absolute in 1 + erf near -3).
     */
    public static void assertMatches(String what, JsonObject expected, Tensor actual) {
        assertArrayEquals(longs(expected.get("shape")), actual.shape(), what + ": shape");
        assertEquals(expected.get("dtype").getAsString(), actual.dtype().toString(), what + ": dtype");
        // toDoubleArray fails on an empty float array (Engine.doubles): nothing to compare there anyway.
        double[] e = doubles(expected.get("v")), a = actual.numel() == 0 ? new double[0] : actual.toDoubleArray();
        boolean f32 = actual.dtype() == DType.FLOAT32;
        double rel = f32 ? 1e-6 : 1e-10, abs = f32 ? 1e-6 : 1e-12;
        for (int i = 0; i < e.length; i++) {
            boolean ok = Double.isNaN(e[i])
                    ? Double.isNaN(a[i])
                    : Double.isInfinite(e[i]) ? e[i] == a[i] : Math.abs(e[i] - a[i]) <= abs + rel * Math.abs(e[i]);
            if (!ok)
                fail(what + "[" + i + "]: expected " + e[i] + " (PyTorch), got " + a[i] + "\n expected "
                        + Arrays.toString(e) + "\n actual   " + Arrays.toString(a));
        }
    }
}
