package org.gradnote.plots.examples;

import java.util.Locale;
import org.gradnote.examples.MeteoLab;
import org.gradnote.plots.Plots;
import org.gradnote.train.ConsoleListener;

/**
 * The meteo lab as a script with charts: runs {@link MeteoLab}, prints its history, and shows predicted vs
 * actual 2015 temperatures over dates and the training curves through {@link Plots#sink()} (files under
 * {@code ./plots} in script mode, inline output in the kernel).
 */
public final class MeteoLabChart {
  private MeteoLabChart() {}

  /** Trains, then shows the two charts; returns the lab's result. */
  public static MeteoLab.Result run(int epochs) {
    MeteoLab.Result r = MeteoLab.run(7, 16, epochs, 0, ConsoleListener.every(10));
    System.out.print(r.history());
    Plots.timeSeries()
        .title(String.format(
            Locale.ROOT,
            "Seattle temp_max 2015: MAE %.2f °C (persistence %.2f °C)",
            r.testMae(),
            r.persistenceMae()))
        .dates(r.testDates())
        .series("actual", r.actual())
        .series("predicted", r.predicted())
        .yLabel("°C")
        .xLabel("date")
        .show();
    Plots.history(r.history()).title("Meteo lab: training curves").show();
    return r;
  }

  /** Draws the meteo lab's training chart from the command line (optional argument: epochs, default 200). */
  public static void main(String[] args) {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 200);
  }
}
