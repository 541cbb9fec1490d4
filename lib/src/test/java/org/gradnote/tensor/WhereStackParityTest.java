package org.gradnote.tensor;

import static org.gradnote.Fixtures.load;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gradnote.ParityCases;
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
        ParityCases.assertSameCases(FX, OPS.keySet());
    }

    @TestFactory
    Stream<DynamicTest> matchesPyTorch() {
        return ParityCases.tests(FX, OPS);
    }
}
