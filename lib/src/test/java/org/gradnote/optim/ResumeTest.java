package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gradnote.Gradnote;
import org.gradnote.nn.StateDicts;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * N steps, save the optimizer's and the schedule's state dicts (through a state-dict file), build fresh ones over
 * fresh parameters holding the saved values, load, M more steps: the parameters are bit for bit those of an
 * uninterrupted N+M-step run, for every optimizer with every schedule. float32, two groups, a frozen parameter and
 * one that never gets a gradient; a weight above Adam's Java-loop size so its native kernel runs too.
 */
class ResumeTest {
    private static final int N = 6, M = 7;

    /** The run's tensors: data, and the parameters in their groups. */
    private static final class Run {
        final Tensor x, y, w, big, b, frozen, unused;

        Run(long seed) {
            Gradnote.seed(seed);
            x = Tensor.randn(DType.FLOAT32, 8, 12);
            y = Tensor.randn(DType.FLOAT32, 8, 5);
            w = Tensor.randn(DType.FLOAT32, 12, 5).mul(0.3).requiresGrad(true);
            big = Tensor.randn(DType.FLOAT32, 64, 80).mul(0.1).requiresGrad(true); // 5120 > Dispatch.ADAM_LOOP_MAX
            b = Tensor.randn(DType.FLOAT32, 5).requiresGrad(true);
            frozen = Tensor.randn(DType.FLOAT32, 5);
            unused = Tensor.randn(DType.FLOAT32, 3).requiresGrad(true);
        }

        /** Fresh parameter objects holding this run's current values (as a new process would load them). */
        Run copy() {
            Run r = new Run(0);
            for (Tensor[] pair : new Tensor[][] {
                {r.w, w}, {r.big, big}, {r.b, b}, {r.frozen, frozen}, {r.unused, unused}, {r.x, x}, {r.y, y}
            }) {
                try (var ng = Tensor.noGrad()) {
                    pair[0].copy_(pair[1]);
                }
            }
            return r;
        }

        List<ParamGroup> groups() {
            return List.of(
                    ParamGroup.of(List.of(w, frozen, big)),
                    ParamGroup.of(List.of(unused, b)).lr(0.02).weightDecay(0.01));
        }

        double step(Optimizer opt) {
            opt.zeroGrad();
            Tensor loss = x.matmul(w)
                    .add(b)
                    .add(frozen)
                    .tanh()
                    .sub(y)
                    .square()
                    .mean()
                    .add(big.square().mean());
            loss.backward();
            opt.step();
            return loss.item();
        }
    }

    /** A schedule driven per step: an LRScheduler, or ReduceLROnPlateau fed the loss. */
    private interface Schedule {
        void step(double loss);

        Map<String, Tensor> stateDict();

        void loadStateDict(Map<String, Tensor> sd);
    }

    private static Schedule of(LRScheduler s) {
        return new Schedule() {
            public void step(double loss) {
                s.step();
            }

            public Map<String, Tensor> stateDict() {
                return s.stateDict();
            }

            public void loadStateDict(Map<String, Tensor> sd) {
                s.loadStateDict(sd);
            }
        };
    }

    private static Schedule of(ReduceLROnPlateau s) {
        return new Schedule() {
            public void step(double loss) {
                s.step(loss);
            }

            public Map<String, Tensor> stateDict() {
                return s.stateDict();
            }

            public void loadStateDict(Map<String, Tensor> sd) {
                s.loadStateDict(sd);
            }
        };
    }

