package org.gradnote.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradnote.data.DataLoader;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.optim.ReduceLROnPlateau;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Explicit MIN/MAX modes per metric for History, EarlyStopping and best checkpoints; the name's guess as default. */
class ModeTest {
    private static History history(String name, double... values) {
        History h = new History();
        for (double v : values) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put(name, v);
            h.append(row);
        }
        return h;
    }

    @Test
    void guessIsTheDocumentedDefault() {
        assertEquals(Mode.MIN, Mode.guess("dev_loss"));
        assertEquals(Mode.MIN, Mode.guess("Val_MSE"));
        assertEquals(Mode.MIN, Mode.guess("test_error"));
        assertEquals(Mode.MAX, Mode.guess("dev_acc"));
        assertEquals(Mode.MAX, Mode.guess("f1"));
        assertTrue(History.lowerIsBetter("train_loss"));
    }

    @Test
    void historyBestFollowsTheDeclaredMode() {
        History h = history("reward_loss", 1.0, 3.0, 2.0);
        assertEquals(1, h.bestEpoch("reward_loss"), "guessed MIN from the name");
        assertEquals(Mode.MAX, h.mode("reward_loss", Mode.MAX).mode("reward_loss"));
        assertEquals(2, h.bestEpoch("reward_loss"), "declared MAX");
        assertEquals(3.0, h.best("reward_loss"));
        History acc = history("dev_acc", 0.9, 0.5, 0.7).mode("dev_acc", Mode.MIN);
        assertEquals(0.5, acc.best("dev_acc"), "an accuracy declared MIN");
    }

    /** Runs early stopping over the values; returns the epoch it stopped at (0: never). */
    private static int stopsAt(EarlyStopping es, String name, double... values) {
        History h = new History();
        EarlyStopping.Run run = es.new Run("dev_loss");
        Linear model = new Linear(1, 1);
        for (int e = 1; e <= values.length; e++) {
            Map<String, Double> row = new LinkedHashMap<>();
            row.put(name, values[e - 1]);
            h.append(row);
            if (run.update(e, h, model) != null) return e;
        }
        return 0;
    }

    @Test
    void earlyStoppingWithAnExplicitMode() {
        // A "loss" that is really a score: it rises while training goes well.
        double[] rising = {1, 2, 3, 4, 5, 6};
        assertEquals(
                3,
                stopsAt(EarlyStopping.patience(2).monitor("dev_loss"), "dev_loss", rising),
                "guess: MIN, so it never improves");
        assertEquals(
                0,
                stopsAt(EarlyStopping.on("dev_loss", Mode.MAX, 2), "dev_loss", rising),
                "declared MAX: it always improves");
        assertEquals(0, stopsAt(EarlyStopping.patience(2).monitor("dev_loss", Mode.MAX), "dev_loss", rising));
        assertEquals(0, stopsAt(EarlyStopping.patience(2).monitor("dev_loss").mode(Mode.MAX), "dev_loss", rising));
        // An accuracy both ways.
        double[] acc = {0.5, 0.6, 0.55, 0.58, 0.59, 0.7};
        assertEquals(5, stopsAt(EarlyStopping.on("dev_acc", Mode.MAX, 3), "dev_acc", acc));
        assertEquals(3, stopsAt(EarlyStopping.on("dev_acc", Mode.MIN, 2), "dev_acc", acc));
        assertEquals(5, stopsAt(EarlyStopping.patience(3).monitor("dev_acc"), "dev_acc", acc), "guess: MAX for acc");
        // MAX with minDelta: 0.58 -> 0.59 is not more than 0.02 better than 0.6.
        assertEquals(5, stopsAt(EarlyStopping.on("dev_acc", Mode.MAX, 3).minDelta(0.02), "dev_acc", acc));
        assertTrue(EarlyStopping.on("dev_acc", Mode.MAX, 3).toString().contains("mode=MAX"));
    }

    @Test
    void trainerDeclaresTheStoppersModeForBestCheckpoints() throws Exception {
        Linear model = TrainerTest.scalar(0);
        Path dir = Files.createTempDirectory("mode");
        // dev_loss declared MAX: the run's best epoch is the worst fit, and best.gnsd follows it.
        History h = Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(new SGD(model.parameters(), 0.1))
                .epochs(6)
                .earlyStopping(EarlyStopping.on("dev_loss", Mode.MAX, 2).keepLastWeights())
                .checkpoints(Checkpoints.to(dir).best())
                .fit(DataLoader.of(TrainerTest.line(1), 10), DataLoader.of(TrainerTest.line(1), 10));
        assertEquals(Mode.MAX, h.mode("dev_loss"));
        assertEquals(1, h.bestEpoch("dev_loss"), "dev_loss falls every epoch, so the first is the MAX best");
        assertEquals(3, h.epochs(), "stopped after 2 epochs without a higher dev_loss");
        assertTrue(Files.exists(dir.resolve("best.gnsd")));
    }

    @Test
    void trainerAndCheckpointModes() throws Exception {
        Linear model = TrainerTest.scalar(0);
        History h = Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(new SGD(model.parameters(), 0.1))
                .epochs(3)
                .mode("train_loss", Mode.MAX)
                .fit(DataLoader.of(TrainerTest.line(1), 10));
        assertEquals(Mode.MAX, h.mode("train_loss"));
        assertEquals(1, h.bestEpoch("train_loss"), "train_loss falls, so MAX's best is the first epoch");
        Path dir = Files.createTempDirectory("mode");
        Linear other = TrainerTest.scalar(0);
        History k = Trainer.of(other)
                .loss(Loss.mse())
                .optimizer(new SGD(other.parameters(), 0.1))
                .epochs(3)
                .checkpoints(Checkpoints.to(dir).best("train_loss", Mode.MAX))
                .fit(DataLoader.of(TrainerTest.line(1), 10));
        assertTrue(k.get("train_loss")[2] < k.get("train_loss")[0], "the loss fell");
        assertEquals(1, k.bestEpoch("train_loss"));
        // best.gnsd holds epoch 1's weights (w = 0 moved once), not the last epoch's.
        Linear saved = TrainerTest.scalar(5);
        saved.load(dir.resolve("best.gnsd"));
        assertTrue(
                Math.abs(saved.weight().item() - other.weight().item()) > 1e-3,
                "best.gnsd is not the last epoch's weights");
    }

    @Test
    void trainerStepsAPlateauScheduleWithTheMonitoredValue() {
        // Training data wants w = 2, dev data w = 1: dev_loss stops improving and the rate is cut.
        Linear model = TrainerTest.scalar(0);
        SGD opt = new SGD(model.parameters(), 0.3);
        ReduceLROnPlateau plateau = ReduceLROnPlateau.min(opt).factor(0.5).patience(1);
        History h = Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(opt)
                .epochs(12)
                .scheduler(plateau)
                .fit(DataLoader.of(TrainerTest.line(2), 10), DataLoader.of(TrainerTest.line(1), 10));
        assertEquals(12, plateau.epoch());
        assertEquals(h.best("dev_loss"), plateau.best(), 0.0);
        assertTrue(opt.lr() < 0.3, "the rate was reduced: " + opt.lr());
        assertNull(h.stopReason());
        Tensor w = model.weight();
        assertTrue(w.item() > 1, "trained towards the training data");
    }
}
