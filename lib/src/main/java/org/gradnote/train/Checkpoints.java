package org.gradnote.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gradnote.nn.Module;

/**
 * Where and when {@link Trainer} saves the model (with {@link Module#save}, format in {@link org.gradnote.nn.StateDicts}): every n epochs to
 * {@code epoch-0005.gnsd}, and/or to {@code best.gnsd} whenever the monitored value improves:
 * {@code trainer.checkpoints(Checkpoints.to(dir).every(5).best())}.
 */
public final class Checkpoints {
    private final Path dir;
    private final int every;
    private final boolean best;
    private final String monitor;
    private final Mode mode; // null: the History's mode for the name

    private Checkpoints(Path dir, int every, boolean best, String monitor, Mode mode) {
        this.dir = dir;
        this.every = every;
        this.best = best;
        this.monitor = monitor;
        this.mode = mode;
    }

    /** Checkpoints in a directory (created when the first file is written); nothing is saved until every/best. */
    public static Checkpoints to(Path dir) {
        return new Checkpoints(dir, 0, false, null, null);
    }

    /** Saves every n epochs. */
    public Checkpoints every(int n) {
        if (n < 1) throw new IllegalArgumentException("Checkpoints: every must be >= 1, got " + n);
        return new Checkpoints(dir, n, best, monitor, mode);
    }

    /** Saves best.gnsd each time dev_loss (train_loss without dev data) reaches a new best. */
    public Checkpoints best() {
        return new Checkpoints(dir, every, true, monitor, mode);
    }

    /** Saves best.gnsd each time the named value reaches a new best (its mode guessed or declared on the History). */
    public Checkpoints best(String monitorName) {
        return new Checkpoints(dir, every, true, monitorName, null);
    }

    /** Saves best.gnsd each time the named value reaches a new best in the given mode (MAX for an accuracy). */
    public Checkpoints best(String monitorName, Mode mode) {
        return new Checkpoints(
                dir,
                every,
                true,
                java.util.Objects.requireNonNull(monitorName, "monitorName"),
                java.util.Objects.requireNonNull(mode, "mode"));
    }

    /** The directory the checkpoint files are written to. */
    public Path directory() {
        return dir;
    }

    /** The file for a given epoch. */
    public Path epochFile(int epoch) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "epoch-%04d.gnsd", epoch));
    }

    /** The file holding the best weights so far ({@code best.gnsd}), written by {@code Module.save}. */
    public Path bestFile() {
        return dir.resolve("best.gnsd");
    }

    /** Saves what this epoch calls for; returns the files written. */
    List<Path> afterEpoch(int epoch, History history, Module model, String fallbackMonitor) {
        List<Path> written = new ArrayList<>();
        if (every > 0 && epoch % every == 0) written.add(save(model, epochFile(epoch)));
        if (best) {
            String name = monitor != null ? monitor : fallbackMonitor;
            if (mode != null) history.mode(name, mode);
            if (!Double.isNaN(history.last(name)) && history.bestEpoch(name) == epoch)
                written.add(save(model, bestFile()));
        }
        return written;
    }

    private static Path save(Module model, Path file) {
        try {
            model.save(file);
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
