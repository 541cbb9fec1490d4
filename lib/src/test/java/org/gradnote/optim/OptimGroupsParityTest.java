package org.gradnote.optim;

import static org.gradnote.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameter groups (two groups with their own lr, weight decay and one more option, a frozen parameter in the
 * first) and LinearLR, LambdaLR, OneCycleLR, ReduceLROnPlateau over two groups, against torch.optim 1.13
 * (fixtures/optim_groups.json from lib/src/test/python/make_optim_fixtures.py).
 */
class OptimGroupsParityTest {
    private static final JsonObject FX = load("optim_groups.json");

    private static double opt(JsonObject d, String k, double fallback) {
        return d.has(k) ? d.get(k).getAsDouble() : fallback;
    }

    static Optimizer make(String name, List<ParamGroup> groups, JsonObject d) {
        double lr = d.get("lr").getAsDouble();
        switch (name) {
            case "sgd":
            case "sgd_nesterov":
            case "sgd_dampening":
                return new SGD(
                        groups,
                        lr,
                        opt(d, "momentum", 0),
                        opt(d, "dampening", 0),
                        opt(d, "weight_decay", 0),
                        opt(d, "nesterov", 0) != 0);
            case "adagrad":
                return new Adagrad(groups, lr, 0, 0, opt(d, "initial_accumulator_value", 0), 1e-10);
            case "rmsprop":
                return new RMSprop(groups, lr, 0.99, 1e-8, 0, opt(d, "momentum", 0), false);
            case "adam":
            case "adam_amsgrad":
                return new Adam(groups, lr, 0.9, 0.999, 1e-8, 0, opt(d, "amsgrad", 0) != 0);
            case "adamw":
                return new AdamW(groups, lr);
            case "nadam":
                return new NAdam(groups, lr, 0.9, 0.999, 1e-8, 0, 4e-3);
            default:
                throw new IllegalArgumentException(name);
        }
    }

