package org.gradnote.train;

/**
 * Hooks into {@link Trainer#fit}, e.g. for live curves and a progress bar in the notebook kernel. Epochs and
 * batches count from 1. Order: for each epoch {@code onEpochStart}, {@code onBatchEnd} per batch, then
 * {@code onEpochEnd} once the epoch's row is in the history (after evaluation, scheduler, early stopping and
 * checkpoints); finally {@code onFitEnd}, also when training stops early, is interrupted or diverges (then just
 * before the exception is thrown). A listener may interrupt the thread to stop training cooperatively.
 */
public interface TrainingListener {
    /** Before epoch {@code epoch} (0-based) of {@code epochs}; does nothing by default. */
    default void onEpochStart(int epoch, int epochs) {}

    /** After the optimizer step of one batch; {@code loss} is that batch's loss (penalty excluded). */
    default void onBatchEnd(int epoch, int batch, int batches, double loss) {}

    /** The epoch's values are {@code history}'s last row. */
    default void onEpochEnd(int epoch, History history) {}

    /** After the last epoch (or early stopping), with the whole history; does nothing by default. */
    default void onFitEnd(History history) {}

    /** One line per epoch on standard output. */
    static TrainingListener console() {
        return ConsoleListener.every(1);
    }
}
