package org.gradnote.optim;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Optimizer rules written as one loop over the parameters' native memory, for the hot cases: each element costs a
 * few nanoseconds here where every separate ND4J call costs microseconds of dispatch.
 */
final class DenseLoop {
    private DenseLoop() {}

    /** True when the arrays are float32 or float64 alike, c-ordered from offset 0, so element i is buffer slot i. */
    static boolean applies(INDArray... arrays) {
        DataType t = arrays[0].dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE) return false;
        for (INDArray a : arrays) {
            if (a.dataType() != t || a.offset() != 0 || !denseC(a)) return false;
        }
        return true;
    }

    /**
     * c-order strides on every dimension longer than 1. Not Shape.hasDefaultStridesForShape: it refuses ND4J's own
     * strides for a size-1 dimension ([9, 9, 3, 1] for LeNet's first weight [6, 1, 3, 3]), which sent that
     * parameter down the slow path on every step.
     */
    private static boolean denseC(INDArray a) {
        long expected = 1;
        for (int d = a.rank() - 1; d >= 0; d--) {
            long size = a.size(d);
            if (size != 1 && a.stride(d) != expected) return false;
            expected *= size;
        }
        return true;
    }

    /**
     * PyTorch's SGD step with momentum (dampening 0) after the first: d = g + wd·p; buf = m·buf + d;
     * out = lr·(nesterov ? d + m·buf : buf). Rounded to the type after every operation, as separate ops would be.
     */
    static void sgdMomentum(INDArray p, INDArray grad, INDArray buf, INDArray out, double lr, double m, double wd, boolean nesterov) {
        int n = Math.toIntExact(p.length());
        if (p.dataType() == DataType.FLOAT) {
            FloatBuffer pv = p.data().asNioFloat(), g = grad.data().asNioFloat(), b = buf.data().asNioFloat(), o = out.data().asNioFloat();
            float lf = (float) lr, mf = (float) m, wf = (float) wd;
            for (int i = 0; i < n; i++) {
                float d = wd != 0 ? g.get(i) + pv.get(i) * wf : g.get(i);
                float bi = b.get(i) * mf + d;
                b.put(i, bi);
                o.put(i, (nesterov ? d + bi * mf : bi) * lf);
            }
        } else {
            DoubleBuffer pv = p.data().asNioDouble(), g = grad.data().asNioDouble(), b = buf.data().asNioDouble(), o = out.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                double d = wd != 0 ? g.get(i) + pv.get(i) * wd : g.get(i);
                double bi = b.get(i) * m + d;
                b.put(i, bi);
                o.put(i, (nesterov ? d + bi * m : bi) * lr);
            }
        }
    }
}
