package org.gradnote.examples;

import static org.gradnote.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.Adam;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The two CNN labs against their PyTorch twins (layers_labs.json). From PyTorch's initial weights and batch order
 * both follow PyTorch's trajectory step by step in float64; from gradnote's own seed they reach the twins' quality.
 */
class ConvLabsTest {
    private static final JsonObject FX = load("layers_labs.json");

    static Map<String, Tensor> state(JsonObject o) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (String k : o.keySet()) {
            JsonObject t = o.getAsJsonObject(k);
            m.put(k, Tensor.fromArray(DType.FLOAT64, doubles(t.get("values")), longs(t.get("shape"))));
        }
        return m;
    }

    @Test
    void lenetFollowsPyTorchStepByStepAndReachesItsTestAccuracy() {
        JsonObject ref = FX.getAsJsonObject("lenet_trajectory");
        Sequential model = LenetDigits.lenet();
        model.to(DType.FLOAT64);
        model.loadStateDict(state(ref.getAsJsonObject("init")));
        Tensor[] s = LenetDigits.split();
        Tensor x = s[0].toDouble(), y = s[1];
        SGD opt = new SGD(model.parameters(), 0.1, 0.9);
        Loss crit = Loss.crossEntropy();
        double[] expected = doubles(ref.get("losses"));
        int step = 0;
        for (var epochOrder : ref.getAsJsonArray("order")) {
            long[] order = longs(epochOrder);
            for (int i = 0; i < order.length; i += 32) {
                Tensor idx = Tensor.of(java.util.Arrays.copyOfRange(order, i, Math.min(order.length, i + 32)));
                opt.zeroGrad();
                Tensor loss = crit.apply(model.forward(x.indexSelect(0, idx)), y.indexSelect(0, idx));
                loss.backward();
                opt.step();
                assertClose(
                        "LeNet loss at step " + step, new double[] {expected[step]}, new double[] {loss.item()}, 1e-6);
                step++;
            }
        }
        assertEquals(expected.length, step);
        try (var g = Tensor.noGrad()) {
            double acc = model.forward(s[2].toDouble()).argmax(1).eq(s[3]).countNonZero() / (double) s[3].numel();
            assertEquals(
                    ref.get("test_acc").getAsDouble(),
                    acc,
                    1e-9,
                    "same predictions as PyTorch after " + step + " steps");
        }
    }

    @Test
    void lenetFromItsOwnSeedLearns() {
        // The twin's protocol (SGD 0.1, momentum 0.9) is unstable: PyTorch's own 3-epoch accuracy ranges 71-80% over
        // seeds 0-4 and one 10-epoch run diverges to 10%, so a single seed is held to "clearly learns", and the
        // comparison with PyTorch is the trajectory test above, from identical weights and batch order.
        double torch3 = FX.getAsJsonObject("lenet_digits")
                .getAsJsonObject("3")
                .get("test_acc")
                .getAsDouble();
        LenetDigits.Result r = LenetDigits.run(2, 0);
        assertTrue(r.epochLoss().get(1) < r.epochLoss().get(0) * 0.75, "loss falls: " + r.epochLoss());
        assertTrue(
                r.test().value() > 0.5,
                "2-epoch accuracy " + r.test() + " (PyTorch's twin after 3 epochs: " + torch3 + ")");
    }

    @Test
    void meteoCnnFollowsPyTorchEpochByEpoch() {
        JsonObject ref = FX.getAsJsonObject("meteo_trajectory");
        MeteoCnn.Mod model = new MeteoCnn.Mod(ref.get("hidden").getAsInt());
        model.to(DType.FLOAT64);
        model.loadStateDict(state(ref.getAsJsonObject("init")));
        Tensor[] train = MeteoCnn.xy(2014), test = MeteoCnn.xy(2015);
        Tensor tx = train[0].toDouble(), ty = train[1].toDouble().slice(1, 0, tx.size(1) - 2);
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss crit = Loss.mse();
        double[] expected = doubles(ref.get("losses"));
        for (int epoch = 0; epoch < expected.length; epoch++) {
            opt.zeroGrad();
            Tensor loss = crit.apply(model.forward(tx), ty);
            loss.backward();
            opt.step();
            assertClose(
                    "meteo train MSE at epoch " + epoch,
                    new double[] {expected[epoch]},
                    new double[] {loss.item()},
                    1e-6);
        }
        double testMse =
                MeteoCnn.testMse(model, test[0].toDouble(), test[1].toDouble().slice(1, 0, test[0].size(1) - 2), crit);
        assertClose("meteo test MSE", new double[] {ref.get("test_mse").getAsDouble()}, new double[] {testMse}, 1e-6);
    }

    @Test
    void meteoCnnHundredFiltersBeatOneAndMatchTheTwin() {
        JsonObject twin = FX.getAsJsonObject("meteo_cnn");
        MeteoCnn.Result h100 = MeteoCnn.run(100, 100, 0);
        double torch100 = twin.getAsJsonObject("100").get("test_mse").getAsDouble();
        assertTrue(
                h100.finalTestMse() < 2 * torch100 && h100.finalTestMse() > torch100 / 2,
                "h=100 test MSE " + h100.finalTestMse() + " vs PyTorch's " + torch100);
        MeteoCnn.Result h1 = MeteoCnn.run(1, 100, 0);
        assertTrue(
                h1.finalTestMse() > h100.finalTestMse(),
                "h=1 underfits: " + h1.finalTestMse() + " vs h=100 " + h100.finalTestMse());
        assertEquals(501, h100.parameters());
        assertEquals(6, h1.parameters());
    }

    @Test
    void lenetPrintsLikePyTorch() {
        String torch = FX.getAsJsonObject("reprs").get("lenet_plus").getAsString();
        String mine = LenetDigits.lenet()
                .add(new org.gradnote.nn.Dropout(0.5))
                .add(new org.gradnote.nn.BatchNorm2d(6))
                .add(new org.gradnote.nn.LayerNorm(4))
                .toString();
        assertEquals(torch, mine);
    }
}
