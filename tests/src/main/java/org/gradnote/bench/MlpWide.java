package org.gradnote.bench;

import org.gradnote.Gradnote;
import org.gradnote.nn.Activations;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/** Mid-size: a wide MLP, 784 -> 1024 -> 1024 -> 10 with ReLU, batches of 256, Adam, as mlp_wide.py. */
final class MlpWide implements Workload {
    @Override
    public String unit() {
        return "step";
    }

    @Override
    public String name() {
        return "mlp_wide";
    }

    /** Training steps (8 distinct batches cycled). */
    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "10" : "100"};
    }

    @Override
    public Result run(String[] args) {
        int steps = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Tensor[][] data = new Tensor[8][];
        for (int i = 0; i < data.length; i++) {
            long[] labels = new long[256];
            for (int j = 0; j < labels.length; j++) labels[j] = (j * 3L + i) % 10;
            data[i] = new Tensor[] {Tensor.randn(256, 784), Tensor.of(labels)};
        }
        Sequential model = new Sequential(
                new Linear(784, 1024),
                Activations.relu(),
                new Linear(1024, 1024),
                Activations.relu(),
                new Linear(1024, 10));
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss crit = Loss.crossEntropy();
        return MidCnn.timedSteps(model, opt, crit, data, steps);
    }
}
