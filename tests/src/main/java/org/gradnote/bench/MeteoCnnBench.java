package org.gradnote.bench;

import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.examples.MeteoCnn;
import org.gradnote.nn.Loss;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/** The "Practice: CNN" lab exactly as meteo_cnn.py: h filters, whole 2014 as one batch, a test pass before each step. */
final class MeteoCnnBench implements Workload {
    @Override
    public String name() {
        return "meteo_cnn";
    }

    /** meteo_cnn.py's arguments: hidden size, epochs (its defaults are 10 and 100). */
    @Override
    public String[] args(boolean quick) {
        return new String[] {"10", quick ? "20" : "100"};
    }

    @Override
    public Result run(String[] args) {
        int h = Integer.parseInt(args[0]), epochs = Integer.parseInt(args[1]);
        Gradnote.seed(0);
        Tensor[] train = MeteoCnn.xy(2014), test = MeteoCnn.xy(2015);
        MeteoCnn.Mod mod = new MeteoCnn.Mod(h);
        Loss crit = Loss.mse();
        Adam opt = new Adam(mod.parameters(), 0.001);
        Tensor trainY = train[1].slice(1, 0, train[0].size(1) - 2), testY = test[1].slice(1, 0, test[0].size(1) - 2);
        long t0 = System.nanoTime(), c0 = Workload.cpuNanos();
        Tensor loss = null;
        for (int epoch = 0; epoch < epochs; epoch++) {
            try (var g = Tensor.noGrad()) {
                crit.apply(mod.forward(test[0]), testY).item();
            }
            opt.zeroGrad();
            loss = crit.apply(mod.forward(train[0]), trainY);
            loss.backward();
            opt.step();
        }
        double dt = (System.nanoTime() - t0) / 1e9, cpu = (Workload.cpuNanos() - c0) / 1e9;
        double testMse;
        try (var g = Tensor.noGrad()) {
            testMse = crit.apply(mod.forward(test[0]), testY).item();
        }
        return new Result(dt, cpu, epochs, Map.of("train_mse", loss.item(), "test_mse", testMse));
    }
}
