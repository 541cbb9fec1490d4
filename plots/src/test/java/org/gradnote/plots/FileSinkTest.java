package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

  @Test
  void savesNumberedSluggedFilesInShowOrder(@TempDir Path dir) {
    FileSink sink = new FileSink(dir.resolve("plots"), "png", false);
    sink.show(
        Plots.line().title("Train loss (MLP)").series("a", new double[] {1, 2}).build());
    sink.show(Plots.bar().categories("x").series("s", new double[] {1}).build());
    sink.show(
        Plots.line().title("Train loss (MLP)").series("a", new double[] {1, 2}).build());
    List<Path> saved = sink.saved();
    assertEquals(
        List.of(
            dir.resolve("plots/01-train-loss-mlp.png"),
            dir.resolve("plots/02-bar-chart.png"),
            dir.resolve("plots/03-train-loss-mlp.png")),
        saved);
    for (Path p : saved) {
      assertTrue(Files.isRegularFile(p), p + " exists");
    }
  }

  @Test
  void svgFormat(@TempDir Path dir) throws Exception {
    FileSink sink = new FileSink(dir, "SVG", false);
    sink.show(Plots.line().title("x").series("a", new double[] {1, 2}).build());
    Path file = sink.saved().get(0);
    assertEquals("01-x.svg", file.getFileName().toString());
    Pixels.parseSvg(Files.readString(file));
    assertEquals(dir, sink.directory());
  }

  @Test
  void defaultWritesUnderWorkingDirectoryPlots() {
    assertEquals(Path.of("plots"), new FileSink().directory());
  }

  @Test
  void rejectsUnknownFormat() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> new FileSink(Path.of("x"), "gif", false));
    assertEquals("file sink format must be png or svg, got 'gif'", e.getMessage());
  }
}
