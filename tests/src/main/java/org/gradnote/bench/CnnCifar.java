package org.gradnote.bench;

import org.gradnote.Gradnote;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.SGD;
import org.gradnote.tensor.Tensor;

/** Mid-size: training steps of a CIFAR-size CNN on [64, 3, 32, 32] batches, SGD momentum, as cnn_cifar.py. */
final class CnnCifar implements Workload {
    @Override
    public String unit() {
        return "step";
    }

    @Override
    public String name() {
        return "cnn_cifar";
    }

    /** Training steps (8 distinct batches cycled). */
    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "4" : "30"};
    }

    @Override
    public Result run(String[] args) {
        int steps = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Tensor[][] data = MidCnn.batches(8, 64);
        Sequential model = MidCnn.model();
        SGD opt = new SGD(model.parameters(), 0.01, 0.9);
        Loss crit = Loss.crossEntropy();
        return MidCnn.timedSteps(model, opt, crit, data, steps);
    }
}
