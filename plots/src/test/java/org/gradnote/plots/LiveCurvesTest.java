package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.data.DataLoader;
import org.gradnote.data.TensorDataset;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.optim.SGD;
import org.gradnote.plots.notebook.Notebook;
import org.gradnote.tensor.Tensor;
import org.gradnote.train.History;
import org.gradnote.train.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Live training output: updated in place where a display supports it, shown once and final in script mode. */
class LiveCurvesTest {
  @AfterEach
  void restore() {
    LiveDisplay.setCurrent(null);
  }

  private static History train(LiveCurves live, int epochs) {
    Gradnote.seed(3);
    Tensor x = Tensor.randn(64, 3);
    Tensor y = x.matmul(Tensor.of(1.0, -2.0, 0.5).reshape(3, 1));
    Linear model = new Linear(3, 1);
    return Trainer.of(model)
        .loss(Loss.mse())
        .optimizer(new SGD(model.parameters(), 0.1))
        .epochs(epochs)
        .listener(live)
        .fit(
            DataLoader.of(new TensorDataset(x, y), 16), DataLoader.of(new TensorDataset(x, y), 64));
  }

  /** Records what a kernel-like display receives. */
  static final class Recording implements LiveDisplay {
    final List<String> events = new ArrayList<>();
    final List<Object> values = new ArrayList<>();
    int shows;

    @Override
    public String show(Object value) {
      events.add("show " + kind(value));
      values.add(value);
      return "id" + ++shows;
    }

    @Override
    public void update(String id, Object value) {
      events.add("update " + id + " " + kind(value));
      values.add(value);
    }

    static String kind(Object v) {
      return v instanceof Chart ? "chart" : "progress";
    }
  }

  @Test
  void aKernelLikeDisplayGetsOneProgressAndOneChartUpdatedInPlace() {
    Recording rec = new Recording();
    LiveDisplay.setCurrent(rec);
    History h = train(LiveCurves.create("Fit"), 3);
    assertEquals(3, h.epochs());
    assertEquals("show progress", rec.events.get(0));
    assertEquals(
        2, rec.events.stream().filter(e -> e.startsWith("show")).count(), rec.events.toString());
    assertTrue(rec.events.contains("show chart"), rec.events.toString());
    assertTrue(
        rec.events.stream().anyMatch(e -> e.equals("update id2 chart")), rec.events.toString());
    Object last = rec.values.get(rec.values.size() - 1);
    assertTrue(last.toString().startsWith("epoch 3/3 [####################]"), last.toString());
    assertTrue(last.toString().endsWith("— done"), last.toString());
    Chart chart = (Chart)
        rec.values.stream().filter(v -> v instanceof Chart).reduce((a, b) -> b).orElseThrow();
    assertEquals("Fit", chart.title());
  }

  @Test
  void scriptModeShowsTheFinalValuesOnceWhenTrainingEnds() {
    List<Object> shown = new ArrayList<>();
    var previous = Notebook.setDisplayer(shown::add);
    try {
      train(LiveCurves.create(), 2);
    } finally {
      Notebook.setDisplayer(previous);
    }
    assertEquals(2, shown.size(), shown.toString());
    assertTrue(shown.get(0).toString().startsWith("epoch 2/2 ["), shown.get(0).toString());
    assertInstanceOf(Chart.class, shown.get(1));
  }

  @Test
  void progressLineReadsWell() {
    assertEquals(
        "epoch 2/4 [#######.............] batch 3/10 loss 0.1235",
        new LiveCurves.Progress(2, 4, 3, 10, 0.123456, null).toString());
  }
}
