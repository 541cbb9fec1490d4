package org.gradnote.examples;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.metrics.Accuracy;
import org.gradnote.metrics.Metrics;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.optim.Adam;
import org.gradnote.optim.Optimizer;
import org.gradnote.tensor.Tensor;

/**
 * The courses' "Practice: code" lab in Java: an MLP (100 → 55 tanh → 10) on two Gaussian blobs, full batch,
 * cross-entropy and Adam, printing the train-loss and dev-accuracy curves. The PyTorch twin is
 * {@code tests/bench/pytorch/mlp_toy.py}.
 */
public final class MlpLab {
    /** The course's Net(nins, nout): one tanh hidden layer of (nins + nout) / 2 units. */
    public static final class Net extends Module {
        final Linear hidden;
        final Linear out;

        /**
         * The course's MLP: {@code nins} inputs, one tanh hidden layer of (nins + nout) / 2 units, {@code nout} output
         * scores.
         */
        public Net(int nins, int nout) {
            int nhid = (nins + nout) / 2;
            hidden = register("hidden", new Linear(nins, nhid));
            out = register("out", new Linear(nhid, nout));
        }

        @Override
        public Tensor forward(Tensor x) {
            return out.forward(hidden.forward(x).tanh());
        }
    }

    /** Two blobs: 70% of class 0 around mean0 (std 0.1), the rest class 1 around mean1 (std 0.01). */
    public static Tensor[] genData(int nins, int nsamps, double mean0, double mean1) {
        int n0 = (int) (nsamps * 0.7);
        Tensor x0 = Tensor.randn(n0, nins).mul(0.1).add(mean0);
        Tensor x1 = Tensor.randn(nsamps - n0, nins).mul(0.01).add(mean1);
        long[] y = new long[nsamps];
        for (int i = n0; i < nsamps; i++) y[i] = 1;
        return new Tensor[] {Tensor.cat(0, x0, x1), Tensor.of(y)};
    }

    /** Per-epoch curves of one run. */
    public record Curves(List<Double> trainLoss, List<Double> devAccuracy, Accuracy finalDev) {}

    /** Trains the lab's model and returns its curves; the loop is the course's, written out. */
    public static Curves run(int epochs, double lr, int trainSize, long seed) {
        Gradnote.seed(seed);
        Tensor[] train = genData(100, trainSize, 0.3, 0.8);
        Tensor[] dev = genData(100, 100, 0.32, 0.8);
        Net model = new Net(100, 10);
        Optimizer opt = new Adam(model.parameters(), lr);
        Loss criterion = Loss.crossEntropy();
        List<Double> losses = new ArrayList<>(), accs = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Tensor idx = Tensor.of(Gradnote.permutation(trainSize));
            opt.zeroGrad();
            Tensor loss = criterion.apply(model.forward(train[0].indexSelect(0, idx)), train[1].indexSelect(0, idx));
            try (var g = Tensor.noGrad()) {
                accs.add(Metrics.accuracy(model.forward(dev[0]), dev[1]).value());
            }
            losses.add(loss.item());
            loss.backward();
            opt.step();
        }
        Accuracy finalDev;
        try (var g = Tensor.noGrad()) {
            finalDev = Metrics.accuracy(model.forward(dev[0]), dev[1]);
        }
        return new Curves(losses, accs, finalDev);
    }

    /**
     * Runs the MLP lab from the command line (optional argument: epochs, default 1000) and prints its loss and dev
     * accuracy curves.
     */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long t0 = System.nanoTime();
        Curves c = run(epochs, 0.01, 1000, 0);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println(
                "MLP lab (seeds' \"Practice: code\"): Net(100, 10), tanh, Adam lr=0.01, 1000 train / 100 dev examples");
        System.out.println(model());
        System.out.println();
        System.out.println(TextCurves.table(c.trainLoss(), c.devAccuracy(), Math.max(1, epochs / 20)));
        System.out.println(TextCurves.plot(
                "train loss (*, left axis) and dev accuracy (o, right axis) per epoch",
                c.trainLoss(),
                c.devAccuracy(),
                72,
                16));
        System.out.printf(
                "final train loss %.4f, dev accuracy %s, %d epochs in %.1f s%n",
                c.trainLoss().get(epochs - 1), c.finalDev(), epochs, seconds);
    }

    private static String model() {
        Net n = new Net(100, 10);
        return n + "\n" + n.summary();
    }
}
