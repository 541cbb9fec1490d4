package org.gradnote.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One recorded operation of the tape: the op's name, its inputs, and the closure that maps the gradient of its
 * output to the gradients of its inputs.
 */
final class Node {
    /**
     * Gradient rule of a primitive: output gradient in, one gradient per input out (null where none flows).
     * The primitives write theirs as anonymous classes, not lambdas: a lambda's call site is linked the first time
     * it runs (invokedynamic method-handle work on JDK 17), which every op's first call paid (docs/performance.md,
     * "Node").
     */
    interface Backward {
        INDArray[] apply(INDArray grad);
    }

    /** Gradient rule of an op run on the heap ({@link UnaryOp}, {@link BinaryOp}, {@link ReduceOp}): heap gradients in and out. */
    @FunctionalInterface
    interface SmallBackward {
        Small[] apply(Small grad);
    }

    final String op;
    /** The op's inputs, the edges a backward pass follows; none once the node is released (see {@link #release}). */
    private Tensor[] inputs;

    private Backward backward;
    private SmallBackward smallBackward;
    private boolean released;
    private Tensor[] saved;
    private final int[] savedVersions;

    Node(String op, Tensor[] inputs, Tensor[] saved, Backward backward) {
        this(op, inputs, saved, backward, null);
    }

    /** A node with one of the two rules (the other null). */
    Node(String op, Tensor[] inputs, Tensor[] saved, Backward backward, SmallBackward smallBackward) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
        this.smallBackward = smallBackward;
        this.saved = saved;
        this.savedVersions = new int[saved.length];
        for (int i = 0; i < saved.length; i++) savedVersions[i] = saved[i].version();
    }

    /**
     * Runs the gradient rule, first refusing if a value it reads was changed in place since the forward pass. The
     * gradient is a {@link Small} or an INDArray; it is converted when the rule works on the other kind (a heap
     * value used later by a native op gets a native gradient back).
     */
    Object[] apply(Object grad) {
        if (released) {
            throw new IllegalStateException(
                    "backward through '" + op + "' a second time: the values it saved were freed"
                            + " after the first backward(); call backward(true) the first time to keep the graph");
        }
        for (int i = 0; i < saved.length; i++) {
            if (saved[i].version() != savedVersions[i]) {
                throw new IllegalStateException("a tensor of shape " + Shapes.str(saved[i].shape())
                        + " needed by '" + op + "' for gradient computation has been modified by an in-place operation"
                        + " (version " + saved[i].version() + ", expected " + savedVersions[i] + ")");
            }
        }
        if (smallBackward != null) return smallBackward.apply(grad instanceof Small s ? s : Small.of((INDArray) grad));
        return backward.apply(grad instanceof Small s ? s.toNd() : (INDArray) grad);
    }

    private INDArray[] scratch;

    /** Arrays only this node's rule reads (conv's column matrix): they go back to the pool when it is released. */
    void ownScratch(INDArray... arrays) {
        scratch = arrays;
    }

    private double[][] heapScratch;

    /** Java arrays only this node's rule reads (a recurrent layer's saved states): reused once it is released. */
    void ownHeapScratch(double[]... arrays) {
        heapScratch = arrays;
    }

    Tensor[] inputs() {
        return inputs;
    }

    /**
     * Frees what the rule saved; a rule that saved nothing stays usable, as in PyTorch. A released node also lets go
     * of its inputs: a second backward stops at it with the error above, so no pass follows them again. Why: the
     * tensors of a forward pass otherwise stayed reachable from its output (the loss a loop still holds) through
     * every node until the output itself was dropped, so their memory could not be reused by the next step; PyTorch's
     * graph holds functions, never the tensors it did not save.
     */
    void release() {
        if (saved.length == 0) return;
        released = true;
        backward = null;
        smallBackward = null;
        saved = Tensor.NONE;
        inputs = Tensor.NONE;
        if (scratch != null) for (INDArray a : scratch) BufferPool.get().give(a);
        scratch = null;
        if (heapScratch != null) HeapArrays.get().give(heapScratch);
        heapScratch = null;
    }

    String name() {
        return op;
    }
}
