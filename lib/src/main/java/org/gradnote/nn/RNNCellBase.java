package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * What {@link GRUCell} and {@link LSTMCell} share, like PyTorch's {@code RNNCellBase}: the parameters {@code
 * weight_ih} [gates·H, in], {@code weight_hh} [gates·H, H], {@code bias_ih} and {@code bias_hh} [gates·H], PyTorch's
 * init U(-1/√H, 1/√H), and the checks of an input step [N, in] and a state [N, H].
 */
public abstract class RNNCellBase extends Module {
    final long inputSize, hiddenSize;
    final boolean bias;

    RNNCellBase(int gates, long inputSize, long hiddenSize, boolean bias) {
        if (inputSize <= 0 || hiddenSize <= 0) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": input and hidden sizes must be positive, got " + inputSize + ", " + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.bias = bias;
        double k = 1 / Math.sqrt(hiddenSize);
        registerParameter("weight_ih", Init.uniform(Tensor.zeros(gates * hiddenSize, inputSize), -k, k));
        registerParameter("weight_hh", Init.uniform(Tensor.zeros(gates * hiddenSize, hiddenSize), -k, k));
        if (bias) {
            registerParameter("bias_ih", Init.uniform(Tensor.zeros(gates * hiddenSize), -k, k));
            registerParameter("bias_hh", Init.uniform(Tensor.zeros(gates * hiddenSize), -k, k));
        }
    }

    /** The number of features of the input step. */
    public long inputSize() {
        return inputSize;
    }

    /** The size of the hidden state. */
    public long hiddenSize() {
        return hiddenSize;
    }

    /** The input step as a one-step sequence [1, N, in], after checking its shape. */
    final Tensor oneStep(Tensor x) {
        if (x.dim() != 2 || x.size(1) != inputSize) {
            throw new ShapeException(
                    name() + ": expected input [N, " + inputSize + "], got " + Arrays.toString(x.shape()));
        }
        return x.unsqueeze(0);
    }

    /** The given state, or zeros of x's type when null, after checking it is [N, H]. */
    final Tensor state(String what, Tensor s, Tensor x) {
        long n = x.size(0);
        if (s == null) return Tensor.zeros(x.dtype(), n, hiddenSize);
        if (s.dim() != 2 || s.size(0) != n || s.size(1) != hiddenSize) {
            throw new ShapeException(name() + ": expected " + what + " [" + n + ", " + hiddenSize + "] for input "
                    + Arrays.toString(x.shape()) + ", got " + Arrays.toString(s.shape()));
        }
        return s;
    }

    final Tensor param(String name) {
        return bias || name.startsWith("weight") ? local(name) : null;
    }

    private String name() {
        return getClass().getSimpleName();
    }

    @Override
    protected String extraRepr() {
        return inputSize + ", " + hiddenSize + (bias ? "" : ", bias=false");
    }
}
