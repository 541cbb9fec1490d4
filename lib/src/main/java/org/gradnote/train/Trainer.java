package org.gradnote.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.nn.Penalty;
import org.gradnote.optim.GradClip;
import org.gradnote.optim.LRScheduler;
import org.gradnote.optim.Optimizer;
import org.gradnote.optim.ReduceLROnPlateau;
import org.gradnote.tensor.Tensor;

/**
 * The courses' training loop, written once: per epoch, for each batch zeroGrad → forward → loss (+ penalty) →
 * backward → clip → step, then the dev set under no-grad in eval mode, the scheduler step, early stopping and
 * checkpoints. Configure it fluently and call {@link #fit}:
 * <pre>{@code
 * History h = Trainer.of(model).loss(Loss.crossEntropy()).optimizer(new Adam(model.parameters(), 1e-3))
 *         .epochs(100).accuracy().earlyStopping(EarlyStopping.patience(10)).listener(TrainingListener.console())
 *         .fit(trainLoader, devLoader);
 * }</pre>
 * It uses only public pieces (DataLoader, Loss, Optimizer, Penalty, GradClip, LRScheduler, Metrics), so the same
 * loop can always be written by hand. Recorded per epoch: {@code train_loss} (mean over examples of the data loss,
 * penalty excluded, so it compares with {@code dev_loss}), {@code dev_loss}, and {@code train_<m>}/{@code dev_<m>}
 * per metric. A NaN or infinite loss throws {@link NonFiniteLossException}; interrupting the thread stops after the
 * current batch, keeping the model and the complete epochs, and leaves the thread's interrupt flag set.
 */
public final class Trainer {
    private final Module model;
    private Loss loss;
    private Optimizer optimizer;
    private int epochs = 1;
    private Penalty penalty;
    private double clipNorm, clipValue;
    private LRScheduler scheduler;
    private ReduceLROnPlateau plateau;
    private String plateauMonitor;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private EarlyStopping earlyStopping;
    private Checkpoints checkpoints;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private final Map<String, Mode> modes = new LinkedHashMap<>();

