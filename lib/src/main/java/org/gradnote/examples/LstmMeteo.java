package org.gradnote.examples;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.data.TensorDataset;
import org.gradnote.nn.LSTM;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.optim.Adam;
import org.gradnote.optim.Optimizer;
import org.gradnote.tensor.Tensor;

/**
 * The weather-forecast LSTM lab: LSTM(1, 32) reads 30 days of Seattle's maximum temperature (divided by 50) and a
 * linear layer predicts the next day; mini-batches of 64, shuffled, Adam lr 1e-2, MSE; trained on 2012-2014 and
 * tested on 2015. The PyTorch twin is {@code tests/bench/pytorch/lstm_meteo.py}.
 */
public final class LstmMeteo {
    /** Days of history each prediction sees: the LSTM reads 30 days of temperatures. */
    public static final int WINDOW = 30;

    private LstmMeteo() {}

    /** The twin's model: the LSTM's output at the last time step through Linear(32, 1). */
    public static final class Net extends Module {
        final LSTM rnn = register("rnn", new LSTM(1, 32, 1, true, true));
        final Linear out = register("out", new Linear(32, 1));

        @Override
        public Tensor forward(Tensor x) {
            return out.forward(rnn.forward(x).select(1, -1));
        }
    }

    /** Every window of {@link #WINDOW} days [M, 30, 1] and the day after it [M, 1], from values divided by 50. */
    public static Tensor[] windows(double[] values) {
        int m = values.length - WINDOW;
        if (m <= 0)
            throw new IllegalArgumentException("windows: need more than " + WINDOW + " values, got " + values.length);
        double[] xs = new double[m * WINDOW], ys = new double[m];
        for (int i = 0; i < m; i++) {
            for (int k = 0; k < WINDOW; k++) xs[i * WINDOW + k] = values[i + k] / 50.0;
            ys[i] = values[i + WINDOW] / 50.0;
        }
        return new Tensor[] {Tensor.fromArray(xs, m, WINDOW, 1), Tensor.fromArray(ys, m, 1)};
    }

    /** Seattle's temp_max over the given years, concatenated in order. */
    public static double[] seattle(int... years) {
        List<Double> all = new ArrayList<>();
        for (int y : years) for (double v : LabData.meteoYear(y, "Seattle", "temp_max")) all.add(v);
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Per-epoch curves: mean training batch loss and test MSE after each epoch. */
    public record Curves(List<Double> trainMse, List<Double> testMse) {
        /** The test mean squared error after the last epoch. */
        public double finalTest() {
            return testMse.get(testMse.size() - 1);
        }
    }

    /** Trains the lab's model for some epochs from a seed, evaluating the test year after each one. */
    public static Curves run(int epochs, long seed) {
        Gradnote.seed(seed);
        Tensor[] train = windows(seattle(2012, 2013, 2014)), test = windows(seattle(2015));
        Net model = new Net();
        Loss crit = Loss.mse();
        Optimizer opt = new Adam(model.parameters(), 0.01);
        DataLoader loader =
                DataLoader.of(new TensorDataset(train[0], train[1]), 64).shuffled();
        List<Double> trainMse = new ArrayList<>(), testMse = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double sum = 0;
            int batches = 0;
            for (Batch b : loader) {
                opt.zeroGrad();
                Tensor loss = crit.apply(model.forward(b.x()), b.y());
                loss.backward();
                opt.step();
                sum += loss.item();
                batches++;
            }
            trainMse.add(sum / batches);
            try (var g = Tensor.noGrad()) {
                testMse.add(crit.apply(model.forward(test[0]), test[1]).item());
            }
        }
        return new Curves(trainMse, testMse);
    }

    /** Runs the LSTM meteo lab from the command line (optional argument: epochs, default 20) and prints its curves. */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long t0 = System.nanoTime();
        Curves c = run(epochs, 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(
                "LSTM meteo lab: LSTM(1, 32) over 30-day windows of Seattle temp_max / 50 -> next day, Adam lr=0.01, batch 64");
        System.out.println(new Net());
        System.out.println(TextCurves.plot(
                "train MSE (*, left axis) and test MSE (o, right axis) per epoch", c.trainMse(), c.testMse(), 72, 16));
        System.out.printf(
                "final train MSE %.5f, test MSE %.5f (2015), %d epochs in %.1f s%n",
                c.trainMse().get(epochs - 1), c.finalTest(), epochs, seconds);
    }
}
