package org.gradnote.bench;

import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.nn.Sequential;
import org.gradnote.tensor.Tensor;

/** Mid-size: batch inference of the CIFAR-size CNN, [256, 3, 32, 32] per batch, no gradients, as cnn_infer.py. */
final class CnnInfer implements Workload {
    @Override
    public String unit() {
        return "batch";
    }

    @Override
    public String name() {
        return "cnn_infer";
    }

    /** Forward passes (4 distinct batches cycled). */
    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "4" : "20"};
    }

    @Override
    public Result run(String[] args) {
        int passes = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Tensor[][] data = MidCnn.batches(4, 256);
        Sequential model = MidCnn.model();
        model.eval();
        long t0 = System.nanoTime(), c0 = Workload.cpuNanos();
        double checksum = 0;
        try (var g = Tensor.noGrad()) {
            for (int s = 0; s < passes; s++)
                checksum += model.forward(data[s % data.length][0]).abs().mean().item();
        }
        double dt = (System.nanoTime() - t0) / 1e9, cpu = (Workload.cpuNanos() - c0) / 1e9;
        return new Result(dt, cpu, passes, Map.of("mean_abs_logit", checksum / passes));
    }
}
