package org.gradnote.tensor;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element-wise ops PyTorch users expect: minimum/maximum (composed from SafeWhere),
 * the piecewise-constant sign/floor/ceil/round/trunc (zero gradient, as in PyTorch), and erf.
 */
final class ElementOps {
    private ElementOps() {}

    /** Piecewise-constant functions; constants, not lambdas, as on the other per-step paths (see Node.Backward). */
    enum Step {
        /** 0 for NaN and for -0.0, as torch.sign. */
        SIGN {
            double of(double x) {
                return x > 0 ? 1 : x < 0 ? -1 : 0;
            }
        },
        FLOOR {
            double of(double x) {
                return Math.floor(x);
            }
        },
        CEIL {
            double of(double x) {
                return Math.ceil(x);
            }
        },
        /** Half to even, as torch.round. */
        ROUND {
            double of(double x) {
                return Math.rint(x);
            }
        },
        TRUNC {
            double of(double x) {
                return x < 0 ? Math.ceil(x) : Math.floor(x);
            }
        };

        abstract double of(double x);

        String op() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** step(x), same dtype; integer input is returned as a copy (floor of an integer is itself; sign maps it). */
    static Tensor step(Tensor x, Step f) {
        if (!x.dtype().isFloatingPoint()) {
            if (x.dtype() == DType.BOOL && f == Step.SIGN) return x.copy();
            if (f != Step.SIGN) return x.copy();
            long[] v = x.toLongArray();
            for (int i = 0; i < v.length; i++) v[i] = Long.signum(v[i]);
            return new Tensor(OpsSupport.longArray(v, x.shape()).castTo(x.data().dataType()));
        }
        double[] v = OpsSupport.values(x);
        for (int i = 0; i < v.length; i++) v[i] = f.of(v[i]);
        long[] shape = x.shape();
        return Tensor.record(
                OpsSupport.array(x.data().dataType(), v, shape),
                f.op(),
                new Tensor[] {x},
                Tensor.NONE,
                new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        return new INDArray[] {Engine.zeros(g.dataType(), shape)};
                    }
                });
    }

    /** erf(x) by libnd4j's float64 kernel (std::erf), rounded to x's type; d/dx = 2/sqrt(pi) exp(-x^2). */
    static Tensor erf(Tensor x) {
        if (!x.dtype().isFloatingPoint()) x = x.to(Tensor.defaultDType());
        // In float64 always: libnd4j's float32 erf is off by up to ~1e-4 relative near 0; std::erf in double is exact.
        INDArray in = x.data();
        INDArray out = Engine.erfInPlace(Engine.cast(in, DataType.DOUBLE).dup('c'));
        if (in.dataType() != DataType.DOUBLE) out = Engine.cast(out, in.dataType());
        Tensor src = x;
        return Tensor.record(out, "erf", new Tensor[] {x}, new Tensor[] {x}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                double[] xv = OpsSupport.values(src), gv = OpsSupport.values(g);
                double c = 2 / Math.sqrt(Math.PI);
                for (int i = 0; i < gv.length; i++) gv[i] *= c * Math.exp(-xv[i] * xv[i]);
                return new INDArray[] {OpsSupport.array(g.dataType(), gv, src.shape())};
            }
        });
    }

    /**
     * torch.maximum (or minimum): element-wise, broadcast, NaN propagating; on ties each side gets half the gradient
     * as in PyTorch, which the tie branch a/2 + b/2 (exact for a == b, and no overflow) gives by itself.
     */
    static Tensor extreme(String op, Tensor a, Tensor b, boolean max) {
        Engine.broadcastShape(op, a.shape(), b.shape());
        Tensor firstWins = max ? a.gt(b) : a.lt(b), secondWins = max ? a.lt(b) : a.gt(b);
        if (!a.dtype().isFloatingPoint() && !b.dtype().isFloatingPoint()) return SafeWhere.where(op, secondWins, b, a);
        // The tie branch halves: an integer side first takes the other's floating type, as promotion would.
        if (!a.dtype().isFloatingPoint()) a = a.to(b.dtype());
        if (!b.dtype().isFloatingPoint()) b = b.to(a.dtype());
        Tensor tie = a.mul(0.5).add(b.mul(0.5));
        // Neither wins nor ties where one is NaN: the result is NaN and PyTorch gives each side the whole gradient,
        // which a + b gives.
        Tensor rest = SafeWhere.where(op, a.eq(b), tie, a.add(b));
        return SafeWhere.where(op, firstWins, a, SafeWhere.where(op, secondWins, b, rest));
    }
}
