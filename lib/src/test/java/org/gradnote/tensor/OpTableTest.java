package org.gradnote.tensor;

import static org.gradnote.tensor.PromotionParityTest.dtype;
import static org.gradnote.tensor.PromotionParityTest.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.gradnote.Fixtures;
import org.gradnote.ParityCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every entry of the op tables against torch 1.13, called through its table, so that a new entry is tested by its
 * fixture line alone: for a [2, 3] tensor of each dtype, its outputs' dtypes, shapes and values, or its refusal where
 * torch refuses (gradnote's message naming the op, the dtype, the shape and the parameter), and for float64 its
 * gradient. Cases: the "table" section of promotion.json (make_promotion_fixtures.py, TABLE); the binary entries are
 * PromotionParityTest's "binary" section. The forced-path runs of the build run it on the heap, loop and native paths.
 */
class OpTableTest {
    private static final JsonObject FX = Fixtures.load("promotion.json");

    /** Every entry of every table, by the name it records and shows in messages. */
    static Map<String, Object> entries() {
        Map<String, Object> all = new LinkedHashMap<>();
        List<Object> constants = new ArrayList<>();
        constants.addAll(Arrays.asList(UnaryOp.values()));
        constants.addAll(Arrays.asList(BinaryOp.values()));
        constants.addAll(Arrays.asList(ReduceOp.values()));
        constants.addAll(Arrays.asList(SelectOp.values()));
        constants.addAll(Arrays.asList(DimOp.values()));
        for (Object c : constants) assertEquals(null, all.put(label(c), c), "two entries named " + label(c));
        return all;
    }

    private static String label(Object entry) {
        if (entry instanceof UnaryOp u) return u.label;
        if (entry instanceof BinaryOp b) return b.label;
        if (entry instanceof ReduceOp r) return r.label;
        if (entry instanceof SelectOp s) return s.label;
        return ((DimOp) entry).label;
    }

    private static Set<String> ops(String section) {
        Set<String> ops = new TreeSet<>();
        for (JsonElement e : FX.getAsJsonArray(section))
            ops.add(e.getAsJsonObject().get("op").getAsString());
        return ops;
    }

    @Test
    void everyEntryHasTorchCasesAndEveryCaseAnEntry() {
        Set<String> table = ops("table"), binary = ops("binary"), missing = new TreeSet<>();
        Map<String, Object> entries = entries();
        entries.forEach((name, e) -> {
            if (!(e instanceof BinaryOp ? binary : table).contains(name)) missing.add(name);
        });
        assertEquals(Set.of(), missing, "entries without a case in make_promotion_fixtures.py (TABLE or BINARY)");
        Set<String> strays = new TreeSet<>(table);
        strays.removeAll(entries.keySet());
        assertEquals(Set.of(), strays, "cases of no table entry");
    }

    /**
     * Each entry's public method is named as the entry and records it: a one-line method calling the wrong entry
     * fails here (the fixture tests call the entries through their tables).
     */
    @Test
    void everyEntryIsWhatThePublicMethodOfItsNameRecords() throws ReflectiveOperationException {
        for (Map.Entry<String, Object> e : entries().entrySet()) {
            String name = e.getKey();
            Object entry = e.getValue();
            Tensor x = Tensor.fromArray(DType.FLOAT64, new double[] {0.25, 0.5, 0.75, 1.5, 2.0, 3.0}, 2, 3);
            x.requiresGrad(true);
            Object r;
            if (entry instanceof UnaryOp u) {
                r = u.takesParameter()
                        ? Tensor.class.getMethod(name, double.class).invoke(x, 0.1)
                        : Tensor.class.getMethod(name).invoke(x);
            } else if (entry instanceof BinaryOp) {
                r = Tensor.class.getMethod(name, Tensor.class).invoke(x, x.detach());
            } else if (entry instanceof DimOp) {
                r = Tensor.class.getMethod(name, int.class).invoke(x, 1);
            } else if (entry instanceof SelectOp) {
                r = Tensor.class.getMethod(name, double.class, double.class).invoke(x, 0.5, 2.5);
            } else if (((ReduceOp) entry).kind == ReduceOp.Kind.LINES && name.startsWith("am")) {
                r = Tensor.class.getMethod(name, int.class).invoke(x, 1);
            } else if (((ReduceOp) entry).kind == ReduceOp.Kind.INDEXED && !name.startsWith("arg")) {
                r = Tensor.class.getMethod(name, int.class).invoke(x, 1);
                r = r instanceof Tensor.MaxResult m ? m.values() : ((Tensor.MinResult) r).values();
            } else {
                r = Tensor.class.getMethod(name).invoke(x);
            }
            Tensor t = (Tensor) r;
            if (t.dtype() == DType.INT64) assertEquals(null, t.gradFn(), name + ": indices, no gradient");
            else assertEquals(name, t.gradFn(), "Tensor." + name + " records another op");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEntryAgreesWithTorch() {
        Map<String, Object> entries = entries();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonElement el : FX.getAsJsonArray("table")) {
            JsonObject c = el.getAsJsonObject();
            String op = c.get("op").getAsString();
            String tag = op + c.get("args") + " of " + c.get("a").getAsString();
            tests.add(DynamicTest.dynamicTest(tag, () -> check(tag, entries.get(op), c)));
        }
        return tests.stream();
    }

    private static void check(String tag, Object entry, JsonObject c) {
        assertNotNull(entry, tag + ": no table entry");
        DType type = dtype(c.get("a").getAsString());
        long[] shape = Fixtures.longs(c.get("a_shape"));
        Tensor a = Tensor.fromArray(type, values(c.getAsJsonArray("a_values")), shape);
        if (type == DType.FLOAT64) a.requiresGrad(true);
        JsonObject args = c.getAsJsonObject("args");
        if (c.has("error")) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> call(entry, a, args), tag + ": torch refuses");
            String m = e.getMessage();
            assertTrue(m.startsWith(label(entry)), tag + ": the message starts with the op: " + m);
            for (String part : new String[] {type.toString(), "of shape " + Shapes.str(shape), "the input"})
                assertTrue(m.contains(part), tag + ": the message names " + part + ": " + m);
            return;
        }
        Tensor[] outs = call(entry, a, args);
        JsonArray expected = c.getAsJsonArray("outputs");
        assertEquals(expected.size(), outs.length, tag + ": outputs");
        for (int k = 0; k < outs.length; k++)
            compare(tag + " output " + k, expected.get(k).getAsJsonObject(), outs[k]);
        if (!c.has("grad")) return;
        outs[0].mul(ParityCases.weights(outs[0])).sum().backward();
        assertNotNull(a.grad(), tag + ": no gradient");
        close(tag + " gradient", values(c.getAsJsonArray("grad")), a.grad().toDoubleArray(), 1e-12);
    }

    /** Calls the entry the way its table's kind takes arguments (what its public method does). */
    private static Tensor[] call(Object entry, Tensor a, JsonObject args) {
        int dim = args.has("dim") ? args.get("dim").getAsInt() : -1;
        if (entry instanceof UnaryOp u)
            return new Tensor[] {args.has("p") ? u.apply(a, args.get("p").getAsDouble()) : u.apply(a)};
        if (entry instanceof DimOp d) return new Tensor[] {d.apply(a, dim)};
        if (entry instanceof SelectOp s) {
            double lo = args.has("min") ? args.get("min").getAsDouble() : Double.NEGATIVE_INFINITY;
            double hi = args.has("max") ? args.get("max").getAsDouble() : Double.POSITIVE_INFINITY;
            return new Tensor[] {s.apply(a, lo, hi, args.get("integral").getAsBoolean())};
        }
        ReduceOp r = (ReduceOp) entry;
        int[] dims = dim < 0 ? new int[0] : new int[] {dim};
        switch (r.kind) {
            case SUMS:
                return new Tensor[] {r.apply(a, dims, false)};
            case MOMENTS:
                return new Tensor[] {
                    r.apply(a, dims, false, args.get("correction").getAsInt())
                };
            case LINES:
                return new Tensor[] {r.apply(a, dim, false)};
            default:
                Tensor[] vi = r.applyIndexed(a, dim, false);
                return vi[0] == null ? new Tensor[] {vi[1]} : vi;
        }
    }

    private static void compare(String tag, JsonObject expected, Tensor actual) {
        assertEquals(expected.get("dtype").getAsString(), actual.dtype().toString(), tag + ": dtype");
        assertArrayEquals(Fixtures.longs(expected.get("shape")), actual.shape(), tag + ": shape");
        double tol = actual.dtype() == DType.FLOAT32 ? 1e-6 : actual.dtype() == DType.FLOAT64 ? 1e-12 : 0;
        close(tag, values(expected.getAsJsonArray("values")), actual.toDoubleArray(), tol);
    }

    private static void close(String tag, double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length, tag + ": values");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            boolean same =
                    Double.isNaN(e) ? Double.isNaN(a) : e == a || Math.abs(e - a) <= tol * Math.max(1, Math.abs(e));
            if (!same) fail(tag + "[" + i + "]: " + a + ", torch " + e + "\n  " + Arrays.toString(actual));
        }
    }
}
