package org.gradnote.nn;

import org.gradnote.tensor.Functional;
import org.gradnote.tensor.Tensor;

/** A lookup table of {@code num} vectors of size {@code dim}, like {@code nn.Embedding}; weights start N(0, 1) as there. */
public class Embedding extends Module {
    private final long numEmbeddings;
    private final long embeddingDim;

    /**
     * A table of {@code numEmbeddings} vectors of size {@code embeddingDim}, initialised N(0, 1) ({@code
     * nn.Embedding(num, dim)}).
     */
    public Embedding(long numEmbeddings, long embeddingDim) {
        if (numEmbeddings <= 0 || embeddingDim <= 0) {
            throw new IllegalArgumentException(
                    "Embedding: sizes must be positive, got " + numEmbeddings + " x " + embeddingDim);
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        registerParameter("weight", Init.normal(Tensor.zeros(numEmbeddings, embeddingDim), 0, 1));
    }

    /** The embedding table, [numEmbeddings, embeddingDim], a parameter. */
    public Tensor weight() {
        return local("weight");
    }

    /** Integer indices of any shape to vectors: the result has shape index.shape + [dim]. */
    @Override
    public Tensor forward(Tensor index) {
        return Functional.embedding(index, weight());
    }

    @Override
    protected String extraRepr() {
        return numEmbeddings + ", " + embeddingDim;
    }
}
