package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/** Inverted dropout, like {@code nn.Dropout}: active in training, the identity after {@link #eval()}. */
public class Dropout extends Module {
    private final double p;

    /** Dropout with probability 0.5 ({@code nn.Dropout()}). */
    public Dropout() {
        this(0.5);
    }

    /**
     * Dropout: in training, zeroes each element with probability {@code p} and scales the rest by 1 / (1 - p); the
     * identity in evaluation ({@code nn.Dropout(p)}).
     */
    public Dropout(double p) {
        if (p < 0 || p > 1)
            throw new IllegalArgumentException("Dropout: probability has to be between 0 and 1, but got " + p);
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.dropout(x, p, isTraining());
    }

    @Override
    protected String extraRepr() {
        return "p=" + Repr.pyFloat(p) + ", inplace=False";
    }
}
