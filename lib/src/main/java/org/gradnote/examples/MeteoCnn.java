package org.gradnote.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.nn.Activations;
import org.gradnote.nn.Conv1d;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/**
 * The courses' "Practice: CNN" lab in Java: Conv1d(1, h, 3) → ReLU → Linear(h, 1) predicts tomorrow's max
 * temperature in Seattle from the 3 previous days; trained on 2014 with the whole year as one batch (MSE, Adam
 * lr 1e-3), tested on 2015, for h = 1 and h = 100. The PyTorch twin is {@code tests/bench/pytorch/meteo_cnn.py}.
 */
public final class MeteoCnn {
    /** Temperatures are divided by this so the inputs are below 1, as in the course. */
    static final double SCALE = 50.0;

    /** The course's Mod(nhid): input [B, T, 1], output [B, T - 2, 1], one prediction per 3-day window. */
    public static final class Mod extends Module {
        final Conv1d cnn;
        final Linear mlp;
        final Module relu;

        /**
         * The lab's CNN with {@code nhid} channels: a 1-D convolution of width 3 over the days, ReLU, and a linear
         * read-out per day.
         */
        public Mod(int nhid) {
            cnn = register("cnn", new Conv1d(1, nhid, 3));
            mlp = register("mlp", new Linear(nhid, 1));
            relu = register("relu", Activations.relu());
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor y = relu.forward(cnn.forward(x.transpose(1, 2)));
            long b = y.size(0), h = y.size(1), t = y.size(2);
            return mlp.forward(y.transpose(1, 2).reshape(b * t, h)).view(b, t, -1);
        }
    }

    /** Inputs (days 1..n-1) and targets (days 4..n) of one year, each [1, days, 1], scaled. */
    public static Tensor[] xy(int year) {
        double[] t = LabData.meteoYear(year, "Seattle", "temp_max");
        double[] scaled = Arrays.stream(t).map(v -> v / SCALE).toArray();
        double[] x = Arrays.copyOfRange(scaled, 0, scaled.length - 1), y = Arrays.copyOfRange(scaled, 3, scaled.length);
        return new Tensor[] {Tensor.fromArray(x, 1, x.length, 1), Tensor.fromArray(y, 1, y.length, 1)};
    }

    /** Per-epoch train and test MSE of one run (the test loss is measured before each step, as in the course). */
    public record Result(
            int hidden,
            List<Double> trainMse,
            List<Double> testMse,
            double finalTrainMse,
            double finalTestMse,
            long parameters) {}

    /** Trains Mod(hidden) for the given epochs with the twin's protocol and seed. */
    public static Result run(int hidden, int epochs, long seed) {
        Gradnote.seed(seed);
        Tensor[] train = xy(2014), test = xy(2015);
        Mod model = new Mod(hidden);
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss crit = Loss.mse();
        Tensor trainY = train[1].slice(1, 0, train[0].size(1) - 2), testY = test[1].slice(1, 0, test[0].size(1) - 2);
        List<Double> trainCurve = new ArrayList<>(), testCurve = new ArrayList<>();
        double last = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            testCurve.add(testMse(model, test[0], testY, crit));
            opt.zeroGrad();
            Tensor loss = crit.apply(model.forward(train[0]), trainY);
            loss.backward();
            opt.step();
            last = loss.item();
            trainCurve.add(last);
        }
        return new Result(
                hidden, trainCurve, testCurve, last, testMse(model, test[0], testY, crit), model.parameterCount());
    }

    static double testMse(Module model, Tensor x, Tensor y, Loss crit) {
        try (var g = Tensor.noGrad()) {
            return crit.apply(model.forward(x), y).item();
        }
    }

    /**
     * Runs the meteo CNN lab from the command line (optional argument: epochs, default 100) and prints its losses for
     * h=1 and h=100.
     */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("Meteo CNN lab (seeds' \"Practice: CNN\"): Seattle temp_max / " + SCALE
                + ", train 2014, test 2015, Adam lr=1e-3");
        System.out.println(new Mod(10));
        for (int h : new int[] {1, 100}) {
            Result r = run(h, epochs, 0);
            System.out.printf(
                    "h=%-3d  %4d parameters  train MSE %.5f  test MSE %.5f  (x %.0f² = %.2f °C² on test)%n",
                    h, r.parameters(), r.finalTrainMse(), r.finalTestMse(), SCALE, r.finalTestMse() * SCALE * SCALE);
            System.out.println(TextCurves.plot(
                    "h=" + h + ": train MSE (*) and test MSE (o) per epoch", r.trainMse(), r.testMse(), 72, 10));
        }
        System.out.println(
                "h=1 has a single filter: it underfits; h=100 fits better after the same epochs. Rerun with another seed"
                        + " (init) to see the run-to-run variability the course asks about.");
    }
}
