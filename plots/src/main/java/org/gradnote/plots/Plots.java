package org.gradnote.plots;

import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.gradnote.plots.internal.Check;
import org.gradnote.plots.internal.Headless;

/**
 * Entry point of the plotting API: one static factory per chart kind, plus the {@link ChartSink} that
 * {@link Chart#show()} uses. Example: {@code Plots.line().title("Loss").x(epochs).series("train", t).show()}.
 */
public final class Plots {

  static {
    Headless.ensure();
  }

  private static volatile ChartSink sink = new FileSink();

  private Plots() {}

  /** Line chart of curves over a shared x, optionally with a second y-axis. */
  public static LineChartBuilder line() {
    return new LineChartBuilder();
  }

  /**
   * Training curves from per-epoch metrics keyed like "train_loss", "dev_loss", "dev_acc": losses on
   * the left axis, accuracy/F1/precision/recall/AUC-like metrics dashed on a right axis, one colour per
   * split, epochs numbered from 1. Curves follow the map's iteration order (use a LinkedHashMap);
   * all arrays must have one value per epoch (NaN for epochs without a value).
   * The result is a line builder, so title and labels can still be changed.
   */
  public static LineChartBuilder history(Map<String, double[]> perEpochMetrics) {
    return HistoryCharts.of(perEpochMetrics);
  }

  /** Training curves of a {@link org.gradnote.train.History}, as {@link #history(Map)} draws its {@code toMap()}. */
  public static LineChartBuilder history(org.gradnote.train.History history) {
    Objects.requireNonNull(history, "history");
    return HistoryCharts.of(history.toMap());
  }

  /** Line chart over {@code LocalDate}s. */
  public static TimeSeriesBuilder timeSeries() {
    return new TimeSeriesBuilder();
  }

  /** Scatter plot, typically coloured by class label. */
  public static ScatterBuilder scatter() {
    return new ScatterBuilder();
  }

  /** Decision regions of a classifier that labels one point (x, y) at a time. */
  public static DecisionBoundaryBuilder decisionBoundary(ToIntFunction<double[]> classifier) {
    Objects.requireNonNull(classifier, "classifier");
    return new DecisionBoundaryBuilder(batch -> {
      int[] out = new int[batch.length];
      for (int i = 0; i < batch.length; i++) {
        out[i] = classifier.applyAsInt(batch[i]);
      }
      return out;
    });
  }

  /**
   * Decision regions of a classifier that labels a whole batch (n x 2 rows) in one call, which is
   * much faster for a model that evaluates matrices (one forward pass instead of 40,000).
   */
  public static DecisionBoundaryBuilder decisionBoundaryBatch(
      Function<double[][], int[]> classifier) {
    return new DecisionBoundaryBuilder(Objects.requireNonNull(classifier, "classifier"));
  }

  /** Histogram of one or more samples. */
  public static HistogramBuilder histogram() {
    return new HistogramBuilder();
  }

  /** Bar chart over categories. */
  public static BarChartBuilder bar() {
    return new BarChartBuilder();
  }

  /** ROC curves (true vs false positive rate) with AUC in the legend. */
  public static ClassifierCurveBuilder roc() {
    return new ClassifierCurveBuilder(true);
  }

  /** Precision-recall curves with the area under each in the legend. */
  public static ClassifierCurveBuilder precisionRecall() {
    return new ClassifierCurveBuilder(false);
  }

  /** Confusion-matrix heat map. */
  public static ConfusionMatrixBuilder confusionMatrix() {
    return new ConfusionMatrixBuilder();
  }

  /**
   * Heat map of {@code matrix[row][column]} with labelled rows and columns (either labels may be null
   * for 0, 1, 2, ...), e.g. attention weights: output steps as rows, input tokens as columns.
   */
  public static HeatmapBuilder heatmap(double[][] matrix, String[] rowLabels, String[] colLabels) {
    return new HeatmapBuilder(
        matrix,
        rowLabels == null ? null : rowLabels.clone(),
        colLabels == null ? null : colLabels.clone());
  }

  /** Grid of grayscale images given as {@code [image][row][column]}. */
  public static ImageGridBuilder images(double[][][] images) {
    return new ImageGridBuilder(images == null ? null : images.clone());
  }

  /** Grid of images given as flat rows (e.g. 64-value digit vectors) reshaped to height x width. */
  public static ImageGridBuilder images(double[][] flatImages, int height, int width) {
    Check check = new Check("image grid", null);
    check.that(flatImages != null && flatImages.length > 0, "has no images");
    check.that(height > 0 && width > 0, "image shape must be positive, got %dx%d", height, width);
    double[][][] images = new double[flatImages.length][height][width];
    for (int k = 0; k < flatImages.length; k++) {
      check.that(
          flatImages[k] != null && flatImages[k].length == height * width,
          "image %d has %s values but %dx%d needs %d",
          k,
          flatImages[k] == null ? "no" : String.valueOf(flatImages[k].length),
          height,
          width,
          height * width);
      for (int r = 0; r < height; r++) {
        System.arraycopy(flatImages[k], r * width, images[k][r], 0, width);
      }
    }
    return new ImageGridBuilder(images);
  }

  /**
   * Segmentation grid, one sample per row: image | true mask | predicted mask (predicted may be null), classes in
   * colour.
   */
  public static MaskGridBuilder masks(double[][][] images, int[][][] truth, int[][][] predicted) {
    return new MaskGridBuilder(images, truth, predicted);
  }

  /**
   * Segmentation grid of the first {@code count} samples of images [N, 1, H, W] (or [N, H, W]) and class masks [N,
   * H, W] (predicted may be null).
   */
  public static MaskGridBuilder masks(
      org.gradnote.tensor.Tensor images,
      org.gradnote.tensor.Tensor truth,
      org.gradnote.tensor.Tensor predicted,
      int count) {
    return MaskGridBuilder.of(images, truth, predicted, count);
  }

  /** Contour plot of f(x, y), optionally with optimizer paths on top. */
  public static ContourBuilder contour(DoubleBinaryOperator f) {
    return new ContourBuilder(f);
  }

  /** The sink {@link Chart#show()} currently uses. */
  public static ChartSink sink() {
    return sink;
  }

  /**
   * Replaces the sink used by {@link Chart#show()} for the whole JVM (the kernel calls this once at
   * start-up); {@code null} restores the default {@link FileSink} writing to {@code ./plots}.
   * Returns the previous sink so callers (and tests) can restore it.
   */
  public static ChartSink setSink(ChartSink newSink) {
    ChartSink previous = sink;
    sink = newSink != null ? newSink : new FileSink();
    return previous;
  }
}
