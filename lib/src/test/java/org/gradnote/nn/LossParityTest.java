package org.gradnote.nn;

import static org.gradnote.Fixtures.*;

import com.google.gson.JsonObject;
import java.util.Map;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each loss's value and input gradient, for each reduction, against PyTorch. */
class LossParityTest {
    private static final JsonObject FX = load("losses.json");

    interface Fn {
        Tensor apply(Tensor x, Tensor y, Reduction r, JsonObject c);
    }

    private static final Map<String, Fn> LOSSES = Map.of(
            "mse", (x, y, r, c) -> Losses.mse(x, y, r),
            "l1", (x, y, r, c) -> Losses.l1(x, y, r),
            "huber", (x, y, r, c) -> Losses.huber(x, y, c.get("delta").getAsDouble(), r),
            "cross_entropy", (x, y, r, c) -> Losses.crossEntropy(x, y.toLong(), r),
            "cross_entropy_large_logits", (x, y, r, c) -> Losses.crossEntropy(x, y.toLong(), r),
            "nll", (x, y, r, c) -> Losses.nll(x, y.toLong(), r),
            "bce", (x, y, r, c) -> Losses.bce(x, y, r),
            "bce_with_logits", (x, y, r, c) -> Losses.bceWithLogits(x, y, r),
            "hinge", (x, y, r, c) -> Losses.hinge(x, y, r),
            "logistic", (x, y, r, c) -> Losses.logistic(x, y, r));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mse",
                "l1",
                "huber",
                "cross_entropy",
                "cross_entropy_large_logits",
                "nll",
                "bce",
                "bce_with_logits",
                "hinge",
                "logistic"
            })
    void matchesPyTorch(String name) {
        JsonObject c = FX.getAsJsonObject(name);
        for (Reduction r : Reduction.values()) {
            JsonObject expected =
                    c.getAsJsonObject("cases").getAsJsonObject(r.name().toLowerCase());
            Tensor x = tensor(c.get("input"), c.get("input_shape")).requiresGrad(true);
            Tensor y = Tensor.fromArray(DType.FLOAT64, doubles(c.get("target")), longs(c.get("target_shape")));
            Tensor loss = LOSSES.get(name).apply(x, y, r, c);
            if (r == Reduction.NONE) loss.backward(Tensor.onesLike(loss));
            else loss.backward();
            assertClose(name + " " + r + " value", doubles(expected.get("value")), loss.toDoubleArray(), 1e-9);
            assertClose(
                    name + " " + r + " grad",
                    doubles(expected.get("grad")),
                    x.grad().toDoubleArray(),
                    1e-9);
        }
    }
}
