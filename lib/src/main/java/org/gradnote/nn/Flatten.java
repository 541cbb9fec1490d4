package org.gradnote.nn;

import org.gradnote.tensor.Tensor;

/** Flattens dimensions startDim..endDim into one, like {@code nn.Flatten} (by default all but the batch dimension). */
public class Flatten extends Module {
    private final int startDim;
    private final int endDim;

    /** Flattens every dimension but the first: [N, C, H, W] -> [N, C*H*W] ({@code nn.Flatten()}). */
    public Flatten() {
        this(1, -1);
    }

    /**
     * Flattens dimensions {@code startDim} to {@code endDim} (inclusive; negative counts from the end) into one ({@code
     * nn.Flatten(start_dim, end_dim)}).
     */
    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor x) {
        int n = x.dim();
        int s = startDim < 0 ? startDim + n : startDim, e = endDim < 0 ? endDim + n : endDim;
        if (s < 0 || e >= n || s > e) {
            throw new IndexOutOfBoundsException(this + ": dimensions " + startDim + ".." + endDim
                    + " out of range for input " + java.util.Arrays.toString(x.shape()));
        }
        long[] in = x.shape(), out = new long[n - (e - s)];
        for (int i = 0, j = 0; i < n; i++) {
            if (i <= s || i > e) out[j++] = in[i];
            else out[j - 1] *= in[i];
        }
        return x.reshape(out);
    }

    @Override
    protected String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
