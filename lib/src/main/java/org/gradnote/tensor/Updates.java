// GENERATED from lib/src/main/twins/org/gradnote/tensor/Updates.java.template: do not edit.
// Edit the template, then run java lib/src/test/java/org/gradnote/tensor/Twins.java
package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Internal: the fused update kernels {@code org.gradnote.optim} runs on tensors, its one gateway to ND4J. Not a user
 * API (it may change without notice); users go through the optimizers. The tensors passed here are optimizer state
 * or a parameter inside {@code Tensor.noGrad()}: the kernels write them in place without autograd's checks.
 */
public final class Updates {
    private Updates() {}

    /**
     * The gradient of {@code p} as a tensor (null without one) without handing it out: unlike {@link Tensor#grad()}
     * {@link Tensor#zeroGrad()} may still recycle its memory, so it must not be kept past the step.
     */
    public static Tensor grad(Tensor p) {
        INDArray g = p.gradArray();
        return g == null ? null : new Tensor(g);
    }

    /** A zero-filled tensor of t's dtype and shape in native memory (state buffers the kernels then write). */
    public static Tensor zerosLike(Tensor t) {
        // Zeroed memory rather than ulike().assign(0): the assign was the first ND4J legacy op of a run, whose
        // executioner path costs milliseconds to warm up in the first training step.
        return new Tensor(Factory.zeros(t.data().dataType(), t.shape()));
    }

    /** A c-ordered copy of t's values in native memory, sharing nothing with t. */
    public static Tensor copyOf(Tensor t) {
        return new Tensor(t.data().dup('c'));
    }

    /**
     * base to the power exponent element-wise (same shape and float dtype, no autograd) by libnd4j's Pow op whatever
     * the compute path in force: Adam's β powers must be the op's own bits (powf for float32), and Java's pow on the
     * heap path is one bit off at β2 = 0.9999, step 508.
     */
    public static Tensor nativePow(Tensor base, Tensor exponent) {
        return new Tensor(Engine.broadcastBinary("Pow", "pow", base.data(), exponent.data()));
    }

    /** out = src · c in out's memory (no new array); shapes must match. Returns out. */
    public static Tensor scaleInto(Tensor src, double c, Tensor out) {
        src.data().mul(c, out.data());
        return out;
    }

    /** a = max(a, b) element-wise, in place (AMSGrad's running maximum). */
    public static void maximumInPlace(Tensor a, Tensor b) {
        Engine.maxInPlace(a.data(), b.data());
    }

    /**
     * True when Adam's step for gradient g should run as {@link #adamLoop} rather than the native updater: the
     * dispatch policy's choice for its size ({@link Dispatch#ADAM_LOOP_MAX}, or a forced path) and dense operands.
     */
    public static boolean adamLoops(Tensor g, Tensor v, Tensor m, Tensor delta) {
        return Dispatch.loop(g.numel(), Dispatch.ADAM_LOOP_MAX) && denseAlike(g, v, m, delta);
    }

    /** True when the tensors are float32 or float64 alike and c-ordered from offset 0, so element i is slot i. */
    public static boolean denseAlike(Tensor... tensors) {
        INDArray[] arrays = new INDArray[tensors.length];
        for (int i = 0; i < arrays.length; i++) arrays[i] = tensors[i].data();
        return denseAlike(arrays);
    }

