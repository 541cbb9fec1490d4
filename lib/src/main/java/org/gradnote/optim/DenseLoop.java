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

    /** Above this many elements the native adam_updater (vectorised) beats a loop through direct buffers. */
    static final int SMALL_ADAM = 4096;

    /**
     * libnd4j's adam_updater (M2.1, helpers/cpu/updaterAdam.cpp) for one parameter, in the array type's own
     * arithmetic and order of operations, so the bits are the op's (AdamLoopTest checks thousands of steps): m and v
     * are updated in place and out receives lr·√(1-β2ᵗ)/(1-β1ᵗ)·m / (√v + ε). Why: the op's per-call cost (a
     * context re-set for each new gradient array, argument pointers, the executioner's wrapper) was ~15 µs per
     * parameter and step, a tenth of the meteo CNN's epoch, for a few dozen elements.
     */
    static void adam(INDArray g, INDArray v, INDArray m, INDArray out, double lr, double beta1, double beta2, double eps, long t,
            BetaPowers powers) {
        int n = Math.toIntExact(g.length());
        if (g.dataType() == DataType.FLOAT) {
            float lrF = (float) lr, b1 = (float) beta1, b2 = (float) beta2, epsF = (float) eps;
            // β^t from libm's powf as the op takes it (BetaPowers); the bias terms mix float and double as the C++ does.
            float b1T = (float) powers.get(DataType.FLOAT, 0, t), b2T = (float) powers.get(DataType.FLOAT, 1, t);
            float root = (float) Math.sqrt((float) (1.0 - b2T));
            float epsT = (float) ((lrF * root) / (1.0 - b1T));
            if (Float.isNaN(epsT) || epsT == 0 || Float.isInfinite(epsT)) epsT = epsF;
            float c1 = 1 - b1, c2 = 1 - b2;
            FloatBuffer gb = g.data().asNioFloat(), vb = v.data().asNioFloat(), mb = m.data().asNioFloat(), ob = out.data().asNioFloat();
            for (int i = 0; i < n; i++) {
                float gi = gb.get(i);
                float mi = b1 * mb.get(i) + gi * c1;
                float vi = b2 * vb.get(i) + gi * gi * c2;
                mb.put(i, mi);
                vb.put(i, vi);
                ob.put(i, (mi * epsT) / ((float) Math.sqrt(vi) + epsF));
            }
        } else {
            double b1T = powers.get(DataType.DOUBLE, 0, t), b2T = powers.get(DataType.DOUBLE, 1, t);
            double epsT = lr * Math.sqrt(1. - b2T) / (1.0 - b1T);
            if (Double.isNaN(epsT) || epsT == 0 || Double.isInfinite(epsT)) epsT = eps;
            double c1 = 1 - beta1, c2 = 1 - beta2;
            DoubleBuffer gb = g.data().asNioDouble(), vb = v.data().asNioDouble(), mb = m.data().asNioDouble(), ob = out.data().asNioDouble();
            for (int i = 0; i < n; i++) {
                double gi = gb.get(i);
                double mi = beta1 * mb.get(i) + gi * c1;
                double vi = beta2 * vb.get(i) + gi * gi * c2;
                mb.put(i, mi);
                vb.put(i, vi);
                ob.put(i, (mi * epsT) / (Math.sqrt(vi) + eps));
            }
        }
    }
}
