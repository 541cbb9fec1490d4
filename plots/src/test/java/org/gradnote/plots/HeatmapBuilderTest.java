package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;
import org.gradnote.plots.internal.Colormap;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.junit.jupiter.api.Test;

class HeatmapBuilderTest {

  private static final double[][] WEIGHTS = {{0.9, 0.1, 0.0}, {0.2, 0.7, 0.1}};

  @Test
  void cellsAreColouredOnTheMatrixRangeAndLabelled() {
    Chart c = Plots.heatmap(
            WEIGHTS, new String[] {"3", "1"}, new String[] {"three", "ten", "<eos>"})
        .title("Attention")
        .xLabel("input")
        .yLabel("output")
        .showValues(true)
        .build();
    List<String> texts = c.jfree().getXYPlot().getAnnotations().stream()
        .map(a -> ((XYTextAnnotation) a).getText())
        .collect(Collectors.toList());
    assertEquals(List.of("0.90", "0.10", "0.00", "0.20", "0.70", "0.10"), texts);
    SymbolAxis x = (SymbolAxis) c.jfree().getXYPlot().getDomainAxis();
    assertEquals(List.of("three", "ten", "<eos>"), List.of(x.getSymbols()));
    BufferedImage img = Pixels.decode(c.png(), c.width(), c.height());
    Pixels.assertNotBlank(img);
    Pixels.assertHasColor(img, Colormap.BLUES.at(1.0), 1_000, "largest cell (0.9)");
    Pixels.assertHasColor(img, Colormap.BLUES.at(0.0), 1_000, "smallest cell (0.0)");
    String svg = c.svg();
    Pixels.parseSvg(svg);
    assertTrue(svg.contains(">three<") && svg.contains(">input<"), "x tick and axis labels");
    assertEquals("output", c.jfree().getXYPlot().getRangeAxis().getLabel());
  }

  @Test
  void fixedRangeClampsAndLabelsDefaultToIndices() {
    // With range(0, 2) the largest cell (0.9) is mid-scale, so the darkest blue must not appear.
    Chart c = Plots.heatmap(WEIGHTS, null, null).range(0, 2).build();
    BufferedImage img = Pixels.decode(c.png(), c.width(), c.height());
    assertEquals(0, Pixels.count(img, Colormap.BLUES.at(1.0), 4), "no cell reaches the top");
    Pixels.assertHasColor(img, Colormap.BLUES.at(0.45), 1_000, "0.9 of 2");
    SymbolAxis y = (SymbolAxis) c.jfree().getXYPlot().getRangeAxis();
    assertEquals(List.of("0", "1"), List.of(y.getSymbols()));
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "heat map 'H': row 1 has 2 values but row 0 has 3",
        Plots.heatmap(new double[][] {{1, 2, 3}, {1, 2}}, null, null).title("H"));
    LineChartBuilderTest.assertMessage(
        "heat map 'H': colLabels has 2 values but the matrix has 3 columns",
        Plots.heatmap(WEIGHTS, null, new String[] {"a", "b"}).title("H"));
    LineChartBuilderTest.assertMessage(
        "heat map 'H': rowLabels has 1 values but the matrix has 2 rows",
        Plots.heatmap(WEIGHTS, new String[] {"a"}, null).title("H"));
    LineChartBuilderTest.assertMessage(
        "heat map 'H': row 0 has a non-finite value (NaN) at index 1",
        Plots.heatmap(new double[][] {{1, Double.NaN}}, null, null).title("H"));
    LineChartBuilderTest.assertMessage(
        "heat map (untitled): has no rows", Plots.heatmap(new double[0][], null, null));
  }
}
