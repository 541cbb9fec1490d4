package org.gradnote.nn;

import java.util.Arrays;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;

/**
 * The sinusoidal positional encoding of "Attention is all you need" (PyTorch's tutorial module, not in torch.nn):
 * adds PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(pos / 10000^(2i/d)) to each position's vector,
 * then dropout. Attention alone ignores order; this gives every position a distinct, smoothly varying signature
 * whose relative offsets are linear maps of each other. The table is the buffer {@code pe} [maxLen, d].
 */
public class PositionalEncoding extends Module {
    private final long dModel;
    private final int maxLen;
    private final boolean batchFirst;
    private final Dropout dropout;

    /** Sequence-first ([L, N, d]), dropout 0.1, up to 5000 positions, as the PyTorch tutorial's module. */
    public PositionalEncoding(long dModel) {
        this(dModel, 0.1, 5000, false);
    }

    /** The encoding for vectors of size dModel, dropout p, up to maxLen positions, [N, L, d] when batchFirst. */
    public PositionalEncoding(long dModel, double dropout, int maxLen, boolean batchFirst) {
        if (dModel <= 0 || maxLen <= 0)
            throw new IllegalArgumentException(
                    "PositionalEncoding: d_model and max_len must be positive, got " + dModel + " and " + maxLen);
        this.dModel = dModel;
        this.maxLen = maxLen;
        this.batchFirst = batchFirst;
        registerBuffer("pe", table(maxLen, dModel));
        this.dropout = register("dropout", new Dropout(dropout));
    }

    /** The sinusoid table [maxLen, d] (float64 arithmetic, stored in the default type). */
    public static Tensor table(int maxLen, long dModel) {
        int d = Math.toIntExact(dModel);
        double[] v = new double[maxLen * d];
        for (int pos = 0; pos < maxLen; pos++) {
            for (int i = 0; 2 * i < d; i++) {
                // exp(-ln(10000) 2i / d), as the tutorial computes div_term.
                double angle = pos * Math.exp(2 * i * -Math.log(10000.0) / d);
                v[pos * d + 2 * i] = Math.sin(angle);
                if (2 * i + 1 < d) v[pos * d + 2 * i + 1] = Math.cos(angle);
            }
        }
        return Tensor.fromArray(Tensor.defaultDType(), v, maxLen, d);
    }

    @Override
    public Tensor forward(Tensor x) {
        int seq = batchFirst ? 1 : 0;
        if (x.dim() != 3 || x.size(2) != dModel || x.size(seq) > maxLen) {
            throw new ShapeException("PositionalEncoding(d_model=" + dModel + ", max_len=" + maxLen + "): expected "
                    + (batchFirst ? "[N, L, " : "[L, N, ") + dModel + "] with L <= " + maxLen + ", got "
                    + Arrays.toString(x.shape()));
        }
        long len = x.size(seq);
        Tensor pe = local("pe").slice(0, 0, len);
        pe = batchFirst ? pe.unsqueeze(0) : pe.unsqueeze(1);
        return dropout.forward(x.add(pe.to(x.dtype())));
    }

    @Override
    protected String extraRepr() {
        return "d_model=" + dModel + ", max_len=" + maxLen + ", batch_first=" + Repr.bool(batchFirst);
    }
}