    private static ParamGroup group(List<Tensor> params, JsonObject options) {
        ParamGroup g = ParamGroup.of(params);
        for (var e : options.entrySet()) g.set(e.getKey(), e.getValue().getAsDouble());
        return g;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sgd",
                "sgd_nesterov",
                "sgd_dampening",
                "adagrad",
                "rmsprop",
                "adam",
                "adam_amsgrad",
                "adamw",
                "nadam"
            })
    void twoGroupsAndAFrozenParameter(String name) {
        JsonObject run = FX.getAsJsonObject("groups").getAsJsonObject("runs").getAsJsonObject(name);
        JsonObject gfx = FX.getAsJsonObject("groups");
        Tensor x = tensor(gfx.get("x"), gfx.get("x_shape")), y = tensor(gfx.get("y"), gfx.get("y_shape"));
        Tensor w = Tensor.fromArray(DType.FLOAT64, doubles(gfx.get("w0")), 3, 4).requiresGrad(true);
        Tensor b = Tensor.fromArray(DType.FLOAT64, doubles(gfx.get("b0")), 3).requiresGrad(true);
        Tensor c = Tensor.fromArray(DType.FLOAT64, doubles(gfx.get("c0")), 3); // frozen
        double[] c0 = c.toDoubleArray();
        Optimizer o = make(
                name,
                List.of(
                        group(List.of(w, c), run.getAsJsonObject("group0")),
                        group(List.of(b), run.getAsJsonObject("group1"))),
                run.getAsJsonObject("defaults"));
        JsonArray traj = run.getAsJsonArray("trajectory");
        for (int step = 0; step < traj.size(); step++) {
            o.zeroGrad();
            x.matmul(w.t()).add(b).add(c).tanh().sub(y).square().mean().backward();
            o.step();
            JsonObject e = traj.get(step).getAsJsonObject();
            assertClose(name + " w after step " + (step + 1), doubles(e.get("w")), w.toDoubleArray(), 1e-9);
            assertClose(name + " b after step " + (step + 1), doubles(e.get("b")), b.toDoubleArray(), 1e-9);
            assertArrayEquals(c0, c.toDoubleArray(), 0.0, name + ": the frozen parameter moved");
        }
    }

    // ------------------------------------------------------------ schedules

    private static Optimizer twoGroups(Function<List<ParamGroup>, Optimizer> make) {
        Tensor p = Tensor.zeros(DType.FLOAT64, 1).requiresGrad(true),
                q = Tensor.zeros(DType.FLOAT64, 1).requiresGrad(true);
        return make.apply(List.of(
                ParamGroup.of(List.of(p)).lr(0.1), ParamGroup.of(List.of(q)).lr(0.01)));
    }

    private static void assertRows(String what, JsonArray expected, List<double[]> actual) {
        assertEquals(expected.size(), actual.size(), what + ": number of rows");
        for (int i = 0; i < actual.size(); i++)
            assertClose(what + " row " + i, doubles(expected.get(i)), actual.get(i), 1e-12);
    }

    private static double[] momenta(Optimizer o, String key) {
        double[] out = new double[o.paramGroups().size()];
        for (int g = 0; g < out.length; g++) out[g] = o.paramGroups().get(g).get(key);
        return out;
    }

    /** Rates (and momenta under {@code key}) after construction and after each of {@code steps} steps. */
    private static void schedule(
            String fixture,
            Function<List<ParamGroup>, Optimizer> optimizer,
            Function<Optimizer, LRScheduler> make,
            int steps,
            String key) {
        Optimizer o = twoGroups(optimizer);
        LRScheduler s = make.apply(o);
        List<double[]> lrs = new ArrayList<>(), moms = new ArrayList<>();
        lrs.add(s.lastLrs());
        if (key != null) moms.add(momenta(o, key));
        for (int i = 0; i < steps; i++) {
            o.step();
            s.step();
            lrs.add(s.lastLrs());
            if (key != null) moms.add(momenta(o, key));
        }
        JsonObject e = FX.getAsJsonObject("schedules").getAsJsonObject(fixture);
        assertRows(fixture + " lr", e.getAsJsonArray("lrs"), lrs);
        if (key != null) assertRows(fixture + " " + key, e.getAsJsonArray("momenta"), moms);
    }

    @Test
    void linearWarmUpAndDecay() {
        schedule("linear", g -> new SGD(g, 0.1), o -> LRScheduler.linear(o, 0.25, 1.0, 4), 8, null);
        schedule("linear_decay", g -> new SGD(g, 0.1), o -> LRScheduler.linear(o, 1.0, 0.1, 5), 8, null);
    }

    @Test
    void lambda() {
        schedule("lambda", g -> new SGD(g, 0.1), o -> LRScheduler.lambda(o, e -> Math.pow(0.95, e)), 8, null);
        List<IntToDoubleFunction> perGroup = List.of(e -> Math.pow(0.9, e), e -> 1.0 / (1 + e));
        schedule("lambda_per_group", g -> new SGD(g, 0.1), o -> LRScheduler.lambda(o, perGroup), 8, null);
    }

    @Test
    void oneCycle() {
        schedule(
                "onecycle_sgd",
                g -> new SGD(g, 0.1, 0.9),
                o -> OneCycleLR.of(o, new double[] {0.5, 0.05}, 20),
                20,
                "momentum");
        schedule(
                "onecycle_linear_adam",
                g -> new Adam(g, 0.1),
                o -> OneCycleLR.of(o, 0.01, 15)
                        .linear()
                        .pctStart(0.4)
                        .divFactor(10)
                        .finalDivFactor(100),
                15,
                "beta1");
        schedule(
                "onecycle_three_phase",
                g -> new SGD(g, 0.1, 0.9),
                o -> OneCycleLR.of(o, 0.2, 24).threePhase().momentum(0.8, 0.9),
                24,
                "momentum");
    }

    private static void plateau(String fixture, Function<Optimizer, ReduceLROnPlateau> make) {
        JsonObject e = FX.getAsJsonObject("schedules").getAsJsonObject(fixture);
        Optimizer o = twoGroups(g -> new SGD(g, 0.1));
        ReduceLROnPlateau s = make.apply(o);
        double[] metrics = doubles(e.get("metrics")), bad = doubles(e.get("num_bad_epochs"));
        List<double[]> lrs = new ArrayList<>();
        for (int i = 0; i < metrics.length; i++) {
            o.step();
            s.step(metrics[i]);
            lrs.add(s.lastLrs());
            assertEquals((int) bad[i], s.numBadEpochs(), fixture + " num_bad_epochs at step " + (i + 1));
        }
        assertRows(fixture + " lr", e.getAsJsonArray("lrs"), lrs);
        assertEquals(e.get("best").getAsDouble(), s.best(), fixture + " best");
    }

    @Test
    void reduceOnPlateau() {
        plateau("plateau_min", o -> ReduceLROnPlateau.min(o).factor(0.5).patience(2));
        plateau(
                "plateau_min_cooldown_minlr",
                o -> ReduceLROnPlateau.min(o)
                        .factor(0.5)
                        .patience(1)
                        .cooldown(2)
                        .minLr(0.02, 0.004));
        plateau(
                "plateau_min_abs",
                o -> ReduceLROnPlateau.min(o)
                        .factor(0.3)
                        .patience(1)
                        .threshold(0.05)
                        .thresholdMode(ReduceLROnPlateau.ThresholdMode.ABS));
        plateau(
                "plateau_max_rel",
                o -> ReduceLROnPlateau.max(o).factor(0.5).patience(1).threshold(0.02));
        plateau(
                "plateau_max_abs_eps",
                o -> ReduceLROnPlateau.max(o)
                        .factor(0.9)
                        .patience(0)
                        .threshold(0)
                        .thresholdMode(ReduceLROnPlateau.ThresholdMode.ABS)
                        .eps(0.005));
    }
}
