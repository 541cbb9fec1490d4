package org.gradnote.examples;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.data.TensorDataset;
import org.gradnote.metrics.Accuracy;
import org.gradnote.metrics.Metrics;
import org.gradnote.nn.Activations;
import org.gradnote.nn.Conv2d;
import org.gradnote.nn.Flatten;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.MaxPool2d;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.Tensor;

/**
 * A LeNet-style CNN on the 8×8 digits, the courses' LeNet lecture on data that ships with gradnote: two
 * conv(3×3, padding 1) → ReLU → max-pool(2) stages, then 64 → 32 → 10; minibatches of 32 reshuffled each epoch,
 * SGD lr 0.1 momentum 0.9, cross-entropy; 1500 images to train, the other 297 to test. The PyTorch twin is
 * {@code tests/bench/pytorch/lenet_digits.py}.
 */
public final class LenetDigits {
    private LenetDigits() {}

    /** The twin's architecture, printed as PyTorch prints it. */
    public static Sequential lenet() {
        return new Sequential(
                new Conv2d(1, 6, 3, 1, 1),
                Activations.relu(),
                new MaxPool2d(2),
                new Conv2d(6, 16, 3, 1, 1),
                Activations.relu(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(64, 32),
                Activations.relu(),
                new Linear(32, 10));
    }

    /** Mean training loss per epoch and the final test accuracy. */
    public record Result(List<Double> epochLoss, Accuracy test) {}

    /** The four parts of the split: train images, train labels, test images, test labels. */
    public static Tensor[] split() {
        Tensor[] d = LabData.digits();
        long n = d[0].size(0);
        return new Tensor[] {
            d[0].slice(0, 0, 1500), d[1].slice(0, 0, 1500), d[0].slice(0, 1500, n), d[1].slice(0, 1500, n)
        };
    }

    /**
     * Trains LeNet on the 8x8 digits for {@code epochs} epochs from a seed and returns the curves and the final test
     * accuracy.
     */
    public static Result run(int epochs, long seed) {
        Gradnote.seed(seed);
        Tensor[] s = split();
        Sequential model = lenet();
        SGD opt = new SGD(model.parameters(), 0.1, 0.9);
        Loss crit = Loss.crossEntropy();
        DataLoader loader = DataLoader.of(new TensorDataset(s[0], s[1]), 32).shuffled();
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            double total = 0;
            int batches = 0;
            for (Batch b : loader) {
                opt.zeroGrad();
                Tensor loss = crit.apply(model.forward(b.x()), b.y());
                loss.backward();
                opt.step();
                total += loss.item();
                batches++;
            }
            losses.add(total / batches);
        }
        model.eval();
        try (var g = Tensor.noGrad()) {
            return new Result(losses, Metrics.accuracy(model.forward(s[2]), s[3]));
        }
    }

    /**
     * Runs the LeNet lab from the command line (optional argument: epochs, default 10) and prints the model, its curves
     * and test accuracy.
     */
    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        System.out.println("LeNet on the 8x8 digits: 1500 train / 297 test, minibatch 32, SGD lr=0.1 momentum=0.9");
        System.out.println(lenet());
        System.out.println(lenet().summary());
        long t0 = System.nanoTime();
        Result r = run(epochs, 0);
        for (int e = 0; e < epochs; e++)
            System.out.printf(
                    "epoch %2d  mean train loss %.4f%n", e + 1, r.epochLoss().get(e));
        System.out.printf(
                "test accuracy %s after %d epochs, %.1f s%n", r.test(), epochs, (System.nanoTime() - t0) / 1e9);
    }
}
