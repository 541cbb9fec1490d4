package org.gradnote.tensor;

import static org.gradnote.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gradnote.ParityCases;
import org.gradnote.nn.BatchNorm1d;
import org.gradnote.nn.Conv2d;
import org.gradnote.nn.GRU;
import org.gradnote.nn.LSTM;
import org.gradnote.nn.LayerNorm;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Losses;
import org.gradnote.nn.Reduction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Operands of different dtypes, family by family, in torch 1.13's rules: where torch promotes (cat, stack, where,
 * the regression losses) the values and gradients match it (lib/src/test/python/make_mixed_fixtures.py ->
 * mixed.json); where torch refuses (products, layers, float-only functions, float indices) gradnote refuses with
 * its own message naming the op, the dtypes and the shapes, and never ND4J's.
 */
class MixedDTypeTest {
    private static final JsonObject FX = load("mixed.json");

    private static Tensor mse(Tensor[] x, Reduction r) {
        return Losses.mse(x[0], x[1], r);
    }

    private static final Map<String, Function<Tensor[], Tensor>> OPS = Map.ofEntries(
            Map.entry("cat_f32_f64", x -> Tensor.cat(0, x[0], x[1])),
            Map.entry("cat_f64_f32_dim1", x -> Tensor.cat(1, x[0], x[1])),
            Map.entry("cat_i64_f32", x -> Tensor.cat(0, x[0], x[1])),
            Map.entry("cat_bool_i64", x -> Tensor.cat(0, x[0], x[1])),
            Map.entry("stack_f32_f64", x -> Tensor.stack(-1, x[0], x[1])),
            Map.entry("where_f64_f32", x -> Tensor.where(x[0], x[1], x[2])),
            Map.entry("mse_f64_input_f32_target", x -> mse(x, Reduction.MEAN)),
            Map.entry("mse_f32_input_f64_target", x -> mse(x, Reduction.MEAN)),
            Map.entry("mse_f32_input_i64_target", x -> mse(x, Reduction.MEAN)),
            Map.entry("mse_sum_f32_f64", x -> mse(x, Reduction.SUM)),
            Map.entry("l1_f64_f32", x -> Losses.l1(x[0], x[1], Reduction.MEAN)),
            Map.entry("huber_f64_f32", x -> Losses.huber(x[0], x[1], 1.5, Reduction.MEAN)));

