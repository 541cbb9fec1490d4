package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.gradnote.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Result dtypes and values of the element-wise ops against PyTorch 1.13 (fixtures/promotion.json, from
 * make_promotion_fixtures.py): every pair of bool/int32/int64/float32/float64 tensors (1-D, or 0-D on the right),
 * every tensor with a Java long (PyTorch's Python int) or double (its Python float), and the unary ops per dtype.
 * Where PyTorch refuses, gradnote must refuse with its own message naming the op and the dtypes.
 */
class PromotionParityTest {
    private static final JsonObject FX = Fixtures.load("promotion.json");

    static DType dtype(String name) {
        for (DType d : DType.values()) if (d.toString().equals(name)) return d;
        throw new IllegalArgumentException(name);
    }

    static double value(JsonElement e) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString();
            return s.equals("nan") ? Double.NaN : s.equals("inf") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean() ? 1 : 0;
        return e.getAsDouble();
    }

    static double[] values(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = value(a.get(i));
        return v;
    }

    private static Tensor tensor(String type, JsonArray vals, boolean zeroDim) {
        double[] v = values(vals);
        return zeroDim ? Tensor.fromArray(dtype(type), v) : Tensor.fromArray(dtype(type), v, v.length);
    }

    // The ops are called through their table entries (found by name), so that a new entry needs only its name in
    // make_promotion_fixtures.py; OpTableTest checks that each entry has a public method of its name.

    private static BinaryOp binaryEntry(String op) {
        for (BinaryOp b : BinaryOp.values()) if (b.label.equals(op)) return b;
        throw new IllegalArgumentException("no BinaryOp named " + op);
    }

    private static Tensor binary(String op, Tensor a, Tensor b) {
        return binaryEntry(op).apply(a, b);
    }

    /** a op c, or c op a for rsub and rdiv (torch's names of the number-on-the-left forms). */
    private static Tensor withNumber(String op, Tensor a, String kind, double c) {
        boolean left = op.startsWith("r");
        return binaryEntry(left ? op.substring(1) : op).apply(a, c, kind.equals("int"), left);
    }

    private static Tensor unary(String op, Tensor a) {
        for (UnaryOp u : UnaryOp.values()) if (u.label.equals(op)) return u.apply(a);
        throw new IllegalArgumentException("no UnaryOp named " + op);
    }

    /** Checks one case; returns a description of the mismatch, or null. */
    private static String check(String tag, JsonObject c, java.util.function.Supplier<Tensor> run) {
        if (c.has("error")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, run::get, tag + " should be refused as torch: " + c.get("error"));
            String op = c.get("op").getAsString();
            assertTrue(
                    e.getMessage().startsWith(op.replace("rsub", "sub").replace("rdiv", "div") + ":"),
                    tag + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("bool"), tag + ": the message names the dtype: " + e.getMessage());
            assertTrue(e.getMessage().contains(" of shape "), tag + ": the message names the shape: " + e.getMessage());
            assertTrue(
                    e.getMessage().matches(".*(the input|the first operand|the second operand|the tensor) is .*"),
                    tag + ": the message names the parameter: " + e.getMessage());
            return null;
        }
        Tensor r = run.get();
        if (!r.dtype().toString().equals(c.get("dtype").getAsString()))
            return tag + ": dtype " + r.dtype() + ", torch " + c.get("dtype").getAsString();
        double[] expected = values(c.getAsJsonArray("values")), actual = r.toDoubleArray();
        if (expected.length != actual.length) return tag + ": " + actual.length + " values, torch " + expected.length;
        double tol = r.dtype() == DType.FLOAT32 ? 1e-6 : r.dtype() == DType.FLOAT64 ? 1e-14 : 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            boolean same =
                    Double.isNaN(e) ? Double.isNaN(a) : e == a || Math.abs(e - a) <= tol * Math.max(1, Math.abs(e));
            if (!same) return tag + ": value " + i + " is " + a + ", torch " + e;
        }
        return null;
    }

    @Test
    void binaryOpsPromoteAndComputeAsTorch() {
        List<String> bad = new ArrayList<>();
        JsonArray cases = FX.getAsJsonArray("binary");
        for (JsonElement el : cases) {
            JsonObject c = el.getAsJsonObject();
            String op = c.get("op").getAsString(), kind = c.get("b_kind").getAsString();
            String tag = op + "(" + c.get("a").getAsString() + ", " + c.get("b").getAsString() + " " + kind + ")";
            Tensor a = tensor(c.get("a").getAsString(), c.getAsJsonArray("a_values"), false);
            String problem;
            if (kind.equals("python")) {
                double s = values(c.getAsJsonArray("b_values"))[0];
                problem = check(tag, c, () -> withNumber(op, a, c.get("b").getAsString(), s));
            } else {
                Tensor b = tensor(c.get("b").getAsString(), c.getAsJsonArray("b_values"), kind.equals("zero_dim"));
                problem = check(tag, c, () -> binary(op, a, b));
            }
            if (problem != null) bad.add(problem);
        }
        assertTrue(cases.size() > 300, "fixture has every pair");
        assertEquals(List.of(), bad);
    }

    @Test
    void unaryOpsPromoteAndComputeAsTorch() {
        List<String> bad = new ArrayList<>();
        for (JsonElement el : FX.getAsJsonArray("unary")) {
            JsonObject c = el.getAsJsonObject();
            String op = c.get("op").getAsString();
            Tensor a = tensor(c.get("a").getAsString(), c.getAsJsonArray("a_values"), false);
            String problem = check(op + "(" + c.get("a").getAsString() + ")", c, () -> unary(op, a));
            if (problem != null) bad.add(problem);
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void theIssuesExamplesGiveTorchsNumbers() {
        assertArrayEquals(
                new double[] {0, .5, 1, 1.5, 2, 2.5}, Tensor.arange(6).div(2).toDoubleArray(), 0);
        assertEquals(DType.FLOAT32, Tensor.arange(6).div(2).dtype());
        assertArrayEquals(
                new double[] {0.5, 1.5, 2.5}, Tensor.arange(3).add(0.5).toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 2.5, 5}, Tensor.arange(3).mul(2.5).toDoubleArray(), 0);
        assertArrayEquals(
                new double[] {0, 1, Math.sqrt(2)}, Tensor.arange(3).pow(0.5).toDoubleArray(), 1e-7);
        assertEquals(DType.INT64, Tensor.arange(3).add(2).dtype());
        assertEquals(
                DType.INT64, Tensor.arange(3).mul(Tensor.of(true, false, true)).dtype());
        assertArrayEquals(
                new double[] {0, 0.5, 0.6666666865348816},
                Tensor.arange(3).div(Tensor.of(1, 2, 3)).toDoubleArray(),
                0,
                "int / int is true division");
    }

    @Test
    void reluKeepsNaNAndNegativeZeroOnEveryPath() {
        JsonObject r = FX.getAsJsonObject("relu_special");
        double[] x = values(r.getAsJsonArray("x")), expected = values(r.getAsJsonArray("relu"));
        ComputePath before = Tensor.computePath();
        try {
            for (ComputePath p : ComputePath.values()) {
                Tensor.setComputePath(p);
                for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                    double[] actual = Tensor.of(t, x).relu().toDoubleArray();
                    for (int i = 0; i < x.length; i++) {
                        assertEquals(
                                Double.doubleToLongBits(expected[i]),
                                Double.doubleToLongBits(actual[i]),
                                p + " " + t + " relu(" + x[i] + ") = " + actual[i] + ", torch " + expected[i]);
                    }
                    Tensor leaf = Tensor.of(t, x).requiresGrad(true);
                    leaf.relu().sum().backward();
                    // torch's threshold_backward: g where not (x <= 0), so a NaN input passes its gradient.
                    assertArrayEquals(
                            new double[] {1, 0, 0, 1, 0, 0, 1},
                            leaf.grad().toDoubleArray(),
                            0,
                            p + " " + t + " relu gradient");
                }
            }
        } finally {
            Tensor.setComputePath(before);
        }
    }

    @Test
    void inPlaceOpsRefuseWhatTheTensorCannotHoldAndComparisonsPromote() {
        Tensor ints = Tensor.arange(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ints.add_(0.5));
        assertEquals(
                "add_: result type float32 can't be cast to this tensor's dtype int64 (as in torch); use the out-of-place op,"
                        + " or convert first with to(DType)",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ints.mul_(Tensor.of(1.5)));
        assertThrows(
                IllegalArgumentException.class, () -> Tensor.of(true, false).add_(1L));
        assertArrayEquals(new double[] {2, 3, 4}, ints.add_(2L).toDoubleArray(), 0, "an integer number is fine");
        assertArrayEquals(new double[] {4, 6, 8}, ints.mul_(2).toDoubleArray(), 0);
        assertEquals(DType.INT64, ints.dtype());
        Tensor floats = Tensor.of(1.0, 2.0).add_(Tensor.of(DType.FLOAT64, 0.5, 0.5));
        assertArrayEquals(
                new double[] {1.5, 2.5}, floats.toDoubleArray(), 0, "float64 into float32 is allowed, as torch");
        assertArrayEquals(
                new double[] {1, 0, 0}, Tensor.arange(3).lt(0.5).toDoubleArray(), 0, "compared as floats, not rounded");
        assertArrayEquals(new double[] {0, 1, 1}, Tensor.arange(3).ge(0.5).toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 0, 0}, Tensor.arange(3).eq(1.5).toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 1, 0}, Tensor.arange(3).eq(1.0).toDoubleArray(), 0);
    }

    @Test
    void comparisonsBetweenTensorsPromoteAsTorch() {
        Tensor two = Tensor.of(2L, 0L).to(DType.INT32);
        assertArrayEquals(
                new double[] {0, 1}, Tensor.of(true, false).eq(two).toDoubleArray(), 0, "true == 2 is false in torch");
        assertArrayEquals(new double[] {1, 0}, two.gt(Tensor.of(true, false)).toDoubleArray(), 0);
        assertArrayEquals(
                new double[] {1, 0},
                Tensor.of(1L, 2L).lt(Tensor.of(1.5, 1.5)).toDoubleArray(),
                0,
                "compared as floats");
    }

    @Test
    void noNd4jMessageReachesTheUser() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Tensor.of(true, false).neg());
        assertEquals(
                "neg: the input is bool of shape [2]: neg does not take bool operands, as torch; use logical ops, or"
                        + " convert first, e.g. x.to(DType.INT64)",
                e.getMessage());
        // The culprit operand first, then the other one, each with its dtype and shape.
        e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(true).sub(Tensor.of(1L)));
        assertTrue(
                e.getMessage()
                        .startsWith("sub: the first operand is bool of shape [1] (the second operand is int64 of"
                                + " shape [1]): sub does not take bool operands"),
                e.getMessage());
        assertFalse(e.getMessage().toLowerCase().contains("op."), e.getMessage());
    }
}
