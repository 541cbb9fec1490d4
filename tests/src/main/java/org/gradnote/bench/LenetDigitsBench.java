package org.gradnote.bench;

import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.data.TensorDataset;
import org.gradnote.examples.LenetDigits;
import org.gradnote.metrics.Metrics;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.Tensor;

/** LeNet on the 8x8 digits exactly as lenet_digits.py: minibatch 32 shuffled, SGD 0.1 momentum 0.9, 1500/297. */
final class LenetDigitsBench implements Workload {
    @Override
    public String name() {
        return "lenet_digits";
    }

    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "2" : "10"};
    }

    @Override
    public Result run(String[] args) {
        int epochs = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Tensor[] s = LenetDigits.split();
        Sequential model = LenetDigits.lenet();
        SGD opt = new SGD(model.parameters(), 0.1, 0.9);
        Loss crit = Loss.crossEntropy();
        DataLoader loader = DataLoader.of(new TensorDataset(s[0], s[1]), 32).shuffled();
        long t0 = System.nanoTime(), c0 = Workload.cpuNanos();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Batch b : loader) {
                opt.zeroGrad();
                Tensor loss = crit.apply(model.forward(b.x()), b.y());
                loss.backward();
                opt.step();
            }
        }
        double dt = (System.nanoTime() - t0) / 1e9, cpu = (Workload.cpuNanos() - c0) / 1e9;
        double acc;
        try (var g = Tensor.noGrad()) {
            acc = Metrics.accuracy(model.forward(s[2]), s[3]).value();
        }
        return new Result(dt, cpu, epochs, Map.of("test_acc", acc));
    }
}
