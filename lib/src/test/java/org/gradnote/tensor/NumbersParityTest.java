package org.gradnote.tensor;

import static org.gradnote.Fixtures.assertClose;
import static org.gradnote.Fixtures.doubles;
import static org.gradnote.Fixtures.load;
import static org.gradnote.Fixtures.longs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.gradnote.nn.Losses;
import org.gradnote.nn.Reduction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The numbers a PyTorch user checks first, against fixtures/numbers.json (make_numbers_fixtures.py, torch 1.13):
 * large reductions against the exact value and torch's, NaN and infinities through max, min, argmax, argmin, clamp and pooling,
 * max(dim)/min(dim) ties and their gradients, binary cross-entropy at its edges, empty and integer tensors.
 */
class NumbersParityTest {
    private static final JsonObject FX = load("numbers.json");

    /** (i % 1013) / 1024 for i < n as float32: exact, and built the same way by the fixture script. */
    static Tensor pattern32(int n, long... shape) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (i % 1013) / 1024f;
        return Tensor.wrap(Nd4j.createFromArray(v).reshape('c', shape));
    }

    static Tensor pattern64(int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (i % 1013) / 1024.0;
        return Tensor.wrap(Nd4j.createFromArray(v));
    }

    static double num(JsonObject o, String key) {
        return o.get(key).getAsDouble();
    }

    static void near(String what, double expected, double actual, double rel) {
        assertClose(what, new double[] {expected}, new double[] {actual}, rel);
    }

    /** Bit-level equality that treats NaN as equal to NaN and tells +0 from -0 only through ==. */
    static void assertSame(String what, double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i], a = actual[i];
            assertTrue(
                    e == a || (Double.isNaN(e) && Double.isNaN(a)),
                    what + "[" + i + "]: expected " + e + " (PyTorch), got " + a);
        }
    }

    // ------------------------------------------------------------ large reductions

    @Test
    void sumMeanVarStdOfTenMillionFloat32ConstantsAreAccurate() {
        JsonObject c = FX.getAsJsonObject("const");
        Tensor x = Tensor.full(DType.FLOAT32, 0.1, 10_000_000);
        double exact = num(c, "exact_sum");
        near("sum vs exact", exact, x.sum().item(), 1e-6);
        near("sum vs torch", num(c, "sum"), x.sum().item(), 1e-6);
        near("mean vs exact", exact / 1e7, x.mean().item(), 1e-6);
        near("mean vs torch", num(c, "mean"), x.mean().item(), 1e-6);
        // A constant has no spread: ours is exactly 0, torch's a rounding residue of its float32 mean.
        assertEquals(0, x.var(true).item());
        assertEquals(num(c, "var"), x.var(true).item(), 1e-12);
        assertEquals(num(c, "std"), x.std(true).item(), 1e-7);
        assertEquals(DType.FLOAT32, x.sum().dtype());
    }

    @Test
    void sumMeanVarStdOfTenMillionFloat32PatternMatchExactValueAndTorch() {
        JsonObject p = FX.getAsJsonObject("pattern32"), exact = p.getAsJsonObject("exact");
        Tensor x = pattern32(10_000_000, 10_000_000);
        double sum = x.sum().item(),
                mean = x.mean().item(),
                var = x.var(true).item(),
                biased = x.var(false).item(),
                std = x.std(true).item();
        for (String k : new String[] {"sum", "mean", "var", "var_biased", "std"}) {
            double ours = k.equals("sum")
                    ? sum
                    : k.equals("mean") ? mean : k.equals("var") ? var : k.equals("std") ? std : biased;
            near(k + " vs exact", num(exact, k), ours, 1e-6);
            near(k + " vs torch", num(p, k), ours, 1e-6);
        }
        // Rounded once from a double-accurate value: the float32 nearest the exact answer.
        assertEquals((float) num(exact, "sum"), (float) sum);
        assertEquals((float) num(exact, "mean"), (float) mean);
    }

    @Test
    void float64ReductionsOfTenMillionAreAccurateToDoublePrecision() {
        JsonObject p = FX.getAsJsonObject("pattern64"), exact = p.getAsJsonObject("exact");
        Tensor x = pattern64(10_000_000);
        assertEquals(num(exact, "sum"), x.sum().item(), 0, "the pattern's sum is exact in double");
        near("mean", num(exact, "mean"), x.mean().item(), 1e-15);
        near("var vs exact", num(exact, "var"), x.var(true).item(), 1e-12);
        near("var vs torch", num(p, "var"), x.var(true).item(), 1e-11);
        near("std vs exact", num(exact, "std"), x.std(true).item(), 1e-12);
    }

    @Test
    void reductionOverTheLeadingDimensionOfALargeMatrixIsAccurate() {
        JsonObject p = FX.getAsJsonObject("pattern32_dim0");
        Tensor x = pattern32(10_000_000, 2_500_000, 4);
        assertClose("sum(0)", doubles(p.get("sum0")), x.sum(0).toDoubleArray(), 1e-6);
        assertClose("mean(0)", doubles(p.get("mean0")), x.mean(0).toDoubleArray(), 1e-6);
        assertClose("var(0)", doubles(p.get("var0")), x.var(0, true, false).toDoubleArray(), 1e-6);
        // The same sums through a permuted (strided) view of the transposed matrix.
        assertClose(
                "sum(1) of the transpose", doubles(p.get("sum0")), x.t().sum(1).toDoubleArray(), 1e-6);
    }

    @Test
    void onesSummedPastFloat32IntegerRangeGiveTheExactCount() {
        Tensor x = Tensor.ones(2, 20_000_000);
        assertArrayEquals(
                doubles(FX.getAsJsonObject("ones_2_20M").get("sum1")), x.sum(1).toDoubleArray());
        assertEquals(4e7, x.sum().item());
    }

    @Test
    void batchNormStatisticsOfAnImageNetBatchAreAccurate() {
        JsonObject b = FX.getAsJsonObject("batchnorm");
        Tensor x = pattern32(64 * 3 * 224 * 224, 64, 3, 224, 224);
        Tensor runningMean = Tensor.zeros(3), runningVar = Tensor.ones(3);
        Tensor y = Functional.batchNorm(x, runningMean, runningVar, null, null, true, 1.0, 1e-5);
        assertClose("batch mean vs exact", doubles(b.get("exact_mean")), runningMean.toDoubleArray(), 1e-6);
        assertClose("batch var vs exact", doubles(b.get("exact_var")), runningVar.toDoubleArray(), 1e-6);
        assertClose("running mean vs torch", doubles(b.get("running_mean")), runningMean.toDoubleArray(), 1e-6);
        assertClose("running var vs torch", doubles(b.get("running_var")), runningVar.toDoubleArray(), 1e-6);
        double[] out = y.reshape(-1).toDoubleArray();
        double[] first = java.util.Arrays.copyOfRange(out, 0, 5),
                last = java.util.Arrays.copyOfRange(out, out.length - 5, out.length);
        assertClose("output head", doubles(b.get("out_first")), first, 1e-5);
        assertClose("output tail", doubles(b.get("out_last")), last, 1e-5);
    }

    @Test
    void layerNormOfALongRowUsesAccurateStatistics() {
        int n = 5_000_000;
        Tensor x = pattern32(2 * n, 2, n);
        Tensor y = Functional.layerNorm(x, new long[] {n}, null, null, 1e-5);
        // The row's statistics in double (exact to far below float32 resolution for this pattern).
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++) sum += (i % 1013) / 1024.0;
        double mean = sum / n;
        for (int i = 0; i < n; i++) {
            double d = (i % 1013) / 1024.0 - mean;
            sq += d * d;
        }
        double invStd = 1 / Math.sqrt(sq / n + 1e-5);
        double[] head = java.util.Arrays.copyOf(y.select(0, 0).slice(0, 0, 5).toDoubleArray(), 5);
        double[] expected = new double[5];
        for (int i = 0; i < 5; i++) expected[i] = ((i % 1013) / 1024.0 - mean) * invStd;
        assertClose("layerNorm head", expected, head, 1e-5);
    }

    @Test
    void gradientsSummedOverBroadcastAndBiasDimensionsAreAccurate() {
        // 4M rows of 0.1f: a float32 running total is already off in the 3rd digit; the exact sum rounds to this.
        int rows = 4_000_000;
        float expected = (float) (rows * (double) 0.1f);
        Tensor b = Tensor.zeros(2).requiresGrad(true);
        Tensor.full(DType.FLOAT32, 0.1, rows, 2)
                .add(b)
                .mul(Tensor.full(DType.FLOAT32, 0.1, rows, 2))
                .sum()
                .backward();
        assertArrayEquals(
                new double[] {expected, expected}, b.grad().toDoubleArray(), "broadcast add's gradient (sumToShape)");
        org.gradnote.nn.Linear layer = new org.gradnote.nn.Linear(1, 1);
        layer.forward(Tensor.ones(rows, 1))
                .mul(Tensor.full(DType.FLOAT32, 0.1, rows, 1))
                .sum()
                .backward();
        assertEquals(
                expected, layer.namedParameters().get("bias").grad().item(), "linear bias gradient (ChannelLoops)");
    }

    // ------------------------------------------------------------ NaN and infinities

    @Test
    void nanPropagatesThroughMaxMinAndTheirIndices() {
        JsonObject n = FX.getAsJsonObject("nan");
        for (DType type : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
            Tensor x = Tensor.fromArray(type, doubles(n.get("x")), 4, 4);
            String tag = " " + type;
            assertSame("max" + tag, new double[] {num(n, "max")}, new double[] {
                x.max().item()
            });
            assertSame("min" + tag, new double[] {num(n, "min")}, new double[] {
                x.min().item()
            });
            assertEquals(n.get("argmax").getAsLong(), (long) x.argmax().item(), "argmax" + tag);
            assertEquals(n.get("argmin").getAsLong(), (long) x.argmin().item(), "argmin" + tag);
            assertSame(
                    "max(1)" + tag,
                    doubles(n.get("max1_values")),
                    x.max(1).values().toDoubleArray());
            assertArrayEquals(longs(n.get("max1_indices")), x.max(1).indices().toLongArray(), "max(1) indices" + tag);
            assertSame(
                    "min(1)" + tag,
                    doubles(n.get("min1_values")),
                    x.min(1).values().toDoubleArray());
            assertArrayEquals(longs(n.get("min1_indices")), x.min(1).indices().toLongArray(), "min(1) indices" + tag);
            assertSame(
                    "max(0)" + tag,
                    doubles(n.get("max0_values")),
                    x.max(0).values().toDoubleArray());
            assertArrayEquals(longs(n.get("max0_indices")), x.max(0).indices().toLongArray(), "max(0) indices" + tag);
            assertSame(
                    "min(0)" + tag,
                    doubles(n.get("min0_values")),
                    x.min(0).values().toDoubleArray());
            assertArrayEquals(longs(n.get("min0_indices")), x.min(0).indices().toLongArray(), "min(0) indices" + tag);
            assertArrayEquals(longs(n.get("argmax1")), x.argmax(1).toLongArray(), "argmax(1)" + tag);
            assertArrayEquals(longs(n.get("argmin0")), x.argmin(0).toLongArray(), "argmin(0)" + tag);
            assertSame("amax(1)" + tag, doubles(n.get("amax1")), x.amax(1).toDoubleArray());
            assertSame("amin(0)" + tag, doubles(n.get("amin0")), x.amin(0).toDoubleArray());
        }
    }

    @Test
    void infinitiesReduceAsInTorch() {
        JsonObject f = FX.getAsJsonObject("inf");
        Tensor x = Tensor.fromArray(DType.FLOAT64, doubles(f.get("x")), 2, 3);
        assertEquals(num(f, "max"), x.max().item());
        assertEquals(num(f, "min"), x.min().item());
        assertSame("sum", new double[] {num(f, "sum")}, new double[] {x.sum().item()});
        assertSame("sum(1)", doubles(f.get("sum1")), x.sum(1).toDoubleArray());
        assertEquals(f.get("argmax").getAsLong(), (long) x.argmax().item());
        assertEquals(f.get("argmin").getAsLong(), (long) x.argmin().item());
    }

    @Test
    void clampKeepsNanAndItsGradientIsTorchs() {
        JsonObject c = FX.getAsJsonObject("clamp");
        Tensor x = Tensor.of(DType.FLOAT64, doubles(c.get("x"))).requiresGrad(true);
        Tensor y = x.clamp(num(c, "lo"), num(c, "hi"));
        assertSame("clamp", doubles(c.get("out")), y.toDoubleArray());
        y.backward(Tensor.of(DType.FLOAT64, 1, 2, 3, 4, 5, 6, 7, 8));
        assertSame("clamp grad", doubles(c.get("grad")), x.grad().toDoubleArray());
        assertSame(
                "clampMin(0)",
                doubles(c.get("clamp_min0")),
                x.detach().clampMin(0).toDoubleArray());
        assertSame(
                "clamp(3, 1)",
                doubles(c.get("clamp_lo_above_hi")),
                x.detach().clamp(3, 1).toDoubleArray());
        // The ND4J-resident path (above the heap size) gives the same.
        Tensor wide = Tensor.zeros(DType.FLOAT32, 300).add(Float.NaN);
        assertTrue(Double.isNaN(wide.clamp(0, 1).toDoubleArray()[299]));
    }

    @Test
    void maxPoolingPropagatesNanAndRoutesGradientsAsTorch() {
        JsonObject p = FX.getAsJsonObject("pool");
        for (String tag : new String[] {"64", "32"}) {
            DType type = tag.equals("64") ? DType.FLOAT64 : DType.FLOAT32;
            for (String k : new String[] {"k2", "k3s1p1"}) {
                JsonObject c = p.getAsJsonObject(k + "_" + tag);
                Tensor x =
                        Tensor.fromArray(type, doubles(p.get("x")), 1, 1, 4, 4).requiresGrad(true);
                Tensor out = k.equals("k2") ? Functional.maxPool2d(x, 2, 2, 0) : Functional.maxPool2d(x, 3, 1, 1);
                assertSame(k + " " + type, doubles(c.get("out")), out.toDoubleArray());
                double[] w = new double[(int) out.numel()];
                for (int i = 0; i < w.length; i++) w[i] = i + 1;
                out.backward(Tensor.fromArray(type, w, out.shape()));
                assertSame(k + " grad " + type, doubles(c.get("grad")), x.grad().toDoubleArray());
            }
        }
        Tensor x = Tensor.fromArray(DType.FLOAT64, doubles(p.get("x")), 1, 1, 4, 4);
        assertSame(
                "avgPool2d",
                doubles(p.getAsJsonObject("avg_k2").get("out")),
                Functional.avgPool2d(x, 2, 2, 0).toDoubleArray());
        // 1-D pooling runs the same loops on [N, C, 1, W]: the first row of the 2-D case, pooled along W.
        Tensor row = Tensor.fromArray(DType.FLOAT32, new double[] {0, Double.NaN, 2, 3}, 1, 1, 4);
        assertSame(
                "maxPool1d",
                new double[] {Double.NaN, 3},
                Functional.maxPool1d(row, 2, 2, 0, 1).toDoubleArray());
    }

    // ------------------------------------------------------------ max(dim)/min(dim): ties and gradients

    @Test
    void maxAndMinAlongADimensionReturnTorchsValuesIndicesAndGradients() {
        JsonObject t = FX.getAsJsonObject("ties");
        for (int dim = 0; dim < 2; dim++) {
            for (String op : new String[] {"max", "min"}) {
                JsonObject c = t.getAsJsonObject(op + dim);
                Tensor x = Tensor.fromArray(DType.FLOAT64, doubles(t.get("x")), 3, 4)
                        .requiresGrad(true);
                Tensor values, indices;
                if (op.equals("max")) {
                    Tensor.MaxResult r = x.max(dim);
                    values = r.values();
                    indices = r.indices();
                } else {
                    Tensor.MinResult r = x.min(dim);
                    values = r.values();
                    indices = r.indices();
                }
                assertSame(op + dim, doubles(c.get("values")), values.toDoubleArray());
                assertArrayEquals(longs(c.get("indices")), indices.toLongArray(), op + dim + " indices");
                assertEquals(DType.INT64, indices.dtype());
                double[] w = new double[(int) values.numel()];
                for (int i = 0; i < w.length; i++) w[i] = i + 1;
                values.backward(Tensor.fromArray(DType.FLOAT64, w, values.shape()));
                assertSame(op + dim + " grad", doubles(c.get("grad")), x.grad().toDoubleArray());
            }
        }
    }

    @Test
    void fullMaxMinAndAmaxAminShareTheGradientAmongTiesAndNans() {
        JsonObject t = FX.getAsJsonObject("ties");
        for (String op : new String[] {"max", "min"}) {
            Tensor x =
                    Tensor.fromArray(DType.FLOAT64, doubles(t.get("x")), 3, 4).requiresGrad(true);
            (op.equals("max") ? x.max() : x.min()).backward();
            assertSame(
                    op + "() grad", doubles(t.get(op + "_all_grad")), x.grad().toDoubleArray());
            Tensor y =
                    Tensor.fromArray(DType.FLOAT64, doubles(t.get("x")), 3, 4).requiresGrad(true);
            (op.equals("max") ? y.amax(1) : y.amin(1)).backward(Tensor.of(DType.FLOAT64, 1, 2, 3));
            assertSame(
                    "a" + op + "(1) grad",
                    doubles(t.get("a" + op + "1_grad")),
                    y.grad().toDoubleArray());
        }
        Tensor n = Tensor.fromArray(
                        DType.FLOAT64, doubles(FX.getAsJsonObject("nan").get("x")), 4, 4)
                .requiresGrad(true);
        n.max().backward();
        assertClose(
                "max() grad with NaNs",
                doubles(t.get("max_all_nan_grad")),
                n.grad().toDoubleArray(),
                1e-15);
    }

    @Test
    void maxAndMinAlongADimensionPassFiniteDifferenceChecks() {
        org.gradnote.Gradnote.seed(7);
        for (int dim = 0; dim < 3; dim++) {
            int d = dim;
            GradCheck.check(
                    "max dim " + d,
                    t -> t[0].max(d).values(),
                    Tensor.randn(DType.FLOAT64, 2, 3, 4).requiresGrad(true));
            GradCheck.check(
                    "min dim " + d + " keep",
                    t -> t[0].min(d, true).values(),
                    Tensor.randn(DType.FLOAT64, 2, 3, 4).requiresGrad(true));
            GradCheck.check(
                    "amax dim " + d,
                    t -> t[0].amax(d),
                    Tensor.randn(DType.FLOAT64, 2, 3, 4).requiresGrad(true));
        }
        GradCheck.check(
                "max all", t -> t[0].max(), Tensor.randn(DType.FLOAT64, 3, 4).requiresGrad(true));
        GradCheck.check(
                "clamp",
                t -> t[0].clamp(-0.5, 0.5),
                Tensor.randn(DType.FLOAT64, 3, 5).requiresGrad(true));
        // Above the heap size: the ND4J-resident path of the same rules.
        GradCheck.check(
                "max dim 1 wide",
                t -> t[0].max(1).values(),
                Tensor.randn(DType.FLOAT64, 3, 100).requiresGrad(true));
        GradCheck.check(
                "var dim 0 wide",
                t -> t[0].var(0, true, false),
                Tensor.randn(DType.FLOAT64, 100, 3).requiresGrad(true));
        GradCheck.check(
                "std wide",
                t -> t[0].std(true),
                Tensor.randn(DType.FLOAT64, 300).requiresGrad(true));
    }

    // ------------------------------------------------------------ binary cross-entropy at the edges

    @Test
    void binaryCrossEntropyMatchesTorchAtZeroAndOne() {
        JsonObject b = FX.getAsJsonObject("bce");
        for (String tag : new String[] {"64", "32"}) {
            DType type = tag.equals("64") ? DType.FLOAT64 : DType.FLOAT32;
            double rel = tag.equals("64") ? 1e-12 : 2e-6;
            for (Reduction r : Reduction.values()) {
                String red = r.name().toLowerCase();
                JsonObject c = b.getAsJsonObject("bce_" + red + "_" + tag);
                Tensor p = Tensor.of(type, doubles(b.get("p"))).requiresGrad(true),
                        y = Tensor.of(type, doubles(b.get("y"))).requiresGrad(true);
                Tensor v = Losses.bce(p, y, r);
                assertClose("bce " + red + " " + type, doubles(c.get("value")), v.toDoubleArray(), rel);
                v.backward(Tensor.onesLike(v));
                assertClose(
                        "bce grad " + red + " " + type,
                        doubles(c.get("grad")),
                        p.grad().toDoubleArray(),
                        rel);
                assertSameOrClose(
                        "bce target grad " + red + " " + type,
                        doubles(c.get("target_grad")),
                        y.grad().toDoubleArray(),
                        rel);
            }
        }
    }

    @Test
    void binaryCrossEntropyWithLogitsMatchesTorchAtLogitZero() {
        JsonObject b = FX.getAsJsonObject("bce");
        for (String tag : new String[] {"64", "32"}) {
            DType type = tag.equals("64") ? DType.FLOAT64 : DType.FLOAT32;
            double rel = tag.equals("64") ? 1e-12 : 2e-6;
            for (Reduction r : Reduction.values()) {
                String red = r.name().toLowerCase();
                JsonObject c = b.getAsJsonObject("logits_" + red + "_" + tag);
                Tensor x = Tensor.of(type, doubles(b.get("x"))).requiresGrad(true),
                        z = Tensor.of(type, doubles(b.get("z"))).requiresGrad(true);
                Tensor v = Losses.bceWithLogits(x, z, r);
                assertClose("logits " + red + " " + type, doubles(c.get("value")), v.toDoubleArray(), rel);
                v.backward(Tensor.onesLike(v));
                assertClose(
                        "logits grad " + red + " " + type,
                        doubles(c.get("grad")),
                        x.grad().toDoubleArray(),
                        rel);
                assertClose(
                        "logits target grad " + red + " " + type,
                        doubles(c.get("target_grad")),
                        z.grad().toDoubleArray(),
                        rel);
            }
        }
        // The first step of a zero-initialised logistic regression: sigmoid(0) - y, not -y.
        Tensor w = Tensor.zeros(DType.FLOAT64, 1).requiresGrad(true);
        Losses.bceWithLogits(w, Tensor.of(DType.FLOAT64, 1), Reduction.MEAN).backward();
        assertEquals(-0.5, w.grad().item());
    }

    @Test
    void binaryCrossEntropiesPassFiniteDifferenceChecks() {
        org.gradnote.Gradnote.seed(3);
        Tensor p = Tensor.uniform(DType.FLOAT64, 0.05, 0.95, 2, 5).requiresGrad(true);
        Tensor y = Tensor.uniform(DType.FLOAT64, 0, 1, 2, 5).requiresGrad(true);
        GradCheck.check("bce", t -> Functional.binaryCrossEntropy(t[0], t[1]), p, y);
        Tensor x = Tensor.randn(DType.FLOAT64, 2, 5).mul(3).detach().requiresGrad(true);
        Tensor z = Tensor.uniform(DType.FLOAT64, 0, 1, 2, 5).requiresGrad(true);
        GradCheck.check("bceWithLogits", t -> Functional.binaryCrossEntropyWithLogits(t[0], t[1]), x, z);
        GradCheck.check("bceWithLogits mean", t -> Losses.bceWithLogits(t[0], t[1], Reduction.MEAN), x, z);
    }

    static void assertSameOrClose(String what, double[] expected, double[] actual, double rel) {
        for (int i = 0; i < expected.length; i++) {
            if (Double.isInfinite(expected[i])) assertEquals(expected[i], actual[i], what + "[" + i + "]");
            else assertClose(what + "[" + i + "]", new double[] {expected[i]}, new double[] {actual[i]}, rel);
        }
    }

    // ------------------------------------------------------------ empty, integer and bool tensors

    @Test
    void emptyTensorsReduceAsInTorch() {
        JsonObject e = FX.getAsJsonObject("empty");
        assertEquals(num(e, "sum"), Tensor.zeros(0).sum().item());
        assertTrue(Double.isNaN(Tensor.zeros(0).mean().item()));
        assertTrue(Double.isNaN(num(e, "mean")));
        Tensor e03 = Tensor.zeros(0, 3);
        assertSame("sum(0)", doubles(e.get("sum0_of_0x3")), e03.sum(0).toDoubleArray());
        assertSame("mean(0)", doubles(e.get("mean0_of_0x3")), e03.mean(0).toDoubleArray());
        assertArrayEquals(longs(e.get("sum1_of_0x3_shape")), e03.sum(1).shape());
        assertArrayEquals(longs(e.get("max1_of_0x3_shape")), e03.max(1).values().shape());
        // Above the heap path too (an ND4J-resident empty tensor).
        Tensor nd = Tensor.wrap(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 0, 300));
        assertArrayEquals(new long[] {300}, nd.sum(0).shape());
        assertTrue(Double.isNaN(nd.mean().item()));
        assertEquals(0, nd.sum().item());
    }

    @Test
    void rankZeroTensorsReduceToThemselves() {
        Tensor x = Tensor.scalar(2.5), n = Tensor.of(7L).reshape();
        assertEquals(2.5, x.sum(0).item());
        assertEquals(0, x.mean(-1, true).dim());
        assertEquals(7, n.sum(0).toLongArray()[0]);
        assertEquals(0, n.sum(0).dim());
        assertEquals(2.5, x.max(0).values().item());
        assertEquals(0, (long) x.argmax(0).item());
        assertTrue(Double.isNaN(x.var(0, true, false).item()), "one element has no unbiased variance, as torch");
    }

    @Test
    void integerAndBoolSumsAreExactInt64() {
        JsonObject n = FX.getAsJsonObject("integers");
        Tensor big = Tensor.of(longs(n.get("values")));
        Tensor s = big.sum();
        assertEquals(DType.INT64, s.dtype());
        assertEquals(n.get("sum").getAsLong(), s.toLongArray()[0]);
        Tensor b = Tensor.of(true, false, true, true).sum();
        assertEquals(DType.INT64, b.dtype());
        assertEquals(n.get("bool_sum").getAsLong(), b.toLongArray()[0]);
        assertEquals(DType.INT64, Tensor.of(1, 2).to(DType.INT32).sum().dtype());
        assertArrayEquals(
                new long[] {3, 7}, Tensor.of(1L, 2, 3, 4).reshape(2, 2).sum(1).toLongArray());
        assertEquals(1, (long) Tensor.of(3L, 9, 9).argmax().item());
        assertArrayEquals(
                new long[] {9}, Tensor.of(3L, 9, 9).max(0).values().reshape(1).toLongArray());
    }
}
