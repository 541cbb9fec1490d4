package org.gradnote.plots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gradnote.plots.internal.Check;

/**
 * Lays out a per-epoch training history as curves: losses on the left axis, bounded metrics (accuracy,
 * F1, ...) dashed on the right; each split (train, dev, val, ...) keeps one colour across both axes.
 */
final class HistoryCharts {

  private static final String[] METRIC_WORDS = {
    "acc", "f1", "prec", "recall", "auc", "iou", "dice", "score", "r2"
  };

  private HistoryCharts() {}

  static LineChartBuilder of(Map<String, double[]> perEpoch) {
    Check check = new Check("training history", null);
    check.that(perEpoch != null && !perEpoch.isEmpty(), "has no metrics");
    String first = null;
    for (Map.Entry<String, double[]> e : perEpoch.entrySet()) {
      check.that(e.getKey() != null, "has a metric without a name");
      check.that(e.getValue() != null, "metric '%s' has no values", e.getKey());
      if (first == null) {
        first = e.getKey();
      }
      int n = perEpoch.get(first).length;
      check.that(
          e.getValue().length == n,
          "metric '%s' has %d values but '%s' has %d",
          e.getKey(),
          e.getValue().length,
          first,
          n);
    }
    int epochs = perEpoch.get(first).length;
    check.that(epochs > 0, "metric '%s' is empty", first);

    boolean anyLoss = perEpoch.keySet().stream().anyMatch(k -> !isMetric(k));
    boolean anyMetric = perEpoch.keySet().stream().anyMatch(HistoryCharts::isMetric);
    boolean twoAxes = anyLoss && anyMetric;

    double[] x = new double[epochs];
    for (int i = 0; i < epochs; i++) {
      x[i] = i + 1; // epochs are counted from 1, as training logs print them
    }
    LineChartBuilder b = new LineChartBuilder().x(x).xLabel("epoch");
    Map<String, Integer> splitColor = new LinkedHashMap<>();
    Set<String> used = new HashSet<>(); // (colour, axis) pairs already taken
    List<String> rightKeys = new ArrayList<>();
    for (Map.Entry<String, double[]> e : perEpoch.entrySet()) {
      String key = e.getKey();
      boolean right = twoAxes && isMetric(key);
      int c = splitColor.computeIfAbsent(split(key), s -> splitColor.size());
      while (!used.add(c + (right ? "R" : "L"))) {
        c++; // two metrics of one split on one axis would be indistinguishable: take a free colour
      }
      Color color = Palette.color(c);
      if (right) {
        b.secondAxis(key, e.getValue());
        rightKeys.add(key);
      } else {
        b.series(key, e.getValue());
      }
      b.color(key, color);
    }
    if (twoAxes) {
      b.yLabel("loss").y2Label(axisName(rightKeys));
    } else {
      b.yLabel(anyLoss ? "loss" : axisName(new ArrayList<>(perEpoch.keySet())));
    }
    return b;
  }

  /** True for bounded scores such as "dev_acc" or "val_f1"; anything named *loss* is a loss. */
  static boolean isMetric(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.contains("loss")) {
      return false;
    }
    for (String w : METRIC_WORDS) {
      if (k.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** "dev_acc" -> "dev"; Keras-style unprefixed "loss"/"accuracy" share the empty split. */
  static String split(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    int cut = -1;
    for (char sep : new char[] {'_', '-', '/', ' ', '.'}) {
      int i = k.indexOf(sep);
      if (i > 0 && (cut < 0 || i < cut)) {
        cut = i;
      }
    }
    if (cut < 0) {
      return "";
    }
    String prefix = k.substring(0, cut);
    return isMetric(prefix) || prefix.contains("loss") ? "" : prefix;
  }

  private static String axisName(List<String> keys) {
    boolean allAcc = keys.stream().allMatch(k -> k.toLowerCase(Locale.ROOT).contains("acc"));
    return allAcc ? "accuracy" : "metric";
  }
}
