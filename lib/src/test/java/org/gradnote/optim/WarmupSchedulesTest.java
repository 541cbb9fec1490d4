package org.gradnote.optim;

import static org.gradnote.Fixtures.assertClose;
import static org.gradnote.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.util.List;
import java.util.function.Function;
import org.gradnote.Fixtures;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The Transformer warm-up schedules (inverse square root "Noam", warm-up + cosine) against torch's LambdaLR driven
 * by the same formulas (fixtures/transformer.json, two parameter groups), their shape, and resuming from stateDict.
 */
class WarmupSchedulesTest {
    private static Optimizer twoGroups() {
        Tensor w = Tensor.zeros(DType.FLOAT64, 2).requiresGrad(true),
                b = Tensor.zeros(DType.FLOAT64, 1).requiresGrad(true);
        return new SGD(
                List.of(ParamGroup.of(List.of(w)), ParamGroup.of(List.of(b)).lr(0.02)), 0.5);
    }

    private static void parity(String fixture, Function<Optimizer, LRScheduler> make) {
        JsonArray rows = Fixtures.load("transformer.json")
                .getAsJsonObject("schedules")
                .getAsJsonObject(fixture)
                .getAsJsonArray("lrs");
        Optimizer o = twoGroups();
        LRScheduler s = make.apply(o);
        assertClose(fixture + " at construction", doubles(rows.get(0)), s.lastLrs(), 1e-12);
        for (int i = 1; i < rows.size(); i++) {
            o.step();
            s.step();
            assertClose(fixture + " after step " + i, doubles(rows.get(i)), s.lastLrs(), 1e-12);
        }
    }

    @Test
    void noamMatchesTorchLambdaLR() {
        parity("noam", o -> LRScheduler.noam(o, 16, 4));
    }

    @Test
    void warmupCosineMatchesTorchLambdaLR() {
        parity("warmup_cosine", o -> LRScheduler.warmupCosine(o, 3, 10));
        parity("warmup_cosine_min", o -> LRScheduler.warmupCosine(o, 4, 9, 0.001));
    }

    @Test
    void noamPeaksAtTheEndOfWarmUp() {
        Optimizer o = twoGroups();
        LRScheduler s = LRScheduler.noam(o, 64, 10);
        double[] lr = new double[40];
        for (int i = 0; i < lr.length; i++) {
            lr[i] = s.lastLr();
            s.step();
        }
        for (int i = 1; i < 10; i++) assertTrue(lr[i] > lr[i - 1], "rises during warm-up at " + i);
        for (int i = 10; i < 40; i++) assertTrue(lr[i] < lr[i - 1], "decays after warm-up at " + i);
        assertEquals(0.5 / Math.sqrt(64 * 10), lr[9], 1e-15, "peak lr / sqrt(d_model * warmup)");
    }

    @Test
    void warmupCosineRisesThenFallsToEtaMin() {
        Optimizer o = twoGroups();
        LRScheduler s = LRScheduler.warmupCosine(o, 5, 20, 0.01);
        assertEquals(0.0, s.lastLr(), "0 at the very first step, as Hugging Face's");
        for (int i = 0; i < 5; i++) s.step();
        assertEquals(0.5, s.lastLr(), 1e-15, "the base rate at the end of warm-up");
        for (int i = 0; i < 30; i++) s.step();
        assertEquals(0.01, s.lastLr(), 1e-15, "eta_min after total_steps");
    }

    @Test
    void resumesFromStateDict() {
        Optimizer a = twoGroups();
        LRScheduler s = LRScheduler.noam(a, 32, 6);
        for (int i = 0; i < 7; i++) s.step();
        Optimizer b = twoGroups();
        LRScheduler r = LRScheduler.noam(b, 32, 6);
        r.loadStateDict(s.stateDict());
        assertEquals(7, r.epoch());
        for (int i = 0; i < 5; i++) {
            s.step();
            r.step();
            assertArrayEquals(s.lastLrs(), r.lastLrs(), 0.0, "resumed schedule at step " + (8 + i));
        }
        Optimizer c = twoGroups();
        LRScheduler w = LRScheduler.warmupCosine(c, 3, 12);
        for (int i = 0; i < 4; i++) w.step();
        LRScheduler w2 = LRScheduler.warmupCosine(twoGroups(), 3, 12);
        w2.loadStateDict(w.stateDict());
        w.step();
        w2.step();
        assertArrayEquals(w.lastLrs(), w2.lastLrs(), 0.0);
    }

    @Test
    void rejectsBadArguments() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LRScheduler.noam(twoGroups(), 16, 0))
                .getMessage()
                .contains("warmup_steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LRScheduler.warmupCosine(twoGroups(), 10, 10))
                .getMessage()
                .contains("warmup_steps < total_steps"));
    }
}
