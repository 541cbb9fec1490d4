package org.gradnote.examples;

import org.gradnote.Gradnote;
import org.gradnote.nn.LSTM;
import org.gradnote.nn.RNN;
import org.gradnote.nn.RNNBase;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.Tensor;

/**
 * Makes the vanishing gradient visible: ‖∂h_T/∂x_t‖ (Frobenius norm of the Jacobian of the last hidden state with
 * respect to the input at step t) for every t, so a notebook can plot it against T - t on a log axis.
 */
public final class VanishingGradients {
    private VanishingGradients() {}

    /**
     * The norms for one sequence x [1, T, in] through a batch-first layer; entry t is ‖∂h_T/∂x_t‖. One backward pass
     * per hidden unit gives the Jacobian's rows; each pass keeps the graph for the next.
     */
    public static double[] jacobianNorms(RNNBase layer, Tensor x) {
        if (!layer.batchFirst() || x.dim() != 3 || x.size(0) != 1) {
            throw new IllegalArgumentException(
                    "jacobianNorms: needs a batch-first layer and one sequence [1, T, in], got "
                            + java.util.Arrays.toString(x.shape()));
        }
        int steps = (int) x.size(1);
        Tensor in = x.detach().requiresGrad(true);
        Tensor last = layer.forward(in).select(1, -1).select(0, 0);
        double[] sq = new double[steps];
        long hidden = last.size(0);
        for (int k = 0; k < hidden; k++) {
            in.zeroGrad();
            double[] unit = new double[(int) hidden];
            unit[k] = 1;
            last.backward(Tensor.fromArray(last.dtype(), unit, hidden), k < hidden - 1);
            double[] g = in.grad().toDoubleArray();
            int width = g.length / steps;
            for (int t = 0; t < steps; t++)
                for (int i = 0; i < width; i++) sq[t] += g[t * width + i] * g[t * width + i];
        }
        for (int t = 0; t < steps; t++) sq[t] = Math.sqrt(sq[t]);
        return sq;
    }

    /** The norms for a fresh tanh RNN(1, hidden) with PyTorch's init, over T standard-normal inputs (float64). */
    public static double[] tanhRnn(int steps, int hidden, long seed) {
        Gradnote.seed(seed);
        RNN rnn = new RNN(1, hidden, 1, "tanh", true, true);
        rnn.to(DType.FLOAT64);
        return jacobianNorms(rnn, Tensor.randn(DType.FLOAT64, 1, steps, 1));
    }

    /** The same for an LSTM, to compare (with PyTorch's init the forget gate sits near 0.5, so it decays too). */
    public static double[] lstm(int steps, int hidden, long seed) {
        Gradnote.seed(seed);
        LSTM lstm = new LSTM(1, hidden, 1, true, true);
        lstm.to(DType.FLOAT64);
        return jacobianNorms(lstm, Tensor.randn(DType.FLOAT64, 1, steps, 1));
    }

    /**
     * Prints the gradient norm ||dh_T/dx_t|| by distance T - t for a tanh RNN and an LSTM: the vanishing-gradient
     * demonstration.
     */
    public static void main(String[] args) {
        double[] rnn = tanhRnn(50, 16, 0), lstm = lstm(50, 16, 0);
        System.out.println("T - t   ||dh_T/dx_t|| tanh RNN   LSTM");
        for (int t = rnn.length - 1; t >= 0; t -= 5)
            System.out.printf("%5d   %22.3e   %.3e%n", rnn.length - 1 - t, rnn[t], lstm[t]);
    }
}
