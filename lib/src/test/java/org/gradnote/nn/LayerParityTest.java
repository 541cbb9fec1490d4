package org.gradnote.nn;

import static org.gradnote.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each layer against PyTorch (layers_modules.json from make_layer_fixtures.py): with PyTorch's weights loaded by
 * state-dict key, the same printing, output, input gradient, parameter gradients and buffers after the call.
 */
class LayerParityTest {
    private static final JsonObject FX = load("layers_modules.json");
    static final double REL = 1e-9;

    private static final Map<String, Supplier<Module>> LAYERS = new LinkedHashMap<>();

    static {
        int[] one = {1, 1};
        LAYERS.put("conv1d", () -> new Conv1d(2, 3, 3));
        LAYERS.put("conv1d_stride2_pad1_dil2", () -> new Conv1d(2, 3, 3, 2, 1, 2, true));
        LAYERS.put("conv1d_same_even", () -> new Conv1d(2, 3, 4, 1, "same", 1, true));
        LAYERS.put("conv1d_nobias", () -> new Conv1d(1, 2, 3, 1, 0, 1, false));
        LAYERS.put("conv2d_pad1", () -> new Conv2d(2, 3, 3, 1, 1));
        LAYERS.put(
                "conv2d_stride_pad_dil",
                () -> new Conv2d(2, 3, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, true));
        LAYERS.put("conv2d_same_even", () -> new Conv2d(2, 3, new int[] {2, 4}, one, "same", one, true));
        LAYERS.put("conv2d_valid_nobias", () -> new Conv2d(1, 2, new int[] {3, 3}, one, "valid", one, false));
        LAYERS.put("maxpool2d", () -> new MaxPool2d(2));
        LAYERS.put("maxpool2d_k3_s2_p1", () -> new MaxPool2d(3, 2, 1));
        LAYERS.put(
                "maxpool2d_rect_dil",
                () -> new MaxPool2d(new int[] {2, 3}, new int[] {1, 2}, new int[] {1, 1}, new int[] {2, 1}));
        LAYERS.put("avgpool2d", () -> new AvgPool2d(2));
        LAYERS.put("avgpool2d_k3_s2_p1", () -> new AvgPool2d(3, 2, 1));
        LAYERS.put("maxpool1d_k3_s2_p1", () -> new MaxPool1d(3, 2, 1, 1));
        LAYERS.put("avgpool1d", () -> new AvgPool1d(2));
        LAYERS.put("avgpool1d_k3_s1_p1", () -> new AvgPool1d(3, 1, 1));
        LAYERS.put("batchnorm1d_train_2d", () -> new BatchNorm1d(3));
        LAYERS.put("batchnorm1d_train_3d", () -> new BatchNorm1d(3));
        LAYERS.put("batchnorm1d_eval", () -> new BatchNorm1d(3));
        LAYERS.put("batchnorm2d_train", () -> new BatchNorm2d(2));
        LAYERS.put("batchnorm2d_eval", () -> new BatchNorm2d(2));
        LAYERS.put("layernorm", () -> new LayerNorm(5));
        LAYERS.put("layernorm_2d", () -> new LayerNorm(3, 4));
        LAYERS.put("embedding", () -> new Embedding(5, 3));
        LAYERS.put("flatten", () -> new Flatten());
        LAYERS.put("dropout_eval", () -> new Dropout(0.3));
    }

    static Iterable<String> cases() {
        assertEquals(FX.keySet(), LAYERS.keySet(), "every fixture case has a Java layer and vice versa");
        return LAYERS.keySet();
    }

    static Tensor tensor(JsonElement e) {
        JsonObject o = e.getAsJsonObject();
        DType type = o.get("dtype").getAsString().equals("int64") ? DType.INT64 : DType.FLOAT64;
        return Tensor.fromArray(type, doubles(o.get("values")), longs(o.get("shape")));
    }

    static Map<String, Tensor> state(JsonObject o) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String k : o.keySet()) m.put(k, tensor(o.get(k)));
        return m;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void matchesPyTorch(String name) {
        JsonObject c = FX.getAsJsonObject(name);
        Module m = LAYERS.get(name).get().to(DType.FLOAT64);
        assertEquals(c.get("repr").getAsString(), m.toString(), name + " prints like PyTorch");
        assertEquals(c.getAsJsonObject("state").keySet(), m.stateDict().keySet(), name + " state-dict keys");
        m.loadStateDict(state(c.getAsJsonObject("state")));
        m.train(c.get("train").getAsBoolean());
        Tensor x = tensor(c.get("input"));
        if (x.dtype().isFloatingPoint()) x.requiresGrad(true);
        Tensor y = m.forward(x);
        Tensor expectedY = tensor(c.get("output"));
        assertArrayEquals(expectedY.shape(), y.shape(), name + " output shape");
        assertClose(name + " output", expectedY.toDoubleArray(), y.toDoubleArray(), REL);
        y.backward(tensor(c.get("grad_out")));
        if (!c.get("input_grad").isJsonNull()) {
            assertClose(
                    name + " input grad",
                    tensor(c.get("input_grad")).toDoubleArray(),
                    x.grad().toDoubleArray(),
                    REL);
        }
        JsonObject pg = c.getAsJsonObject("param_grads");
        Map<String, Tensor> params = m.namedParameters();
        assertEquals(pg.keySet(), params.keySet());
        for (String p : pg.keySet()) {
            assertClose(
                    name + " grad of " + p,
                    tensor(pg.get(p)).toDoubleArray(),
                    params.get(p).grad().toDoubleArray(),
                    REL);
        }
        Map<String, Tensor> after = state(c.getAsJsonObject("state_after")), mine = m.stateDict();
        for (String k : after.keySet()) {
            assertClose(
                    name + " " + k + " after the call",
                    after.get(k).toDoubleArray(),
                    mine.get(k).toDoubleArray(),
                    REL);
        }
    }
}
