package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;
import org.gradnote.plots.internal.Colormap;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.junit.jupiter.api.Test;

class ConfusionMatrixBuilderTest {

  private static final int[][] COUNTS = {{50, 2, 0}, {5, 40, 8}, {1, 6, 60}};

  @Test
  void cellsAreColouredAndLabelledWithCounts() {
    Chart c = Plots.confusionMatrix()
        .title("Iris")
        .counts(COUNTS)
        .classNames("setosa", "versicolor", "virginica")
        .build();
    assertEqualsTexts(List.of("50", "2", "0", "5", "40", "8", "1", "6", "60"), c);
    BufferedImage img = Pixels.decode(c.png(), c.width(), c.height());
    Pixels.assertNotBlank(img);
    Pixels.assertHasColor(img, Colormap.BLUES.at(1.0), 5_000, "darkest cell (60)");
    Pixels.assertHasColor(img, Colormap.BLUES.at(0.0), 5_000, "empty cell (0)");
    String svg = c.svg();
    Pixels.parseSvg(svg);
    assertTrue(svg.contains(">versicolor<") && svg.contains(">40<") && svg.contains(">predicted<"));
  }

  @Test
  void fromLabelsAndNormalized() {
    int[] actual = {0, 0, 1, 1, 1, 1};
    int[] predicted = {0, 1, 1, 1, 1, 0};
    Chart c = Plots.confusionMatrix().labels(actual, predicted).normalize(true).build();
    assertEqualsTexts(List.of("0.50", "0.50", "0.25", "0.75"), c);
    Pixels.decode(c.png(), c.width(), c.height());
    assertEquals(460, c.width(), "small matrices get the minimum size");
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "confusion matrix 'C': matrix must be square: row 0 has 3 columns but there are 2 rows",
        Plots.confusionMatrix().title("C").counts(new int[][] {{1, 2, 3}, {1, 2, 3}}));
    LineChartBuilderTest.assertMessage(
        "confusion matrix 'C': classNames has 3 values but the matrix has 2",
        Plots.confusionMatrix()
            .title("C")
            .counts(new int[][] {{1, 2}, {3, 4}})
            .classNames("a", "b", "c"));
    LineChartBuilderTest.assertMessage(
        "confusion matrix 'C': predicted has 1 values but actual has 2",
        Plots.confusionMatrix().title("C").labels(new int[] {0, 1}, new int[] {0}));
    LineChartBuilderTest.assertMessage(
        "confusion matrix 'C': count at [1][0] is negative (-3)",
        Plots.confusionMatrix().title("C").counts(new int[][] {{1, 2}, {-3, 4}}));
  }

  private static void assertEqualsTexts(List<String> expected, Chart c) {
    List<String> texts = c.jfree().getXYPlot().getAnnotations().stream()
        .map(a -> ((XYTextAnnotation) a).getText())
        .collect(Collectors.toList());
    assertEquals(expected, texts);
  }
}
