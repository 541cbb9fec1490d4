package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gradnote.Gradnote;
import org.gradnote.tensor.GradCheck;
import org.gradnote.tensor.NativeRuntime;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks (float64) of backpropagation through time for RNN, LSTM (fused and composed) and GRU:
 * 1 and 2 layers, batch-first or not, with and without initial states; gradients with respect to the input, the
 * initial states and every parameter, through the outputs and the last states.
 */
class RecurrentGradCheckTest {
    private static int threads;

    @BeforeAll
    static void oneThread() {
        // Hundreds of tiny ops per check: a second OpenMP thread only spins on a busy 2-core machine.
        threads = NativeRuntime.opThreads();
        NativeRuntime.setOpThreads(1);
    }

    @AfterAll
    static void restoreThreads() {
        NativeRuntime.setOpThreads(threads);
    }

    static Stream<Arguments> modes() {
        List<Arguments> out = new ArrayList<>();
        for (String kind : List.of("rnn-tanh", "rnn-relu", "lstm", "lstm-composed", "gru", "gru-composed")) {
            for (int layers : new int[] {1, 2}) {
                for (boolean batchFirst : new boolean[] {false, true}) {
                    for (boolean init : new boolean[] {false, true})
                        out.add(Arguments.of(kind, layers, batchFirst, init));
                }
            }
        }
        return out.stream();
    }

    static RNNBase build(String kind, long in, long hidden, int layers, boolean batchFirst) {
        RNNBase m = switch (kind) {
            case "rnn-tanh" -> new RNN(in, hidden, layers, "tanh", true, batchFirst);
            case "rnn-relu" -> new RNN(in, hidden, layers, "relu", true, batchFirst);
            case "gru", "gru-composed" -> new GRU(in, hidden, layers, true, batchFirst);
            default -> new LSTM(in, hidden, layers, true, batchFirst);
        };
        if (kind.equals("lstm-composed")) ((LSTM) m).composed = true;
        if (kind.equals("gru-composed")) ((GRU) m).composed = true;
        m.to(FLOAT64);
        return m;
    }

    /** Runs the layer with the given initial states (null for none) and flattens output and last states into one vector. */
    static Tensor everything(RNNBase m, Tensor x, Tensor h0, Tensor c0) {
        RNNBase.Output o = m instanceof LSTM l
                ? l.forward(x, h0, c0)
                : m instanceof GRU g ? g.forward(x, h0) : ((RNN) m).forward(x, h0);
        List<Tensor> parts =
                new ArrayList<>(List.of(o.output().flatten(), o.hidden().flatten()));
        if (o.cell() != null) parts.add(o.cell().flatten());
        return Tensor.cat(parts, 0);
    }

    @ParameterizedTest(name = "{0}, {1} layer(s), batchFirst={2}, initial states={3}")
    @MethodSource("modes")
    void gradientsMatchFiniteDifferences(String kind, int layers, boolean batchFirst, boolean init) {
        Gradnote.seed(7);
        long n = 2, t = 3, in = 2, hidden = 2;
        RNNBase m = build(kind, in, hidden, layers, batchFirst);
        Tensor x = Tensor.randn(FLOAT64, batchFirst ? new long[] {n, t, in} : new long[] {t, n, in})
                .requiresGrad(true);
        List<Tensor> inputs = new ArrayList<>(List.of(x));
        Tensor h0 = null, c0 = null;
        if (init) {
            h0 = Tensor.randn(FLOAT64, layers, n, hidden).mul(0.5).requiresGrad(true);
            inputs.add(h0);
            if (m instanceof LSTM) {
                c0 = Tensor.randn(FLOAT64, layers, n, hidden).mul(0.5).requiresGrad(true);
                inputs.add(c0);
            }
        }
        int states = inputs.size();
        inputs.addAll(m.parameters());
        Tensor[] all = inputs.toArray(new Tensor[0]);
        Tensor fh0 = h0, fc0 = c0;
        GradCheck.check(
                kind + " " + layers + "L bf=" + batchFirst + " init=" + init,
                a -> everything(m, a[0], states > 1 ? a[1] : fh0, states > 2 ? a[2] : fc0),
                all);
    }
}