    private Trainer(Module model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** A trainer for {@code model}; set at least the loss and the optimizer, then {@code fit}. */
    public static Trainer of(Module model) {
        return new Trainer(model);
    }

    /** The criterion each batch's predictions are scored with, e.g. {@code Loss.crossEntropy()}; returns this. */
    public Trainer loss(Loss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    /** The optimizer that steps after each batch's backward pass; returns this. */
    public Trainer optimizer(Optimizer optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        return this;
    }

    /** The number of passes over the training data (at least 1); returns this. */
    public Trainer epochs(int epochs) {
        if (epochs < 1) throw new IllegalArgumentException("Trainer: epochs must be >= 1, got " + epochs);
        this.epochs = epochs;
        return this;
    }

    /** Adds an L1/L2 penalty on the weights to the loss that is minimised. */
    public Trainer penalty(Penalty penalty) {
        this.penalty = penalty;
        return this;
    }

    /** Clips the joint L2 norm of the gradients before each step. */
    public Trainer clipGradNorm(double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("Trainer: maxNorm must be positive, got " + maxNorm);
        this.clipNorm = maxNorm;
        return this;
    }

    /** Clamps every gradient element into [-clip, clip] before each step. */
    public Trainer clipGradValue(double clip) {
        if (!(clip > 0)) throw new IllegalArgumentException("Trainer: clip must be positive, got " + clip);
        this.clipValue = clip;
        return this;
    }

    /** Steps the scheduler after each epoch. */
    public Trainer scheduler(LRScheduler scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    /** Steps a plateau schedule after each epoch with dev_loss (train_loss without dev data). */
    public Trainer scheduler(ReduceLROnPlateau plateau) {
        return scheduler(plateau, null);
    }

    /** Steps a plateau schedule after each epoch with the named history value (null: dev_loss or train_loss). */
    public Trainer scheduler(ReduceLROnPlateau plateau, String monitor) {
        this.plateau = Objects.requireNonNull(plateau, "plateau");
        this.plateauMonitor = monitor;
        return this;
    }

    /** Records {@code train_<name>} and {@code dev_<name>} each epoch. */
    public Trainer metric(String name, Metric metric) {
        metrics.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(metric, "metric"));
        return this;
    }

    /** Records train_acc and dev_acc (outputs are class scores [N, C] or labels). */
    public Trainer accuracy() {
        return metric("acc", Metric.accuracy());
    }

    /** Declares a recorded value's mode on the run's History (best epoch, best checkpoints, early stopping). */
    public Trainer mode(String name, Mode mode) {
        modes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(mode, "mode"));
        return this;
    }

    /** Stops when the monitored value stops improving and restores the best weights; returns this. */
    public Trainer earlyStopping(EarlyStopping earlyStopping) {
        this.earlyStopping = earlyStopping;
        return this;
    }

    /** Saves weights to files during training as the checkpoints ask; returns this. */
    public Trainer checkpoints(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
        return this;
    }

    /** Adds a listener told about epochs and batches (progress lines, live curves); returns this. */
    public Trainer listener(TrainingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Trains without dev data (early stopping and best checkpoints then watch train_loss). */
    public History fit(DataLoader train) {
        return fit(train, null);
    }

    /** Trains for the configured epochs, or until early stopping, an interrupt or a non-finite loss. */
    public History fit(DataLoader train, DataLoader dev) {
        if (loss == null) throw new IllegalStateException("Trainer: no loss; call loss(...), e.g. loss(Loss.mse())");
        if (optimizer == null)
            throw new IllegalStateException(
                    "Trainer: no optimizer; call optimizer(...), e.g. optimizer(new Adam(model.parameters(), 1e-3))");
        String monitor = dev != null ? "dev_loss" : "train_loss";
        History history = new History();
        for (var m : modes.entrySet()) history.mode(m.getKey(), m.getValue());
        EarlyStopping.Run stopper = earlyStopping == null ? null : earlyStopping.new Run(monitor);
        // A mode declared for early stopping holds for the whole run: best checkpoints and History.best agree.
        if (stopper != null && earlyStopping.declaredMode() != null)
            history.mode(stopper.name(), earlyStopping.declaredMode());
        boolean interrupted = false;
        double lastFinite = Double.NaN;
        String lastWhere = null;
        int batches = train.batches();
        for (int epoch = 1; epoch <= epochs && !history.stoppedEarly(); epoch++) {
            if (Thread.currentThread().isInterrupted()) {
                interrupted = true;
                history.stop("interrupted before epoch " + epoch + " of " + epochs);
                break;
            }
            int ep = epoch;
            listeners.forEach(l -> l.onEpochStart(ep, epochs));
            model.train();
            double sum = 0;
            long n = 0;
            Outputs outs = new Outputs();
            int b = 0;
            for (Batch batch : train) {
                b++;
                optimizer.zeroGrad();
                Tensor out = model.forward(batch.x());
                Tensor l = loss.apply(out, batch.y());
                double value = l.item();
                if (!Double.isFinite(value)) {
                    NonFiniteLossException e =
                            new NonFiniteLossException(value, epoch, b, batches, lastFinite, lastWhere, history);
                    history.stop(e.getMessage());
                    listeners.forEach(x -> x.onFitEnd(history));
                    throw e;
                }
                lastFinite = value;
                lastWhere = "epoch " + epoch + ", batch " + b;
                (penalty == null ? l : l.add(penalty.of(model))).backward();
                if (clipNorm > 0) GradClip.byNorm(optimizer.parameters(), clipNorm);
                if (clipValue > 0) GradClip.byValue(optimizer.parameters(), clipValue);
                optimizer.step();
                sum += value * batch.size();
                n += batch.size();
                if (!metrics.isEmpty()) outs.add(out.detach(), batch.y());
                int bb = b;
                listeners.forEach(x -> x.onBatchEnd(ep, bb, batches, value));
                if (Thread.currentThread().isInterrupted()) {
                    interrupted = true;
                    history.stop("interrupted during epoch " + epoch + " after batch " + b + " of " + batches
                            + "; the model keeps its weights from that batch, the history its " + (epoch - 1)
                            + " complete epoch(s)");
                    break;
                }
            }
            if (history.stoppedEarly()) break;
            Map<String, Double> row = new LinkedHashMap<>();
            row.put("train_loss", sum / n);
            metrics.forEach((name, m) -> row.put("train_" + name, outs.score(m)));
            if (dev != null) row.putAll(evaluate(dev, "dev_"));
            history.append(row);
            if (scheduler != null) scheduler.step();
            if (plateau != null) plateau.step(history.last(plateauMonitor != null ? plateauMonitor : monitor));
            if (stopper != null) {
                String why = stopper.update(epoch, history, model);
                if (why != null) history.stop(why);
            }
            if (checkpoints != null) checkpoints.afterEpoch(epoch, history, model, monitor);
            listeners.forEach(x -> x.onEpochEnd(ep, history));
        }
        // Restore after the last checkpoint and listener saw the last epoch's weights, and not after an interrupt.
        if (stopper != null && !interrupted) stopper.restore(model, history.epochs());
        listeners.forEach(l -> l.onFitEnd(history));
        return history;
    }

    /** The mean loss (over examples) and the metrics on a data set, under no-grad and in eval mode; keys "loss", "acc"... */
    public Map<String, Double> evaluate(DataLoader data) {
        return evaluate(data, "");
    }

    private Map<String, Double> evaluate(DataLoader data, String prefix) {
        if (loss == null) throw new IllegalStateException("Trainer: no loss; call loss(...) before evaluate");
        boolean wasTraining = model.isTraining();
        model.eval();
        Map<String, Double> out = new LinkedHashMap<>();
        try (var g = Tensor.noGrad()) {
            double sum = 0;
            long n = 0;
            Outputs outs = new Outputs();
            for (Batch batch : data) {
                Tensor y = model.forward(batch.x());
                sum += loss.apply(y, batch.y()).item() * batch.size();
                n += batch.size();
                if (!metrics.isEmpty()) outs.add(y, batch.y());
            }
            out.put(prefix + "loss", sum / n);
            metrics.forEach((name, m) -> out.put(prefix + name, outs.score(m)));
        } finally {
            model.train(wasTraining);
        }
        return out;
    }

    /** An epoch's outputs and targets, concatenated so metrics see the whole epoch at once. */
    private static final class Outputs {
        private final List<Tensor> outputs = new ArrayList<>(), targets = new ArrayList<>();

        void add(Tensor out, Tensor target) {
            outputs.add(out);
            targets.add(target);
        }

        double score(Metric m) {
            try (var g = Tensor.noGrad()) {
                return m.compute(Tensor.cat(outputs, 0), Tensor.cat(targets, 0));
            }
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "Trainer(%s, loss=%s, optimizer=%s, epochs=%d%s%s)",
                model.getClass().getSimpleName(),
                loss == null ? "none" : "set",
                optimizer,
                epochs,
                earlyStopping == null ? "" : ", " + earlyStopping,
                metrics.isEmpty() ? "" : ", metrics=" + metrics.keySet());
    }
}
