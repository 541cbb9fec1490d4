package org.gradnote.train;

import java.util.Locale;

/**
 * Thrown by {@link Trainer#fit} when a batch's loss is NaN or infinite, with where it happened and the last finite
 * loss, so a diverging run (learning rate too high, bad data) stops at once instead of training on NaN.
 */
public final class NonFiniteLossException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final double lastFiniteLoss;
    private final transient History history;

    NonFiniteLossException(
            double loss, int epoch, int batch, int batches, double lastFinite, String lastWhere, History history) {
        super(String.format(
                Locale.ROOT,
                "loss became %s at epoch %d, batch %d of %d; %s. Lower the learning rate, clip gradients or check the data",
                Double.isNaN(loss) ? "NaN" : "infinite",
                epoch,
                batch,
                batches,
                Double.isNaN(lastFinite)
                        ? "no batch had a finite loss before"
                        : String.format(Locale.ROOT, "the last finite loss was %.6g (%s)", lastFinite, lastWhere)));
        this.epoch = epoch;
        this.batch = batch;
        this.lastFiniteLoss = lastFinite;
        this.history = history;
    }

    /** The epoch of the bad batch, counted from 1. */
    public int epoch() {
        return epoch;
    }

    /** The bad batch within its epoch, counted from 1. */
    public int batch() {
        return batch;
    }

    /** The loss of the last batch before it, NaN if there was none. */
    public double lastFiniteLoss() {
        return lastFiniteLoss;
    }

    /** The complete epochs before the divergence. */
    public History history() {
        return history;
    }
}