    @Test
    void everyCaseHasAJavaCallAndEveryCallACase() {
        ParityCases.assertSameCases(FX, OPS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> promotesAsPyTorch() {
        return ParityCases.tests(FX, OPS);
    }

    // ---- refusals: gradnote's message, with the op, both dtypes and both shapes ----

    private static Tensor t(DType type, long... shape) {
        return Tensor.ones(type, shape);
    }

    /** The call throws IllegalArgumentException whose message names every part and no ND4J internals. */
    private static void refuses(Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String m = e.getMessage();
        for (String p : parts) assertTrue(m.contains(p), "message lacks \"" + p + "\": " + m);
        String lower = m.toLowerCase(Locale.ROOT);
        for (String raw : new String[] {"nd4j", "libnd4j", "native op", "datatype", "op.x"})
            assertFalse(lower.contains(raw), "message shows ND4J's words (" + raw + "): " + m);
    }

    @Test
    void matmulRefusesMixedDTypesOnEveryPath() {
        DType d = DType.FLOAT64, f = DType.FLOAT32;
        refuses(() -> t(d, 2, 3).matmul(t(f, 3, 2)), "matmul", "float64 of shape [2, 3]", "float32 of shape [3, 2]");
        refuses(() -> t(f, 3, 2).matmul(t(d, 2, 3)), "matmul", "float32 of shape [3, 2]", "float64 of shape [2, 3]");
        // The batched path was libnd4j's failure before the check.
        refuses(
                () -> t(d, 2, 2, 3).matmul(t(f, 2, 3, 2)),
                "matmul",
                "float64 of shape [2, 2, 3]",
                "float32 of shape [2, 3, 2]");
        refuses(() -> t(d, 2, 2, 3).matmul(t(f, 3, 2)), "matmul", "float64 of shape [2, 2, 3]", "float32");
        refuses(() -> t(d, 3).matmul(t(f, 3)), "matmul", "float64 of shape [3]", "float32 of shape [3]");
        refuses(() -> t(DType.INT64, 2, 3).matmul(t(f, 3, 2)), "matmul", "int64", "float32", "found Float");
        refuses(() -> t(DType.INT32, 2, 2).matmul(t(DType.INT64, 2, 2)), "matmul", "int32", "int64");
        refuses(() -> t(DType.BOOL, 2, 2).matmul(t(DType.BOOL, 2, 2)), "matmul", "bool of shape [2, 2]");
        // One dtype on both sides still multiplies, integers included (torch: int64 @ int64 is int64).
        assertEquals(
                DType.INT64, t(DType.INT64, 2, 3).matmul(t(DType.INT64, 3, 2)).dtype());
        assertEquals(
                DType.INT32,
                t(DType.INT32, 2, 2, 2).matmul(t(DType.INT32, 2, 2, 2)).dtype());
    }

    @Test
    void einsumRefusesMixedDTypes() {
        refuses(
                () -> Tensor.einsum("ij,jk->ik", t(DType.FLOAT64, 2, 3), t(DType.FLOAT32, 3, 2)),
                "einsum",
                "operand 0 is float64 of shape [2, 3]",
                "operand 1 is float32 of shape [3, 2]");
        refuses(() -> Tensor.einsum("i,i->", t(DType.FLOAT32, 3), t(DType.FLOAT64, 3)), "einsum", "float32", "float64");
    }

    @Test
    void linearRefusesAnInputWeightOrBiasOfAnotherDType() {
        DType d = DType.FLOAT64, f = DType.FLOAT32;
        refuses(
                () -> Tensor.linear(t(d, 2, 3), t(f, 4, 3), null),
                "linear",
                "input is float64 of shape [2, 3]",
                "weight is float32 of shape [4, 3]");
        refuses(() -> Tensor.linear(t(f, 2, 3), t(f, 4, 3), t(d, 4)), "linear", "bias is float64 of shape [4]");
        // A float64 batch into a float32 module: the message says how to convert either.
        refuses(() -> new Linear(3, 4).forward(t(d, 2, 3)), "linear", "float64", "float32", "to(DType)");
    }

    @Test
    void convolutionsRefuseMixedDTypes() {
        DType d = DType.FLOAT64, f = DType.FLOAT32;
        refuses(
                () -> Functional.conv2d(t(d, 1, 1, 4, 4), t(f, 1, 1, 2, 2), null, 1, 0, 1),
                "conv2d",
                "float64 of shape [1, 1, 4, 4]",
                "float32 of shape [1, 1, 2, 2]");
        refuses(
                () -> Functional.conv2d(t(f, 1, 1, 4, 4), t(f, 1, 1, 2, 2), t(d, 1), 1, 0, 1),
                "conv2d",
                "bias is float64 of shape [1]");
        refuses(() -> Functional.conv1d(t(d, 1, 1, 4), t(f, 1, 1, 2), null, 1, 0, 1), "conv1d", "float64", "float32");
        refuses(
                () -> Functional.convTranspose2d(t(d, 1, 1, 4, 4), t(f, 1, 1, 2, 2), null, 1, 0),
                "convTranspose2d",
                "float64",
                "float32");
        refuses(() -> new Conv2d(1, 2, 3).forward(t(DType.INT64, 1, 1, 5, 5)), "conv2d", "int64", "float32");
    }

    @Test
    void recurrentLayersAndNormsRefuseMixedDTypes() {
        DType d = DType.FLOAT64;
        refuses(() -> new LSTM(3, 4).forward(t(d, 2, 1, 3)), "lstm", "float64 of shape [2, 1, 3]", "weight_ih");
        refuses(() -> new GRU(3, 4).forward(t(d, 2, 1, 3)), "gru", "float64 of shape [2, 1, 3]", "float32");
        refuses(() -> new LSTM(3, 4).forward(t(DType.INT64, 2, 1, 3)), "lstm", "int64 of shape [2, 1, 3]");
        refuses(() -> new LayerNorm(3).forward(t(d, 2, 3)), "layerNorm", "float64 of shape [2, 3]", "float32");
        refuses(() -> new BatchNorm1d(3).forward(t(d, 2, 3)), "batchNorm", "float64 of shape [2, 3]", "float32");
    }

    @Test
    void floatOnlyFunctionsRefuseIntegersInTheirOwnName() {
        Tensor i = t(DType.INT64, 3);
        // softmax and logSoftmax reached libnd4j (which printed a validation error) and ND4J (Op.X must be...).
        refuses(() -> i.softmax(0), "softmax", "int64 of shape [3]", "Long");
        refuses(() -> i.logSoftmax(0), "logSoftmax", "int64 of shape [3]");
        refuses(() -> t(DType.BOOL, 3).softmax(0), "softmax", "bool of shape [3]");
        refuses(() -> i.leakyRelu(0.1), "leakyRelu", "int64 of shape [3]");
        refuses(() -> Functional.globalAvgPool(t(DType.INT64, 1, 1, 2, 2)), "globalAvgPool", "int64");
        refuses(() -> Losses.mse(i, i, Reduction.MEAN), "mse", "int64");
    }

    @Test
    void indicesMustBeIntegers() {
        Tensor a = t(DType.FLOAT32, 3, 2);
        refuses(() -> a.indexSelect(0, Tensor.of(0.0, 1.0)), "indexSelect", "float32 of shape [2]", "int64 or int32");
        refuses(() -> a.indexSelect(1, Tensor.of(true, false)), "indexSelect", "bool of shape [2]");
        refuses(() -> a.gather(0, Tensor.of(new double[][] {{0, 1}})), "gather", "float32 of shape [1, 2]");
        assertEquals(2, a.indexSelect(0, Tensor.of(0, 2)).size(0));
    }
}
