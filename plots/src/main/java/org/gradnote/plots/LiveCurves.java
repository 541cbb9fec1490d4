package org.gradnote.plots;

import java.util.Locale;
import org.gradnote.train.History;
import org.gradnote.train.TrainingListener;

/**
 * A training listener that shows a progress line and the History's curves, updated in place while
 * {@code Trainer.fit} runs: {@code trainer.listener(LiveCurves.create())}. In the kernel both update live; in a script
 * they appear once, final, when training ends (see {@link LiveDisplay}).
 */
public final class LiveCurves implements TrainingListener {
  /** How often the progress line may be redrawn during an epoch; a front end cannot keep up with every batch. */
  private static final long MIN_BATCH_UPDATE_NANOS = 250_000_000L;

  private final String title;
  private final LiveDisplay display;
  private String progressId;
  private String chartId;
  private long lastUpdate;
  private int epochs;

  private LiveCurves(String title, LiveDisplay display) {
    this.title = title;
    this.display = display;
  }

  /** Curves titled "Training". */
  public static LiveCurves create() {
    return create("Training");
  }

  /**
   * Live training curves titled {@code title}, shown in the current notebook cell and updated after each epoch (a
   * listener for {@code Trainer}).
   */
  public static LiveCurves create(String title) {
    return new LiveCurves(title, LiveDisplay.current());
  }

  /** A progress line; its text is what every front end shows. */
  public record Progress(int epoch, int epochs, int batch, int batches, double loss, String note) {
    @Override
    public String toString() {
      int width = 20,
          done =
              epochs == 0
                  ? 0
                  : (int) Math.round(width
                      * (epoch - 1 + (batches == 0 ? 1.0 : (double) batch / batches))
                      / epochs);
      String bar =
          "#".repeat(Math.max(0, Math.min(width, done))) + ".".repeat(Math.max(0, width - done));
      String s = String.format(Locale.ROOT, "epoch %d/%d [%s]", epoch, epochs, bar);
      if (batches > 0) s += String.format(Locale.ROOT, " batch %d/%d", batch, batches);
      if (!Double.isNaN(loss)) s += String.format(Locale.ROOT, " loss %.4g", loss);
      return note == null ? s : s + " — " + note;
    }
  }

  @Override
  public void onEpochStart(int epoch, int epochs) {
    this.epochs = epochs;
    Progress p = new Progress(epoch, epochs, 0, 0, Double.NaN, null);
    if (progressId == null) progressId = display.show(p);
    else display.update(progressId, p);
  }

  @Override
  public void onBatchEnd(int epoch, int batch, int batches, double loss) {
    long now = System.nanoTime();
    if (now - lastUpdate < MIN_BATCH_UPDATE_NANOS && batch < batches) return;
    lastUpdate = now;
    display.update(progressId, new Progress(epoch, epochs, batch, batches, loss, null));
  }

  @Override
  public void onEpochEnd(int epoch, History history) {
    Chart chart = Plots.history(history).title(title).build();
    if (chartId == null) chartId = display.show(chart);
    else display.update(chartId, chart);
  }

  @Override
  public void onFitEnd(History history) {
    int done = history.epochs();
    String note = history.stoppedEarly() ? "stopped: " + history.stopReason() : "done";
    double last = history.names().contains("train_loss") && done > 0
        ? history.last("train_loss")
        : Double.NaN;
    if (progressId != null)
      display.update(progressId, new Progress(done, Math.max(epochs, done), 0, 0, last, note));
    display.flush();
  }
}
