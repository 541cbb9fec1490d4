package org.gradnote.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.data.DataLoader;
import org.gradnote.data.Datasets;
import org.gradnote.data.TableTensors;
import org.gradnote.data.TensorDataset;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Penalty;
import org.gradnote.optim.Adam;
import org.gradnote.optim.LRScheduler;
import org.gradnote.optim.Optimizer;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

class TrainerTest {
    /** y = slope * x for x = 0.1, 0.2, ..., 1.0, as [10, 1] tensors. */
    static TensorDataset line(double slope) {
        double[] x = new double[10], y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = (i + 1) / 10.0;
            y[i] = slope * x[i];
        }
        return new TensorDataset(Tensor.fromArray(x, 10, 1), Tensor.fromArray(y, 10, 1));
    }

    /** A one-weight model y = w x starting from w. */
    static Linear scalar(double w) {
        Linear m = new Linear(1, 1, false);
        try (var g = Tensor.noGrad()) {
            m.weight().fill_(w);
        }
        return m;
    }

    @Test
    void digitsClassificationHistory() {
        Gradnote.seed(0);
        TensorDataset all = TableTensors.from(Datasets.digits()).toClassification("label");
        Tensor x = all.tensor(0).div(16);
        TensorDataset train =
                new TensorDataset(x.slice(0, 0, 1500), all.tensor(1).slice(0, 0, 1500));
        TensorDataset dev =
                new TensorDataset(x.slice(0, 1500, 1797), all.tensor(1).slice(0, 1500, 1797));
        Linear model = new Linear(64, 10);
        History h = Trainer.of(model)
                .loss(Loss.crossEntropy())
                .optimizer(new Adam(model.parameters(), 0.05))
                .epochs(4)
                .accuracy()
                .fit(DataLoader.of(train, 100).shuffled(1), DataLoader.of(dev, 100));
        assertEquals(4, h.epochs());
        assertEquals(List.of("train_loss", "train_acc", "dev_loss", "dev_acc"), List.copyOf(h.names()));
        for (String k : h.names()) assertEquals(4, h.get(k).length, k);
        assertTrue(h.get("train_loss")[3] < h.get("train_loss")[0], h.toString());
        assertTrue(h.last("dev_acc") > 0.85, h.toString());
        assertFalse(h.stoppedEarly());
        assertTrue(model.isTraining(), "evaluation puts the model back in training mode");
    }

    @Test
    void sameWeightsAsTheLoopWrittenByHand() {
        TensorDataset data = line(3);
        Linear a = scalar(0.5), b = scalar(0.5);
        Trainer.of(a)
                .loss(Loss.mse())
                .optimizer(new SGD(a.parameters(), 0.1))
                .epochs(5)
                .fit(DataLoader.of(data, 4));
        Optimizer opt = new SGD(b.parameters(), 0.1);
        Loss crit = Loss.mse();
        for (int epoch = 0; epoch < 5; epoch++) {
            for (var batch : DataLoader.of(data, 4)) {
                opt.zeroGrad();
                crit.apply(b.forward(batch.x()), batch.y()).backward();
                opt.step();
            }
        }
        assertEquals(b.weight().item(), a.weight().item(), 0);
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        // Training pulls w from 0 towards 2 while the dev data wants w = 1: dev loss falls, then rises.
        Linear model = scalar(0);
        List<Double> weights = new ArrayList<>();
        History h = Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(new SGD(model.parameters(), 0.3))
                .epochs(200)
                .earlyStopping(EarlyStopping.patience(3))
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochEnd(int epoch, History history) {
                        weights.add(model.weight().item());
                    }
                })
                .fit(DataLoader.of(line(2), 10), DataLoader.of(line(1), 10));
        assertTrue(h.stoppedEarly());
        int best = h.bestEpoch("dev_loss");
        assertEquals(best + 3, h.epochs(), "stops after 3 epochs without improvement");
        assertTrue(
                h.stopReason()
                        .startsWith(
                                "early stopping at epoch " + h.epochs() + ": dev_loss did not improve for 3 epochs"),
                h.stopReason());
        assertTrue(h.last("dev_loss") > h.best("dev_loss"));
        assertEquals(weights.get(best - 1), model.weight().item(), 0, "weights of the best epoch are back");
        assertTrue(Math.abs(model.weight().item() - 1) < Math.abs(weights.get(weights.size() - 1) - 1));
        Trainer t = Trainer.of(model).loss(Loss.mse());
        assertEquals(h.best("dev_loss"), t.evaluate(DataLoader.of(line(1), 10)).get("loss"), 1e-7);

        Linear last = scalar(0);
        History k = Trainer.of(last)
                .loss(Loss.mse())
                .optimizer(new SGD(last.parameters(), 0.3))
                .epochs(200)
                .earlyStopping(EarlyStopping.patience(3).keepLastWeights())
                .fit(DataLoader.of(line(2), 10), DataLoader.of(line(1), 10));
        assertEquals(h.epochs(), k.epochs());
        assertEquals(weights.get(weights.size() - 1), last.weight().item(), 1e-7);
    }

    @Test
    void nonFiniteLossStopsWithEpochBatchAndLastFiniteLoss() {
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) y[i] = i == 5 ? Double.NaN : i;
        TensorDataset bad = new TensorDataset(Tensor.ones(8, 1), Tensor.fromArray(y, 8, 1));
        Linear model = scalar(0);
        List<String> ends = new ArrayList<>();
        Trainer t = Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(new SGD(model.parameters(), 0))
                .epochs(3)
                .listener(new TrainingListener() {
                    @Override
                    public void onFitEnd(History history) {
                        ends.add(history.stopReason());
                    }
                });
        NonFiniteLossException e = assertThrows(NonFiniteLossException.class, () -> t.fit(DataLoader.of(bad, 2)));
        // Batch 3 holds y = 4 and NaN; batch 2 (y = 2, 3, w = 0) has loss (4 + 9) / 2.
        assertEquals(
                "loss became NaN at epoch 1, batch 3 of 4; the last finite loss was 6.50000 (epoch 1, batch 2)."
                        + " Lower the learning rate, clip gradients or check the data",
                e.getMessage());
        assertEquals(1, e.epoch());
        assertEquals(3, e.batch());
        assertEquals(6.5, e.lastFiniteLoss());
        assertEquals(List.of(e.getMessage()), ends, "listeners hear the end before the exception");

        Gradnote.seed(3);
        Linear big = new Linear(1, 1);
        NonFiniteLossException d = assertThrows(
                NonFiniteLossException.class,
                () -> Trainer.of(big)
                        .loss(Loss.mse())
                        .optimizer(new SGD(big.parameters(), 1e10))
                        .epochs(50)
                        .fit(DataLoader.of(line(3), 2)));
        assertTrue(
                d.getMessage()
                        .matches(
                                "loss became (NaN|infinite) at epoch \\d+, batch \\d of 5; the last finite loss was \\S+ \\(epoch \\d+, batch \\d\\)\\..*"),
                d.getMessage());
        assertTrue(Double.isFinite(d.lastFiniteLoss()) && d.lastFiniteLoss() > 1e10, d.getMessage());
        assertEquals(d.epoch() - 1, d.history().epochs());
    }

    @Test
    void interruptStopsKeepingModelAndHistory() {
        Linear model = scalar(0);
        List<String> calls = new ArrayList<>();
        History h;
        try {
            h = Trainer.of(model)
                    .loss(Loss.mse())
                    .optimizer(new SGD(model.parameters(), 0.1))
                    .epochs(10)
                    .earlyStopping(EarlyStopping.patience(20))
                    .listener(new TrainingListener() {
                        @Override
                        public void onBatchEnd(int epoch, int batch, int batches, double loss) {
                            if (epoch == 3 && batch == 2) Thread.currentThread().interrupt();
                        }

                        @Override
                        public void onFitEnd(History history) {
                            calls.add("end " + history.epochs());
                        }
                    })
                    .fit(DataLoader.of(line(2), 3));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag stays set for the caller (and is cleared here)");
        }
        assertEquals(2, h.epochs());
        assertTrue(h.stoppedEarly());
        assertEquals(
                "interrupted during epoch 3 after batch 2 of 4; the model keeps its weights from that batch, the history its 2 complete epoch(s)",
                h.stopReason());
        assertEquals(List.of("end 2"), calls);
        assertTrue(model.weight().item() > 0, "the model keeps what it learnt");
    }

    @Test
    void listenerCallOrder() {
        Linear model = scalar(0);
        List<String> calls = new ArrayList<>();
        Trainer.of(model)
                .loss(Loss.mse())
                .optimizer(new SGD(model.parameters(), 0.1))
                .epochs(2)
                .listener(new TrainingListener() {
                    @Override
                    public void onEpochStart(int epoch, int epochs) {
                        calls.add("start " + epoch + "/" + epochs);
                    }

                    @Override
                    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
                        calls.add("batch " + epoch + "." + batch + "/" + batches);
                    }

                    @Override
                    public void onEpochEnd(int epoch, History history) {
                        calls.add("end " + epoch + " rows=" + history.epochs());
                    }

                    @Override
                    public void onFitEnd(History history) {
                        calls.add("fit end");
                    }
                })
                .fit(DataLoader.of(line(2), 5));
        assertEquals(
                List.of(
                        "start 1/2",
                        "batch 1.1/2",
                        "batch 1.2/2",
                        "end 1 rows=1",
                        "start 2/2",
                        "batch 2.1/2",
                        "batch 2.2/2",
                        "end 2 rows=2",
                        "fit end"),
                calls);
    }

    @Test
    void penaltyClippingAndScheduler() {
        Linear free = scalar(0), penalised = scalar(0), clipped = scalar(0);
        DataLoader data = DataLoader.of(line(2), 10);
        Trainer.of(free)
                .loss(Loss.mse())
                .optimizer(new SGD(free.parameters(), 0.5))
                .epochs(30)
                .fit(data);
        Trainer.of(penalised)
                .loss(Loss.mse())
                .optimizer(new SGD(penalised.parameters(), 0.5))
                .epochs(30)
                .penalty(Penalty.l2(1))
                .fit(data);
        assertEquals(2, free.weight().item(), 1e-2);
        // Minimum of mean((w x - 2x)^2) + w^2 with mean(x^2) = 0.385: w = 2 * 0.385 / (0.385 + 1).
        assertEquals(2 * 0.385 / 1.385, penalised.weight().item(), 1e-3);

        SGD sgd = new SGD(clipped.parameters(), 1);
        Trainer.of(clipped)
                .loss(Loss.mse())
                .optimizer(sgd)
                .epochs(3)
                .clipGradValue(0.01)
                .scheduler(LRScheduler.step(sgd, 1, 0.5))
                .fit(data);
        assertEquals(0.01 * (1 + 0.5 + 0.25), clipped.weight().item(), 1e-7, "each step moves by lr * clip");
        assertEquals(0.125, sgd.lr(), 0);

        Linear normed = scalar(0);
        Trainer.of(normed)
                .loss(Loss.mse())
                .optimizer(new SGD(normed.parameters(), 1))
                .epochs(1)
                .clipGradNorm(0.02)
                .fit(data);
        assertEquals(0.02, normed.weight().item(), 1e-6);
    }

    @Test
    void configurationErrors() {
        Linear m = scalar(0);
        assertEquals(
                "Trainer: no loss; call loss(...), e.g. loss(Loss.mse())",
                assertThrows(IllegalStateException.class, () -> Trainer.of(m).fit(DataLoader.of(line(1), 2)))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trainer.of(m).epochs(0));
        assertArrayEquals(new long[] {1, 1}, m.weight().shape());
    }
}