    static Stream<Arguments> cases() {
        Map<String, Function<List<ParamGroup>, Optimizer>> opts = new LinkedHashMap<>();
        opts.put("SGD momentum", g -> new SGD(g, 0.05, 0.9));
        opts.put("SGD nesterov wd", g -> new SGD(g, 0.05, 0.9, 0, 1e-3, true));
        opts.put("SGD dampening", g -> new SGD(g, 0.05, 0.8, 0.3, 0, false));
        opts.put("Adagrad", g -> new Adagrad(g, 0.05, 0.01, 0, 0.1, 1e-10));
        opts.put("RMSprop centered momentum", g -> new RMSprop(g, 0.01, 0.9, 1e-8, 0, 0.5, true));
        opts.put("Adam", g -> new Adam(g, 0.01));
        opts.put("Adam AMSGrad", g -> new Adam(g, 0.01, 0.9, 0.99, 1e-8, 0.01, true));
        opts.put("AdamW", g -> new AdamW(g, 0.01));
        opts.put("NAdam", g -> new NAdam(g, 0.01));
        Map<String, Function<Optimizer, Schedule>> scheds = new LinkedHashMap<>();
        scheds.put("StepLR", o -> of(LRScheduler.step(o, 3, 0.5)));
        scheds.put("ExponentialLR", o -> of(LRScheduler.exponential(o, 0.9)));
        scheds.put("CosineAnnealingLR", o -> of(LRScheduler.cosine(o, 10, 1e-4)));
        scheds.put("LinearLR", o -> of(LRScheduler.linear(o, 0.2, 1.0, 8)));
        scheds.put("LambdaLR", o -> of(LRScheduler.lambda(o, e -> 1.0 / (1 + 0.3 * e))));
        scheds.put("OneCycleLR", o -> of(OneCycleLR.of(o, 0.05, N + M)));
        scheds.put(
                "ReduceLROnPlateau",
                o -> of(ReduceLROnPlateau.max(o).patience(1).factor(0.5).cooldown(1)));
        List<Arguments> out = new ArrayList<>();
        for (var o : opts.entrySet())
            for (var s : scheds.entrySet())
                out.add(Arguments.of(o.getKey() + " + " + s.getKey(), o.getValue(), s.getValue()));
        return out.stream();
    }

    private static long[] bits(Tensor t) {
        float[] v = t.toFloatArray();
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = Float.floatToRawIntBits(v[i]);
        return out;
    }

    private static Map<String, Tensor> throughFile(Map<String, Tensor> sd, Path dir, String name) throws Exception {
        Path f = dir.resolve(name + ".gnsd");
        StateDicts.save(sd, f);
        return StateDicts.read(f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resumedRunIsBitIdentical(
            String label, Function<List<ParamGroup>, Optimizer> makeOpt, Function<Optimizer, Schedule> makeSched)
            throws Exception {
        Run whole = new Run(17);
        Optimizer o1 = makeOpt.apply(whole.groups());
        Schedule s1 = makeSched.apply(o1);
        for (int k = 0; k < N + M; k++) s1.step(whole.step(o1));

        Run first = new Run(17);
        Optimizer o2 = makeOpt.apply(first.groups());
        Schedule s2 = makeSched.apply(o2);
        for (int k = 0; k < N; k++) s2.step(first.step(o2));
        Path dir = Files.createTempDirectory("resume");
        Map<String, Tensor> optState = throughFile(o2.stateDict(), dir, "opt"),
                schedState = throughFile(s2.stateDict(), dir, "sched");

        Run second = first.copy();
        Optimizer o3 = makeOpt.apply(second.groups());
        Schedule s3 = makeSched.apply(o3);
        o3.loadStateDict(optState);
        s3.loadStateDict(schedState);
        for (int k = 0; k < M; k++) s3.step(second.step(o3));

        assertArrayEquals(bits(whole.w), bits(second.w), label + ": w");
        assertArrayEquals(bits(whole.big), bits(second.big), label + ": big");
        assertArrayEquals(bits(whole.b), bits(second.b), label + ": b");
        assertArrayEquals(bits(new Run(17).frozen), bits(second.frozen), label + ": the frozen parameter moved");
        assertArrayEquals(
                bits(new Run(17).unused), bits(second.unused), label + ": the parameter without gradient moved");
        assertEquals(o1.lr(), o3.lr(), label + ": lr");
        assertEquals(o1.paramGroups().get(1).lr(), o3.paramGroups().get(1).lr(), label + ": lr of group 1");
        // Not vacuous: training moved the weights, and a fresh optimizer without the loaded state goes elsewhere.
        assertNotEquals(bits(new Run(17).w)[0], bits(whole.w)[0], label);
        Run again = first.copy();
        Optimizer o4 = makeOpt.apply(again.groups());
        Schedule s4 = makeSched.apply(o4);
        for (int k = 0; k < M; k++) s4.step(again.step(o4));
        org.junit.jupiter.api.Assertions.assertFalse(
                java.util.Arrays.equals(bits(whole.big), bits(again.big)), label + ": state made no difference");
    }
}
