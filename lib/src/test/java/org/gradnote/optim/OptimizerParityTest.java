package org.gradnote.optim;

import static org.gradnote.Fixtures.*;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradnote.nn.Losses;
import org.gradnote.nn.Reduction;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each optimizer's parameter trajectory over 20 steps, from identical starts, against torch.optim (1e-5 relative). */
class OptimizerParityTest {
    private static final JsonObject FX = load("optimizers.json");

    static Optimizer make(String name, List<Tensor> ps, JsonObject hp) {
        double lr = hp.get("lr").getAsDouble();
        double wd = hp.has("weight_decay") ? hp.get("weight_decay").getAsDouble() : 0;
        double mom = hp.has("momentum") ? hp.get("momentum").getAsDouble() : 0;
        switch (name) {
            case "sgd":
                return new SGD(ps, lr);
            case "sgd_momentum":
                return new SGD(ps, lr, mom);
            case "sgd_dampening_wd":
                return new SGD(ps, lr, mom, hp.get("dampening").getAsDouble(), wd, false);
            case "sgd_nesterov":
                return new SGD(ps, lr, mom, 0, wd, true);
            case "adagrad":
                return new Adagrad(
                        ps,
                        lr,
                        hp.get("lr_decay").getAsDouble(),
                        wd,
                        hp.get("initial_accumulator_value").getAsDouble(),
                        1e-10);
            case "rmsprop":
                return new RMSprop(ps, lr);
            case "rmsprop_centered_momentum":
                return new RMSprop(ps, lr, hp.get("alpha").getAsDouble(), 1e-8, wd, mom, true);
            case "adam":
                return new Adam(ps, lr);
            case "adam_amsgrad_wd":
                return new Adam(
                        ps, lr, hp.get("beta1").getAsDouble(), hp.get("beta2").getAsDouble(), 1e-8, wd, true);
            case "adamw":
                return new AdamW(ps, lr, 0.9, 0.999, 1e-8, wd, false);
            case "nadam":
                return new NAdam(
                        ps, lr, 0.9, 0.999, 1e-8, wd, hp.get("momentum_decay").getAsDouble());
            default:
                throw new IllegalArgumentException(name);
        }
    }

    static final String[] NAMES = {
        "sgd",
        "sgd_momentum",
        "sgd_dampening_wd",
        "sgd_nesterov",
        "adagrad",
        "rmsprop",
        "rmsprop_centered_momentum",
        "adam",
        "adam_amsgrad_wd",
        "adamw",
        "nadam"
    };

    void replay(String problem, String name, List<Tensor> params, Function<List<Tensor>, Tensor> loss) {
        JsonObject run = FX.getAsJsonObject(problem).getAsJsonObject("runs").getAsJsonObject(name);
        Optimizer opt = make(name, params, run.getAsJsonObject("hyper"));
        var traj = run.getAsJsonArray("trajectory");
        double[] losses = doubles(run.get("loss"));
        for (int step = 0; step < traj.size(); step++) {
            opt.zeroGrad();
            Tensor l = loss.apply(params);
            l.backward();
            assertClose(
                    problem + "/" + name + " loss at step " + step,
                    new double[] {losses[step]},
                    new double[] {l.item()},
                    1e-5);
            opt.step();
            var expected = traj.get(step).getAsJsonArray();
            for (int k = 0; k < params.size(); k++) {
                assertClose(
                        problem + "/" + name + " param " + k + " after step " + (step + 1),
                        doubles(expected.get(k)),
                        params.get(k).toDoubleArray(),
                        1e-5);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sgd",
                "sgd_momentum",
                "sgd_dampening_wd",
                "sgd_nesterov",
                "adagrad",
                "rmsprop",
                "rmsprop_centered_momentum",
                "adam",
                "adam_amsgrad_wd",
                "adamw",
                "nadam"
            })
    void quadratic(String name) {
        JsonObject q = FX.getAsJsonObject("quadratic");
        Tensor a = Tensor.fromArray(DType.FLOAT64, doubles(q.get("A")), 5),
                b = Tensor.fromArray(DType.FLOAT64, doubles(q.get("B")), 5);
        Tensor w = Tensor.fromArray(DType.FLOAT64, doubles(q.get("w0")), 5).requiresGrad(true);
        replay(
                "quadratic",
                name,
                List.of(w),
                ps -> a.mul(ps.get(0).square()).mul(0.5).add(b.mul(ps.get(0))).sum());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sgd",
                "sgd_momentum",
                "sgd_dampening_wd",
                "sgd_nesterov",
                "adagrad",
                "rmsprop",
                "rmsprop_centered_momentum",
                "adam",
                "adam_amsgrad_wd",
                "adamw",
                "nadam"
            })
    void smallMlp(String name) {
        JsonObject m = FX.getAsJsonObject("mlp");
        Tensor x = tensor(m.get("x"), m.get("x_shape"));
        Tensor y = Tensor.of(longs(m.get("y")));
        List<Tensor> ps = new ArrayList<>();
        for (int k = 0; k < 4; k++)
            ps.add(tensor(
                            m.getAsJsonArray("init").get(k),
                            m.getAsJsonArray("shapes").get(k))
                    .requiresGrad(true));
        replay(
                "mlp",
                name,
                ps,
                p -> Losses.crossEntropy(
                        Tensor.linear(Tensor.linear(x, p.get(0), p.get(1)).tanh(), p.get(2), p.get(3)),
                        y,
                        Reduction.MEAN));
    }
}
