package org.gradnote.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class TimeSeriesBuilderTest {

  private static LocalDate[] days(int n) {
    LocalDate[] d = new LocalDate[n];
    for (int i = 0; i < n; i++) {
      d[i] = LocalDate.of(2024, 3, 1).plusDays(i);
    }
    return d;
  }

  private static double[] wave(int n, double phase) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 10 + 5 * Math.sin(i / 7.0 + phase);
    }
    return v;
  }

  @Test
  void rendersPredictedVsActualOverDates() {
    Chart c = Plots.timeSeries()
        .title("Meteo")
        .dates(days(60))
        .series("actual", wave(60, 0))
        .series("predicted", wave(60, 0.3))
        .yLabel("°C")
        .build();
    BufferedImage img = Pixels.decode(c.png(), 800, 500);
    Pixels.assertNotBlank(img);
    Pixels.assertHasColor(img, Palette.color(0), 100, "actual");
    Pixels.assertHasColor(img, Palette.color(1), 100, "predicted");
    XYPlot plot = c.jfree().getXYPlot();
    assertInstanceOf(DateAxis.class, plot.getDomainAxis());
    // First point sits at UTC midnight of its date.
    assertEquals(
        LocalDate.of(2024, 3, 1).toEpochDay() * 86_400_000.0, plot.getDataset().getXValue(0, 0));
    assertTrue(c.svg().contains(">Meteo<"));
  }

  @Test
  void seriesWithOwnDatesAndSecondAxis() {
    LocalDate[] all = days(30);
    LocalDate[] last = java.util.Arrays.copyOfRange(all, 20, 30);
    Chart c = Plots.timeSeries()
        .dates(all)
        .series("actual", wave(30, 0))
        .series("forecast", last, wave(10, 1))
        .secondAxis("error", wave(30, 2))
        .y2Label("err")
        .markers(true)
        .build();
    assertEquals(2, c.jfree().getXYPlot().getRangeAxisCount());
    Pixels.assertHasColor(Pixels.decode(c.png(), 800, 500), Palette.color(2), 30, "error");
  }

  @Test
  void badInput() {
    LineChartBuilderTest.assertMessage(
        "time series 'M': has no dates; call dates(LocalDate[]) or series(name, dates, values)",
        Plots.timeSeries().title("M").series("a", wave(3, 0)));
    LineChartBuilderTest.assertMessage(
        "time series 'M': series 'a' has 3 values but x has 5",
        Plots.timeSeries().title("M").dates(days(5)).series("a", wave(3, 0)));
  }
}
