package org.gradnote.bench;

import java.util.Map;
import org.gradnote.tensor.Tensor;

/** The course's first autograd example in a loop: measures per-op and tape overhead on tiny tensors. */
final class AutogradMicro implements Workload {
    @Override
    public String unit() {
        return "iter";
    }

    @Override
    public String name() {
        return "autograd_micro";
    }

    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "2000" : "20000"};
    }

    @Override
    public Result run(String[] args) {
        int n = Integer.parseInt(args[0]);
        for (int i = 0; i < 2000; i++) step();
        long t0 = System.nanoTime(), c0 = Workload.cpuNanos();
        Tensor x = null;
        for (int i = 0; i < n; i++) x = step();
        double dt = (System.nanoTime() - t0) / 1e9, cpu = (Workload.cpuNanos() - c0) / 1e9;
        return new Result(
                dt,
                cpu,
                n,
                Map.of(
                        "us_per_iter",
                        Math.round(1e8 * dt / n) / 100.0,
                        "grad",
                        x.grad().toDoubleArray()[0]));
    }

    private static Tensor step() {
        Tensor x = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y = x.add(2);
        Tensor z = y.mul(y).mul(3);
        Tensor out = z.mean();
        out.backward();
        return x;
    }
}
