package org.gradnote.optim;

import static org.gradnote.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Learning-rate schedules and gradient clipping against torch.optim.lr_scheduler and torch.nn.utils. */
class SchedulerAndClipParityTest {
    private final JsonObject fx = load("schedules.json");

    private double[] lrs(Function<Optimizer, LRScheduler> make) {
        Tensor p = Tensor.zeros(1).requiresGrad(true);
        Optimizer opt = new SGD(List.of(p), 0.1);
        LRScheduler s = make.apply(opt);
        double[] out = new double[12];
        for (int i = 0; i < 12; i++) {
            s.step();
            out[i] = opt.lr();
        }
        return out;
    }

    @Test
    void schedules() {
        assertClose("StepLR", doubles(fx.get("step")), lrs(o -> LRScheduler.step(o, 3, 0.5)), 1e-9);
        assertClose("ExponentialLR", doubles(fx.get("exponential")), lrs(o -> LRScheduler.exponential(o, 0.9)), 1e-9);
        assertClose("CosineAnnealingLR", doubles(fx.get("cosine")), lrs(o -> LRScheduler.cosine(o, 10, 0.001)), 1e-9);
    }

    private List<Tensor> withGrads() {
        JsonObject c = fx.getAsJsonObject("clip");
        List<Tensor> ps = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            Tensor g = tensor(
                    c.getAsJsonArray("grads").get(k), c.getAsJsonArray("shapes").get(k));
            Tensor p = Tensor.zeros(DType.FLOAT64, g.shape()).requiresGrad(true);
            p.setGrad(g);
            ps.add(p);
        }
        return ps;
    }

    private void assertGrads(String what, List<Tensor> ps) {
        JsonObject e = fx.getAsJsonObject("clip").getAsJsonObject(what);
        for (int k = 0; k < ps.size(); k++) {
            assertClose(
                    what + " grad " + k,
                    doubles(e.getAsJsonArray("grads").get(k)),
                    ps.get(k).grad().toDoubleArray(),
                    1e-9);
        }
    }

    @Test
    void clipping() {
        List<Tensor> ps = withGrads();
        double n = GradClip.byNorm(ps, 1.5);
        assertEquals(
                fx.getAsJsonObject("clip")
                        .getAsJsonObject("norm_1.5")
                        .get("norm")
                        .getAsDouble(),
                n,
                1e-9);
        assertGrads("norm_1.5", ps);
        ps = withGrads();
        GradClip.byNorm(ps, 2.0, Double.POSITIVE_INFINITY);
        assertGrads("norm_inf_2", ps);
        ps = withGrads();
        GradClip.byValue(ps, 0.5);
        assertGrads("value_0.5", ps);
    }
}
