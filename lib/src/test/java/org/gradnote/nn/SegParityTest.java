package org.gradnote.nn;

import static org.gradnote.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The segmentation layers against PyTorch (seg.json from make_seg_fixtures.py): ConvTranspose2d and Upsample with
 * PyTorch's weights give its printing, output, input gradient and parameter gradients; F.interpolate to a size; and
 * per-pixel cross-entropy on [N, C, H, W] logits with [N, H, W] targets.
 */
class SegParityTest {
    private static final JsonObject FX = load("seg.json");
    private static final double REL = 1e-9;
    private static final Map<String, Supplier<Module>> LAYERS = new LinkedHashMap<>();

    static {
        int[] one = {1, 1}, zero = {0, 0};
        LAYERS.put("convt_k2_s2", () -> new ConvTranspose2d(3, 2, 2, 2));
        LAYERS.put("convt_k3_s1_p1", () -> new ConvTranspose2d(2, 3, new int[] {3, 3}, one, one, zero, one, true));
        LAYERS.put(
                "convt_k3_s2_p1_op1",
                () -> new ConvTranspose2d(2, 3, new int[] {3, 3}, new int[] {2, 2}, one, one, one, true));
        LAYERS.put(
                "convt_rect_dil_nobias",
                () -> new ConvTranspose2d(
                        2,
                        2,
                        new int[] {3, 2},
                        new int[] {2, 3},
                        new int[] {1, 0},
                        new int[] {1, 2},
                        new int[] {2, 1},
                        false));
        LAYERS.put("upsample_nearest_x2", () -> new Upsample(2));
        LAYERS.put("upsample_nearest_x3", () -> new Upsample(3, "nearest", false));
        LAYERS.put("upsample_bilinear_x2", () -> new Upsample(2, "bilinear", false));
        LAYERS.put("upsample_bilinear_x2_align", () -> new Upsample(2, "bilinear", true));
    }

    static Iterable<String> cases() {
        assertEquals(FX.getAsJsonObject("modules").keySet(), LAYERS.keySet(), "every case has a Java layer");
        return LAYERS.keySet();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void layerMatchesPyTorch(String name) {
        JsonObject c = FX.getAsJsonObject("modules").getAsJsonObject(name);
        Module m = LAYERS.get(name).get().to(DType.FLOAT64);
        assertEquals(c.get("repr").getAsString(), m.toString(), name + " prints like PyTorch");
        m.loadStateDict(LayerParityTest.state(c.getAsJsonObject("state")));
        Tensor x = LayerParityTest.tensor(c.get("input")).requiresGrad(true);
        Tensor y = m.forward(x);
        Tensor expected = LayerParityTest.tensor(c.get("output"));
        assertArrayEquals(expected.shape(), y.shape(), name + " output shape");
        assertClose(name + " output", expected.toDoubleArray(), y.toDoubleArray(), REL);
        y.backward(LayerParityTest.tensor(c.get("grad_out")));
        assertClose(
                name + " input grad",
                LayerParityTest.tensor(c.get("input_grad")).toDoubleArray(),
                x.grad().toDoubleArray(),
                REL);
        JsonObject pg = c.getAsJsonObject("param_grads");
        Map<String, Tensor> params = m.namedParameters();
        assertEquals(pg.keySet(), params.keySet());
        for (String p : pg.keySet()) {
            assertClose(
                    name + " grad of " + p,
                    LayerParityTest.tensor(pg.get(p)).toDoubleArray(),
                    params.get(p).grad().toDoubleArray(),
                    REL);
        }
    }

    @Test
    void interpolateToASizeMatchesPyTorch() {
        JsonObject all = FX.getAsJsonObject("resize");
        for (String name : all.keySet()) {
            JsonObject c = all.getAsJsonObject(name);
            Tensor x = LayerParityTest.tensor(c.get("input")).requiresGrad(true);
            Tensor y = Functional.interpolate(
                    x,
                    longs(c.get("size")),
                    c.get("mode").getAsString(),
                    c.get("align_corners").getAsBoolean());
            assertClose(name, LayerParityTest.tensor(c.get("output")).toDoubleArray(), y.toDoubleArray(), REL);
            y.backward(LayerParityTest.tensor(c.get("grad_out")));
            assertClose(
                    name + " input grad",
                    LayerParityTest.tensor(c.get("input_grad")).toDoubleArray(),
                    x.grad().toDoubleArray(),
                    REL);
        }
    }

    @Test
    void perPixelCrossEntropyMatchesPyTorch() {
        JsonObject c = FX.getAsJsonObject("pixel_ce");
        Tensor target = LayerParityTest.tensor(c.get("target"));
        Tensor logits = LayerParityTest.tensor(c.get("logits")).requiresGrad(true);
        Tensor none = Losses.crossEntropy(logits, target, Reduction.NONE);
        Tensor expectedNone = LayerParityTest.tensor(c.get("none"));
        assertArrayEquals(expectedNone.shape(), none.shape());
        assertClose("per-pixel losses", expectedNone.toDoubleArray(), none.toDoubleArray(), REL);
        assertEquals(
                c.get("sum").getAsDouble(),
                Losses.crossEntropy(logits, target, Reduction.SUM).item(),
                1e-9);
        Tensor mean = Losses.crossEntropy(logits, target, Reduction.MEAN);
        assertEquals(c.get("mean").getAsDouble(), mean.item(), 1e-12);
        mean.backward();
        assertClose(
                "grad of the mean",
                LayerParityTest.tensor(c.get("grad_mean")).toDoubleArray(),
                logits.grad().toDoubleArray(),
                REL);
        // nll on log-probabilities agrees.
        Tensor lp = logits.detach().logSoftmax(1);
        assertClose(
                "nll",
                expectedNone.toDoubleArray(),
                Losses.nll(lp, target, Reduction.NONE).toDoubleArray(),
                REL);
    }
}
