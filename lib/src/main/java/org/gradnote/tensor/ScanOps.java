package org.gradnote.tensor;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * cumsum and cumprod (primitives: a scan has no composition worth its cost); prod is {@link ReduceOp#PROD}, whose
 * rule is cumprod's, so it shares its handling of zeros. Floating sums accumulate in double, as PyTorch's
 * CPU kernels do for float32; integer and bool inputs give exact int64 results, as torch promotes them.
 */
final class ScanOps {
    private ScanOps() {}

    /** torch.cumsum(x, dim); the gradient is the reversed cumulative sum of g. */
    static Tensor cumsum(Tensor x, int dim) {
        if (!x.dtype().isFloatingPoint()) return integerScan(x, dim, false);
        int d = x.dim() == 0 ? 0 : Shapes.dim("cumsum", dim, x.dim());
        long[] shape = x.shape();
        double[] out = scan(OpsSupport.values(x), shape, d, false, false);
        return Tensor.record(
                OpsSupport.array(x.data().dataType(), out, shape),
                "cumsum",
                new Tensor[] {x},
                Tensor.NONE,
                new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        return new INDArray[] {
                            OpsSupport.array(g.dataType(), scan(OpsSupport.values(g), shape, d, false, true), shape)
                        };
                    }
                });
    }

    /**
     * torch.cumprod(x, dim). Gradient as PyTorch's cumprod_backward: before a line's first zero, the reversed
     * cumulative sum of g * out divided by x; at the first zero, the sum over later outputs of g times the product
     * without that zero; after it, zero.
     */
    static Tensor cumprod(Tensor x, int dim) {
        if (!x.dtype().isFloatingPoint()) return integerScan(x, dim, true);
        int d = x.dim() == 0 ? 0 : Shapes.dim("cumprod", dim, x.dim());
        long[] shape = x.shape();
        double[] xv = OpsSupport.values(x);
        INDArray outArray = OpsSupport.array(x.data().dataType(), scan(xv, shape, d, true, false), shape);
        return Tensor.record(outArray, "cumprod", new Tensor[] {x}, new Tensor[] {x}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                return new INDArray[] {
                    OpsSupport.array(g.dataType(), cumprodGrad(xv, OpsSupport.values(g), shape, d), shape)
                };
            }
        });
    }

    /** Inclusive scan along d, forward or (reverse) from the end, summing or multiplying. */
    static double[] scan(double[] v, long[] shape, int d, boolean multiply, boolean reverse) {
        double[] out = new double[v.length];
        if (v.length == 0) return out;
        int n = shape.length == 0 ? 1 : Math.toIntExact(shape[d]);
        int outer = shape.length == 0 ? 1 : OpsSupport.outer(shape, d),
                inner = shape.length == 0 ? 1 : OpsSupport.inner(shape, d);
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                double acc = multiply ? 1 : 0;
                for (int j = 0; j < n; j++) {
                    int k = reverse ? n - 1 - j : j, i = (o * n + k) * inner + in;
                    acc = multiply ? acc * v[i] : acc + v[i];
                    out[i] = acc;
                }
            }
        }
        return out;
    }

    /** cumprod's gradient along d (also {@link ReduceOp#PROD}'s rule, with g on each line's last element only). */
    static double[] cumprodGrad(double[] x, double[] g, long[] shape, int d) {
        double[] gx = new double[x.length];
        if (x.length == 0) return gx;
        int n = shape.length == 0 ? 1 : Math.toIntExact(shape[d]);
        int outer = shape.length == 0 ? 1 : OpsSupport.outer(shape, d),
                inner = shape.length == 0 ? 1 : OpsSupport.inner(shape, d);
        double[] out = new double[n];
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * n * inner + in, z = n;
                double p = 1;
                for (int k = 0; k < n; k++) {
                    double e = x[base + k * inner];
                    if (e == 0 && z == n) z = k;
                    p *= e;
                    out[k] = p;
                }
                // Before the first zero: sum_{j >= k, j < z} g_j out_j / x_k (outputs from z on are all zero).
                double acc = 0;
                for (int k = z - 1; k >= 0; k--) {
                    acc += g[base + k * inner] * out[k];
                    gx[base + k * inner] = acc / x[base + k * inner];
                }
                if (z < n) {
                    // At the first zero: sum_{j >= z} g_j * out_{z-1} * x_{z+1} ... x_j.
                    double prefix = z == 0 ? 1 : out[z - 1], run = prefix, sum = 0;
                    for (int j = z; j < n; j++) {
                        if (j > z) run *= x[base + j * inner];
                        sum += g[base + j * inner] * run;
                    }
                    gx[base + z * inner] = sum;
                }
            }
        }
        return gx;
    }

    /** cumsum/cumprod of integer or bool input: exact int64, no gradient. */
    private static Tensor integerScan(Tensor x, int dim, boolean multiply) {
        String op = multiply ? "cumprod" : "cumsum";
        int d = x.dim() == 0 ? 0 : Shapes.dim(op, dim, x.dim());
        long[] shape = x.shape(), v = x.toLongArray(), out = new long[v.length];
        int n = shape.length == 0 ? 1 : Math.toIntExact(shape[d]);
        int outer = shape.length == 0 ? 1 : OpsSupport.outer(shape, d),
                inner = shape.length == 0 ? 1 : OpsSupport.inner(shape, d);
        for (int o = 0; o < outer && v.length > 0; o++) {
            for (int in = 0; in < inner; in++) {
                long acc = multiply ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    int i = (o * n + k) * inner + in;
                    acc = multiply ? acc * v[i] : acc + v[i];
                    out[i] = acc;
                }
            }
        }
        return new Tensor(OpsSupport.longArray(out, shape));
    }
}
