package org.gradnote.bench;

import org.gradnote.Gradnote;
import org.gradnote.nn.GRU;
import org.gradnote.nn.LSTM;
import org.gradnote.nn.Linear;
import org.gradnote.nn.Loss;
import org.gradnote.nn.Module;
import org.gradnote.nn.RNNBase;
import org.gradnote.optim.Adam;
import org.gradnote.tensor.Tensor;

/**
 * Mid-size: an LSTM or a GRU of hidden size 128 over 100 steps of 32 features, batches of 32, last state -> Linear(128, 1),
 * MSE, Adam; twin of rnn_mid.py.
 */
final class RnnMid implements Workload {
    private final String cell;

    RnnMid(String cell) {
        this.cell = cell;
    }

    @Override
    public String unit() {
        return "step";
    }

    @Override
    public String name() {
        return cell + "_128";
    }

    /** Training steps (4 distinct batches cycled). */
    @Override
    public String[] args(boolean quick) {
        return new String[] {quick ? "3" : "20"};
    }

    /** The recurrent layer and its linear head. */
    static final class Net extends Module {
        final RNNBase rnn;
        final Linear head;

        Net(String cell) {
            rnn = register(
                    "rnn", cell.equals("lstm") ? new LSTM(32, 128, 1, true, true) : new GRU(32, 128, 1, true, true));
            head = register("head", new Linear(128, 1));
        }

        @Override
        public Tensor forward(Tensor x) {
            Tensor out = rnn.run(x).output();
            return head.forward(out.select(1, out.size(1) - 1));
        }
    }

    @Override
    public Result run(String[] args) {
        int steps = Integer.parseInt(args[0]);
        Gradnote.seed(0);
        Tensor[][] data = new Tensor[4][];
        for (int i = 0; i < data.length; i++) data[i] = new Tensor[] {Tensor.randn(32, 100, 32), Tensor.randn(32, 1)};
        Net model = new Net(cell);
        Adam opt = new Adam(model.parameters(), 1e-3);
        Loss crit = Loss.mse();
        return MidCnn.timedSteps(model, opt, crit, data, steps);
    }
}
