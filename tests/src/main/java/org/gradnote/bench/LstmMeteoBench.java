package org.gradnote.bench;

import java.util.Map;
import org.gradnote.Gradnote;
import org.gradnote.data.Batch;
import org.gradnote.data.DataLoader;
import org.gradnote.data.TensorDataset;
import org.gradnote.examples.LstmMeteo;
import org.gradnote.nn.Loss;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/** The LSTM meteo lab exactly as lstm_meteo.py: timed training epochs, then the test MSE outside the timing. */
final class LstmMeteoBench implements Workload {
    @Override
    public String name() {
        return "lstm_meteo";
    }

    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "2" : "10"};
    }

    @Override
    public Result run(String[] args) {
        int epochs = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Tensor[] train = LstmMeteo.windows(LstmMeteo.seattle(2012, 2013, 2014)),
                test = LstmMeteo.windows(LstmMeteo.seattle(2015));
        LstmMeteo.Net model = new LstmMeteo.Net();
        Loss crit = Loss.mse();
        Adam opt = new Adam(model.parameters(), 0.01);
        DataLoader loader =
                DataLoader.of(new TensorDataset(train[0], train[1]), 64).shuffled();
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
        double te;
        try (var g = Tensor.noGrad()) {
            te = crit.apply(model.forward(test[0]), test[1]).item();
        }
        return new Result(dt, cpu, epochs, Map.of("test_mse", te));
    }
}
