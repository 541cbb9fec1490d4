package org.gradnote.bench;

import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.examples.MlpLab;
import org.gradnote.metrics.Metrics;
import org.gradnote.nn.Loss;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/** The "Practice: code" MLP lab, full batch with a fresh shuffle each epoch, exactly as mlp_toy.py. */
final class MlpToy implements Workload {
    @Override
    public String name() {
        return "mlp_toy";
    }

    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "100" : "1000"};
    }

    @Override
    public Result run(String[] args) {
        int epochs = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Tensor[] train = MlpLab.genData(100, 1000, 0.3, 0.8);
        Tensor[] dev = MlpLab.genData(100, 100, 0.32, 0.8);
        MlpLab.Net model = new MlpLab.Net(100, 10);
        Adam opt = new Adam(model.parameters(), 0.01);
        Loss crit = Loss.crossEntropy();
        long t0 = System.nanoTime(), c0 = Workload.cpuNanos();
        Tensor loss = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            Tensor idx = Tensor.of(Gradnote.permutation(1000));
            opt.zeroGrad();
            loss = crit.apply(model.forward(train[0].indexSelect(0, idx)), train[1].indexSelect(0, idx));
            loss.backward();
            opt.step();
        }
        double dt = (System.nanoTime() - t0) / 1e9, cpu = (Workload.cpuNanos() - c0) / 1e9;
        double acc;
        try (var g = Tensor.noGrad()) {
            acc = Metrics.accuracy(model.forward(dev[0]), dev[1]).value();
        }
        return new Result(dt, cpu, epochs, Map.of("loss", loss.item(), "dev_acc", acc));
    }
}
