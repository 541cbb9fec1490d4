package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a tensor's values live: on the heap while the tensor is tiny and only heap ops touched it, in an ND4J
 * array from the first op that needs one on. Shared by a tensor and its {@link Tensor#detach() detached} aliases,
 * so that moving to ND4J (and any in-place change after it) is seen through all of them.
 */
final class Storage {
    // Volatile with a synchronized move: a tensor read by two threads (a data loader's and the training loop's)
    // must not be moved twice into two different ND4J arrays.
    private volatile Small small;
    private volatile INDArray nd;
    /**
     * In-place changes so far, in a cell shared with every tensor viewing the same values (detached aliases,
     * reshape/permute/slice views), as PyTorch's version counter: tape entries compare it to refuse a backward
     * through overwritten values.
     */
    private int[] version = {0};

    Storage(INDArray nd) {
        this.nd = nd;
    }

    Storage(Small small) {
        this.small = small;
    }

    /** The heap values, or null once the values live in ND4J. */
    Small small() {
        return small;
    }

    /** The ND4J array, created from the heap values the first time it is asked for. */
    INDArray nd() {
        INDArray a = nd;
        return a != null ? a : move();
    }

    private synchronized INDArray move() {
        if (nd == null) {
            nd = small.toNd();
            small = null;
        }
        return nd;
    }

    int version() {
        return version[0];
    }

    void bump() {
        version[0]++;
    }

    /** Shares other's version counter when this array is a view of the same native memory (both already in ND4J). */
    void shareVersionIfViewOf(Storage other) {
        INDArray mine = nd, theirs = other.nd;
        if (mine != null && theirs != null && (mine == theirs || Engine.bufferRoot(mine) == Engine.bufferRoot(theirs)))
            version = other.version;
    }

    long[] shape() {
        Small s = small;
        return s != null ? s.shape : nd().shape();
    }

    DataType dataType() {
        Small s = small;
        return s != null ? s.type : nd().dataType();
    }

    long length() {
        Small s = small;
        return s != null ? s.v.length : nd().length();
    }
}
