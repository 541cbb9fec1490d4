package org.gradnote.plots.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradnote.examples.MeteoLab;
import org.gradnote.plots.ChartSink;
import org.gradnote.plots.FileSink;
import org.gradnote.plots.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteoLabChartTest {
  @TempDir
  Path dir;

  @Test
  void savesPredictedVsActualAndTrainingCurves() throws Exception {
    FileSink sink = new FileSink(dir, "png", false);
    ChartSink previous = Plots.setSink(sink);
    MeteoLab.Result r;
    try {
      r = MeteoLabChart.run(5);
    } finally {
      Plots.setSink(previous);
    }
    List<Path> saved = sink.saved();
    assertEquals(2, saved.size(), saved.toString());
    for (Path p : saved) {
      assertTrue(Files.size(p) > 10_000, p + " looks empty");
    }
    assertTrue(saved.get(0).getFileName().toString().contains("seattle"), saved.toString());
    assertEquals(365, r.predicted().length);
  }
}
