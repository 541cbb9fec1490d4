package org.gradnote.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Part of the ND4J gateway (with {@link Engine}): one parameter's native adam_updater call with its context kept
 * across steps, so a step sets only a new gradient and the step's arguments. Not thread-safe.
 */
final class AdamUpdater {
    private final OpContext ctx = Engine.newContext();
    private INDArray g, v, m, delta;

    /** m and v updated in place, delta = the step libnd4j's adam_updater computes, t counted from 1. */
    void step(
            INDArray grad,
            INDArray v,
            INDArray m,
            INDArray delta,
            double lr,
            double beta1,
            double beta2,
            double eps,
            long t) {
        bind(grad, v, m, delta);
        ctx.setTArguments(lr, beta1, beta2, eps);
        ctx.setIArguments(t - 1);
        Nd4j.exec(Op.OP, ctx);
    }

    /**
     * A new gradient array purges the context before everything is set again: the native context holds every
     * array ever set on it until purged (see Engine.Context), which kept each step's gradient alive.
     */
    private void bind(INDArray g, INDArray v, INDArray m, INDArray delta) {
        if (this.g == g && this.v == v && this.m == m && this.delta == delta) return;
        ctx.purge();
        ctx.setInputArray(0, this.g = g);
        ctx.setInputArray(1, this.v = v);
        ctx.setInputArray(2, this.m = m);
        ctx.setOutputArray(0, this.delta = delta);
        ctx.setOutputArray(1, v);
        ctx.setOutputArray(2, m);
    }

    /** The op, built on first use only (the builder's first call parses ND4J's op table, milliseconds). */
    private static final class Op {
        static final DynamicCustomOp OP =
                DynamicCustomOp.builder("adam_updater").build();
    }
}
