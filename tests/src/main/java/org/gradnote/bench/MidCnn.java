package org.gradnote.bench;

import java.util.Map;
import org.gradnote.nn.Activations;
import org.gradnote.nn.Conv2d;
import org.gradnote.nn.Flatten;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.MaxPool2d;
import org.gradnote.nn.Module;
import org.gradnote.nn.Sequential;
import org.gradnote.optim.Optimizer;
import org.gradnote.tensor.Tensor;

/**
 * What the mid-size workloads share: the CIFAR-size CNN (twin of {@code mid_cnn()} in tests/bench/pytorch/common.py),
 * its seeded batches, and the timed training loop over batches cycled.
 */
final class MidCnn {
    private MidCnn() {}

    /** Two conv(3x3, padding 1) -> ReLU -> max-pool(2) blocks (3 -> 32 -> 64 channels), then 4096 -> 128 -> 10. */
    static Sequential model() {
        return new Sequential(
                new Conv2d(3, 32, 3, 1, 1),
                Activations.relu(),
                new MaxPool2d(2),
                new Conv2d(32, 64, 3, 1, 1),
                Activations.relu(),
                new MaxPool2d(2),
                new Flatten(),
                new Linear(64 * 8 * 8, 128),
                Activations.relu(),
                new Linear(128, 10));
    }

    /** {@code count} seeded batches of random images [batch, 3, 32, 32] with labels in 0..9. */
    static Tensor[][] batches(int count, int batch) {
        Tensor[][] out = new Tensor[count][];
        for (int i = 0; i < count; i++) {
            long[] labels = new long[batch];
            for (int j = 0; j < batch; j++) labels[j] = (j * 7L + i) % 10;
            out[i] = new Tensor[] {Tensor.randn(batch, 3, 32, 32), Tensor.of(labels)};
        }
        return out;
    }

    /** Times {@code steps} training steps over the batches {x, y} cycled; the result's quality is the last loss. */
    static Workload.Result timedSteps(Module model, Optimizer opt, Loss crit, Tensor[][] data, int steps) {
        long t0 = System.nanoTime(), c0 = Workload.cpuNanos();
        Tensor loss = null;
        for (int s = 0; s < steps; s++) {
            Tensor[] b = data[s % data.length];
            opt.zeroGrad();
            loss = crit.apply(model.forward(b[0]), b[1]);
            loss.backward();
            opt.step();
        }
        double dt = (System.nanoTime() - t0) / 1e9, cpu = (Workload.cpuNanos() - c0) / 1e9;
        return new Workload.Result(dt, cpu, steps, Map.of("loss", loss.item()));
    }
}