    static boolean denseAlike(INDArray... arrays) {
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
     * PyTorch's SGD step with momentum (dampening 0) after the first, as one loop over the dense buffers:
     * d = g + wd·p; buf = m·buf + d; out = lr·(nesterov ? d + m·buf : buf), rounded to the type after every
     * operation as separate ops would be (the same bits, tested). Returns false, touching nothing, unless all four
     * are {@link #denseAlike}. Why: those were 3-4 native calls per parameter and step, ~15% of LeNet's step.
     */
    public static boolean sgdMomentum(
            Tensor p, Tensor grad, Tensor buf, Tensor out, double lr, double m, double wd, boolean nesterov) {
        INDArray pa = p.data(), ga = grad.data(), ba = buf.data(), oa = out.data();
        if (!denseAlike(pa, ga, ba, oa)) return false;
        int n = Math.toIntExact(pa.length());
        DataType t = pa.dataType();
        long[] c = t == DataType.FLOAT || t == DataType.DOUBLE ? NativeLoops.addresses(t, n, pa, ga, ba, oa) : null;
        if (c != null) {
            int type = NativeLoops.typeCode(t), width = t.width();
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    long at = (long) width * from;
                    NativeLoops.sgdMomentum(
                            type, c[0] + at, c[1] + at, c[2] + at, c[3] + at, to - from, lr, m, wd, nesterov);
                }
            });
            return true;
        }
        Unfold.Scratch s = Unfold.scratch();
        if (pa.dataType() == DataType.FLOAT) {
            float[] pv = s.floats(0, n), g = s.floats(1, n), b = s.floats(2, n), o = s.floats(3, n);
            Memory.get(pa, pv, 0, n);
            Memory.get(ga, g, 0, n);
            Memory.get(ba, b, 0, n);
            float lf = (float) lr, mf = (float) m, wf = (float) wd;
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    for (int i = from; i < to; i++) {
                        float d = wd != 0 ? g[i] + pv[i] * wf : g[i];
                        float bi = b[i] * mf + d;
                        b[i] = bi;
                        o[i] = (nesterov ? d + bi * mf : bi) * lf;
                    }
                }
            });
            Memory.put(ba, b, 0, n);
            Memory.put(oa, o, 0, n);
        } else {
            double[] pv = s.doubles(0, n), g = s.doubles(1, n), b = s.doubles(2, n), o = s.doubles(3, n);
            Memory.get(pa, pv, 0, n);
            Memory.get(ga, g, 0, n);
            Memory.get(ba, b, 0, n);
            double lf = lr, mf = m, wf = wd;
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    for (int i = from; i < to; i++) {
                        double d = wd != 0 ? g[i] + pv[i] * wf : g[i];
                        double bi = b[i] * mf + d;
                        b[i] = bi;
                        o[i] = (nesterov ? d + bi * mf : bi) * lf;
                    }
                }
            });
            Memory.put(ba, b, 0, n);
            Memory.put(oa, o, 0, n);
        }
        return true;
    }

    /**
     * libnd4j's adam_updater (M2.1, helpers/cpu/updaterAdam.cpp) for one parameter, in the array type's own
     * arithmetic and order of operations, so the bits are the op's (AdamLoopTest checks thousands of steps, on each
     * build of the natives: the AVX2 builds fuse the moments' multiply-adds, and so does the loop there): m and v
     * are updated in place and out receives lr·√(1-β2ᵗ)/(1-β1ᵗ)·m / (√v + ε). {@code beta1T}, {@code beta2T} are
     * β1ᵗ and β2ᵗ as libnd4j's pow gives them in the tensors' type. Returns false, touching nothing, unless all four
     * are {@link #denseAlike}. Why: the op's per-call cost was ~15 µs per parameter and step, a tenth of the meteo
     * CNN's epoch, for a few dozen elements.
     */
    public static boolean adamLoop(
            Tensor grad,
            Tensor v,
            Tensor m,
            Tensor out,
            double lr,
            double beta1,
            double beta2,
            double eps,
            double beta1T,
            double beta2T) {
        INDArray ga = grad.data(), va = v.data(), ma = m.data(), oa = out.data();
        if (!denseAlike(ga, va, ma, oa)) return false;
        int n = Math.toIntExact(ga.length());
        // The AVX2 builds' compiler fused the moments' multiply-adds (measured: their bits are exactly these fma
        // forms).
        boolean fused = NativeVariant.fusesMultiplyAdd();
        Unfold.Scratch s = Unfold.scratch();
        if (ga.dataType() == DataType.FLOAT) {
            float lrF = (float) lr, b1 = (float) beta1, b2 = (float) beta2, epsF = (float) eps;
            // The bias terms mix float and double as the C++ does.
            float b1T = (float) beta1T, b2T = (float) beta2T;
            float root = (float) Math.sqrt((float) (1.0 - b2T));
            float epsT = (float) ((lrF * root) / (1.0 - b1T));
            if (Float.isNaN(epsT) || epsT == 0 || Float.isInfinite(epsT)) epsT = epsF;
            float c1 = 1 - b1, c2 = 1 - b2;
            float[] gb = s.floats(0, n), vb = s.floats(1, n), mb = s.floats(2, n), ob = s.floats(3, n);
            Memory.get(ga, gb, 0, n);
            Memory.get(va, vb, 0, n);
            Memory.get(ma, mb, 0, n);
            for (int i = 0; i < n; i++) {
                float gi = gb[i];
                float mi = fused ? Math.fma(b1, mb[i], gi * c1) : b1 * mb[i] + gi * c1;
                float vi = fused ? Math.fma(b2, vb[i], gi * gi * c2) : b2 * vb[i] + gi * gi * c2;
                mb[i] = mi;
                vb[i] = vi;
                ob[i] = (mi * epsT) / ((float) Math.sqrt(vi) + epsF);
            }
            Memory.put(ma, mb, 0, n);
            Memory.put(va, vb, 0, n);
            Memory.put(oa, ob, 0, n);
        } else {
            double b1 = beta1, b2 = beta2, epsF = eps;
            double epsT = lr * Math.sqrt(1. - beta2T) / (1.0 - beta1T);
            if (Double.isNaN(epsT) || epsT == 0 || Double.isInfinite(epsT)) epsT = epsF;
            double c1 = 1 - b1, c2 = 1 - b2;
            double[] gb = s.doubles(0, n), vb = s.doubles(1, n), mb = s.doubles(2, n), ob = s.doubles(3, n);
            Memory.get(ga, gb, 0, n);
            Memory.get(va, vb, 0, n);
            Memory.get(ma, mb, 0, n);
            for (int i = 0; i < n; i++) {
                double gi = gb[i];
                double mi = fused ? Math.fma(b1, mb[i], gi * c1) : b1 * mb[i] + gi * c1;
                double vi = fused ? Math.fma(b2, vb[i], gi * gi * c2) : b2 * vb[i] + gi * gi * c2;
                mb[i] = mi;
                vb[i] = vi;
                ob[i] = (mi * epsT) / (Math.sqrt(vi) + epsF);
            }
            Memory.put(ma, mb, 0, n);
            Memory.put(va, vb, 0, n);
            Memory.put(oa, ob, 0, n);
        }
        return true;
    }

    /**
     * One parameter's native adam_updater call, with its context kept across steps as gradnote's Engine does:
     * building the op and context per call cost ~20 µs per parameter and step, and a kept context keeps the
     * moments and update buffers set, so a step sets only a new gradient and the step's arguments. Not
     * thread-safe; an optimizer's step() is not run concurrently.
     */
    public static final class AdamKernel {
        private final AdamUpdater updater = new AdamUpdater();

        /**
         * m and v updated in place, out = lr·√(1-β2ᵗ)/(1-β1ᵗ)·m / (√v + ε) as libnd4j computes it, t counted from 1;
         * the tensors share one float dtype and shape.
         */
        public void step(
                Tensor grad,
                Tensor v,
                Tensor m,
                Tensor out,
                double lr,
                double beta1,
                double beta2,
                double eps,
                long t) {
            updater.step(grad.data(), v.data(), m.data(), out.data(), lr, beta1, beta2, eps, t);
        }
    }
}
