package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.gradnote.tensor.Tensor;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.junit.jupiter.api.Test;

class MaskGridBuilderTest {

  /** Two 8x8 samples: the right half is class 1 in the truth and class 2 in the prediction. */
  @Test
  void threeColumnsInClassColours() {
    double[] img = new double[2 * 64];
    long[] truth = new long[2 * 64];
    long[] pred = new long[2 * 64];
    for (int i = 0; i < img.length; i++) {
      boolean right = i % 8 >= 4;
      img[i] = right ? 1 : 0;
      truth[i] = right ? 1 : 0;
      pred[i] = right ? 2 : 0;
    }
    Chart c = Plots.masks(
            Tensor.fromArray(img, 2, 1, 8, 8),
            Tensor.of(truth).reshape(2, 8, 8),
            Tensor.of(pred).reshape(2, 8, 8),
            5)
        .classes("background", "circle", "square")
        .title("Masks")
        .build();
    assertEquals(3 * 110 + 16, c.width(), "three columns");
    BufferedImage png = Pixels.decode(c.png(), c.width(), c.height());
    // Each mask's coloured half is ~49x99 px per sample.
    Pixels.assertHasColor(png, MaskGridBuilder.classColor(1), 2 * 3000, "truth's class 1");
    Pixels.assertHasColor(png, MaskGridBuilder.classColor(2), 2 * 3000, "prediction's class 2");
    Pixels.assertHasColor(png, MaskGridBuilder.classColor(0), 4 * 3000, "background of both masks");
    assertTrue(c.svg().contains("predicted"), "column heading");
  }

  @Test
  void columnHeadingsCanBeRenamed() {
    Chart c = Plots.masks(new double[1][4][4], new int[1][4][4], new int[1][4][4])
        .columns("image", "model A", "model B")
        .build();
    List<String> texts = c.jfree().getXYPlot().getAnnotations().stream()
        .filter(a -> a instanceof XYTextAnnotation)
        .map(a -> ((XYTextAnnotation) a).getText())
        .toList();
    assertEquals(List.of("image", "model A", "model B"), texts);
    Chart two = Plots.masks(new double[1][4][4], new int[1][4][4], null).build();
    assertTrue(two.svg().contains("true mask"), "default headings fit two columns");
    LineChartBuilderTest.assertMessage(
        "mask grid (untitled): has 2 columns but 3 headings [a, b, c]",
        Plots.masks(new double[1][4][4], new int[1][4][4], null).columns("a", "b", "c"));
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "mask grid 'M': true masks has 1 values but images has 2",
        Plots.masks(new double[2][4][4], new int[1][4][4], null).title("M"));
    LineChartBuilderTest.assertMessage(
        "mask grid 'M': predicted mask 0 is not 4x4 like its image",
        Plots.masks(new double[1][4][4], new int[1][4][4], new int[1][3][4]).title("M"));
  }
}
