package org.gradnote.tensor;

import org.gradnote.Gradnote;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Gradient rules of the fused layer ops (convolution, pooling, batch norm, layer norm, embedding) beside their
 * forward maths, each forward/backward pair on ND4J native ops through {@link Engine#exec}.
 *
 * <p>1-D convolution and pooling run as their 2-D ops on {@code [N, C, 1, W]}: M2.1's conv1d only takes weights
 * as {@code [kW, iC, oC]}, which would cost a permuted copy of the weight and of its gradient on every call, while
 * a size-1 height is a free reshape of PyTorch's {@code [oC, iC, kW]} layout.
 */
final class LayerPrimitives {
    private LayerPrimitives() {}

    /** Geometry of a 2-D window op: kernel, stride, padding, dilation, and ND4J's "same" flag. */
    record Window(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW, boolean same) {
        long outH(long h) {
            return same ? (h + sH - 1) / sH : (h + 2L * pH - (long) dH * (kH - 1) - 1) / sH + 1;
        }

        long outW(long w) {
            return same ? (w + sW - 1) / sW : (w + 2L * pW - (long) dW * (kW - 1) - 1) / sW + 1;
        }

        /** The padding before the first row: pH, or for "same" the smaller half of dilation·(k - 1), as PyTorch pads. */
        int padTop() {
            return same ? dH * (kH - 1) / 2 : pH;
        }

        /** The padding before the first column, as {@link #padTop()}. */
        int padLeft() {
            return same ? dW * (kW - 1) / 2 : pW;
        }

        /**
         * Refuses an input smaller than the dilated window (plus padding): the native ops would divide by a zero
         * output size and kill the JVM (SIGFPE) instead of throwing.
         */
        void checkFits(String op, long[] x4) {
            long spanH = (long) dH * (kH - 1) + 1, spanW = (long) dW * (kW - 1) + 1;
            boolean fits = same ? x4[2] > 0 && x4[3] > 0 : x4[2] + 2L * pH >= spanH && x4[3] + 2L * pW >= spanW;
            if (!fits || x4[0] == 0 || x4[1] == 0) {
                throw new ShapeException(
                        op + ": input " + Shapes.str(x4[2] == 1 && kH == 1 ? new long[] {x4[0], x4[1], x4[3]} : x4)
                                + " is too small for a window of " + (kH == 1 ? "" : spanH + "x") + spanW
                                + " (kernel with dilation) and padding "
                                + (kH == 1 ? "" : pH + ",") + pW);
            }
        }

        // equals and hashCode by hand (Unfold keys its index maps on windows): a record's generated ones bootstrap
        // through invokedynamic on first use, ~20 ms of the first epoch of a run (measured on the meteo CNN).
        @Override
        public boolean equals(Object o) {
            return o instanceof Window w
                    && w.kH == kH
                    && w.kW == kW
                    && w.sH == sH
                    && w.sW == sW
                    && w.pH == pH
                    && w.pW == pW
                    && w.dH == dH
                    && w.dW == dW
                    && w.same == same;
        }

        @Override
        public int hashCode() {
            return ((((((((kH * 31 + kW) * 31 + sH) * 31 + sW) * 31 + pH) * 31 + pW) * 31 + dH) * 31 + dW) * 31)
                    + (same ? 1 : 0);
        }

        /** pooling's integer arguments; {@code extra} is avg pooling's "divisor counts padding" switch. */
        long[] poolArgs(int extra) {
            return new long[] {kH, kW, sH, sW, pH, pW, dH, dW, same ? 1 : 0, extra, 0};
        }
    }

    // ---- convolution ----

    /** 2-D cross-correlation of x [N, C, H, W] with w [O, C, kH, kW] plus an optional bias [O]. */
    static Tensor conv2d(Tensor x, Tensor w, Tensor b, Window win) {
        Signature.CONV2D.check(x, w, b);
        DataType t = Engine.resultType(x.data().dataType(), w.data().dataType());
        INDArray xd = Engine.contiguous(Engine.cast(x.data(), t));
        INDArray wd = Engine.contiguous(Engine.cast(w.data(), t));
        long[] x4 = xd.shape();
        win.checkFits("conv2d", x4);
        long[] ws = w.shape();
        long macs = x4[0] * ws[0] * win.outH(x4[2]) * win.outW(x4[3]) * x4[1] * win.kH() * win.kW();
        // Not with dilation: oneDNN's conv2d refused [2,4,10,10] x 8 3x3 with dilation 2 (NativeConvTest).
        DirectConv.Geometry direct = DirectConv.plan(t, x4, ws, win);
        if (direct != null) return DirectConv.conv("conv2d", x, w, b, xd, wd, direct, x4);
        boolean plain = !win.same() && win.dH() == 1 && win.dW() == 1;
        if (plain && ChannelLoops.handles(t) && Dispatch.nativeConv(t, macs, x4[1])) {
            return nativeConv2d(x, w, b, xd, wd, win, x4);
        }
        return convolve("conv2d", x, w, b, xd, wd, win, x4, x4);
    }

    /**
     * conv2d through libnd4j's conv2d/conv2d_bp pair (weights in PyTorch's [O, C, kH, kW] layout, wFormat 1), with
     * its platform kernels allowed: under the oneDNN build these are oneDNN's, faster than im2col + gemm at CIFAR
     * sizes (see {@link Dispatch#ONEDNN_CONV_MIN_MACS}). The backward always computes dx (the op has no switch for
     * it); on more than one thread its dx and dw are not bit-identical with one thread's (ThreadBits).
     */
    private static Tensor nativeConv2d(Tensor x, Tensor w, Tensor b, INDArray xd, INDArray wd, Window win, long[] x4) {
        DataType t = xd.dataType();
        long[] ws = w.shape();
        long[] args = {win.kH(), win.kW(), win.sH(), win.sW(), win.pH(), win.pW(), win.dH(), win.dW(), 0, 0, 1};
        INDArray bd = b == null ? null : Engine.contiguous(Engine.cast(b.data(), t));
        INDArray out = Engine.empty(t, x4[0], ws[0], win.outH(x4[2]), win.outW(x4[3]));
        INDArray[] ins = bd == null ? new INDArray[] {xd, wd} : new INDArray[] {xd, wd, bd};
        Engine.execPlatform("conv2d", ins, new INDArray[] {out}, args);
        Tensor[] inputs = b == null ? new Tensor[] {x, w} : new Tensor[] {x, w, b};
        return Tensor.record(out, "conv2d", inputs, new Tensor[] {x, w}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray gd = Engine.contiguous(Engine.cast(g, t));
                INDArray dx = Engine.empty(t, x4), dw = Engine.empty(t, ws);
                if (bd == null) {
                    Engine.execPlatform("conv2d_bp", new INDArray[] {xd, wd, gd}, new INDArray[] {dx, dw}, args);
                    return new INDArray[] {x.requiresGrad() ? dx : null, dw};
                }
                INDArray db = Engine.empty(t, ws[0]);
                Engine.execPlatform("conv2d_bp", new INDArray[] {xd, wd, bd, gd}, new INDArray[] {dx, dw, db}, args);
                return new INDArray[] {x.requiresGrad() ? dx : null, dw, db};
            }
        });
    }

    /**
     * 1-D cross-correlation of x [N, C, W] with w [O, C, kW]: the 2-D maths with height 1 (see the class note),
     * on the arrays as they are (the 4-D shape is only passed along, as a reshaped view costs a native shape buffer).
     */
    static Tensor conv1d(Tensor x, Tensor w, Tensor b, Window win) {
        Signature.CONV1D.check(x, w, b);
        DataType t = Engine.resultType(x.data().dataType(), w.data().dataType());
        long[] xs = x.shape();
        INDArray xd = Engine.contiguous(Engine.cast(x.data(), t));
        INDArray wd = Engine.contiguous(Engine.cast(w.data(), t));
        long[] x4 = {xs[0], xs[1], 1, xs[2]};
        win.checkFits("conv1d", x4);
        DirectConv.Geometry direct = DirectConv.plan(t, x4, w.shape(), win);
        if (direct != null) return DirectConv.conv("conv1d", x, w, b, xd, wd, direct, xs);
        return convolve("conv1d", x, w, b, xd, wd, win, x4, xs);
    }

    /**
     * The convolution of a dense x whose 4-D shape is x4; the result and the gradient of x have x's rank.
     *
     * <p>Why im2col + gemm instead of M2.1's conv2d/conv2d_bp pair: conv2d_bp was several times the forward's cost
     * (docs/performance.md, "LayerPrimitives"). Here the column matrix is laid out [K = C·kH·kW, N·oH·oW] ({@link Unfold}), so
     * a whole batch is one gemm W[O, K] · col, the backward two more, and dx (gemm + col2im) is skipped when x
     * needs no gradient, as for a network's first layer.
     *
     * <p>Every array is allocated in its final shape, from the pool where it can be, and no view is made: the
     * gemms read the arrays as raw matrices ({@link Blas#gemm(boolean, boolean, int, int, int, INDArray, INDArray,
     * INDArray)}) and {@link ChannelLoops} moves between the gemms' [O, N·P] layout and [N, O, P], adding the bias
     * on the way out and summing its gradient on the way back. Each ND4J array or view costs native buffers whose
     * bookkeeping lives until the next garbage collection and is copied by it: in LeNet they were most of a
     * step's allocations and of each collection's pause.
     */
    private static Tensor convolve(
            String op, Tensor x, Tensor w, Tensor b, INDArray xd, INDArray wd, Window win, long[] x4, long[] xs) {
        DataType t = xd.dataType();
        long[] ws = w.shape();
        int n = Math.toIntExact(x4[0]), o = Math.toIntExact(ws[0]);
        long oh = win.outH(x4[2]), ow = win.outW(x4[3]);
        int k = Math.toIntExact(x4[1] * win.kH() * win.kW()),
                p = Math.toIntExact(oh * ow),
                cols = Math.multiplyExact(n, p);
        long[] result = xs.length == 3 ? new long[] {n, o, ow} : new long[] {n, o, oh, ow};
        INDArray bd = b == null ? null : Engine.contiguous(Engine.cast(b.data(), t));
        Tensor[] inputs = b == null ? new Tensor[] {x, w} : new Tensor[] {x, w, b};
        INDArray col = Unfold.im2col(xd, x4, win);
        INDArray out = Engine.empty(t, result);
        if (n == 1) {
            // One sample: W · col is [O, oH·oW], already the output's layout, so the gemm writes the output.
            Blas.gemm(false, false, o, cols, k, wd, col, out);
            if (bd != null) ChannelLoops.addBias(out, bd, 1, o, p);
        } else {
            INDArray y = Engine.empty(t, o, cols);
            Blas.gemm(false, false, o, cols, k, wd, col, y);
            ChannelLoops.toBatchMajor(y, bd, out, n, o, p);
            // y is dead now: back to the pool.
            BufferPool.get().give(y);
        }
        Tensor r = Tensor.record(out, op, inputs, new Tensor[] {x, w}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray gd = Engine.contiguous(Engine.cast(g, t));
                INDArray db = b == null ? null : Engine.empty(t, o);
                INDArray gM = gd;
                if (n == 1) {
                    if (db != null) ChannelLoops.sumBias(gd, db, 1, o, p);
                } else {
                    gM = Engine.empty(t, o, cols);
                    ChannelLoops.toChannelMajor(gd, gM, db, n, o, p);
                }
                // dw in the weight's own shape, so that the parameter's gradient can be this very array
                // (BufferPool.adopt).
                INDArray dw = Engine.empty(t, ws);
                Blas.gemm(false, true, o, k, cols, gM, col, dw);
                INDArray dx = null;
                if (x.requiresGrad()) {
                    INDArray dcol = Engine.empty(t, k, cols);
                    Blas.gemm(true, false, k, cols, o, wd, gM, dcol);
                    dx = Unfold.col2im(dcol, x4, xs, win);
                }
                return b == null ? new INDArray[] {dx, dw} : new INDArray[] {dx, dw, db};
            }
        });
        if (r.node != null) r.node.ownScratch(col);
        else BufferPool.get().give(col);
        return r;
    }

    // ---- pooling ----

    /**
     * Max or average pooling of x [N, C, H, W]; a rank-3 x [N, C, W] is pooled along W as [N, C, 1, W].
     * {@code countPadding} is PyTorch's count_include_pad (average pooling only).
     */
    static Tensor pool(Tensor x, boolean max, Window win, boolean countPadding) {
        long[] xs = x.shape();
        boolean oneD = xs.length == 3;
        Signature pool = max
                ? oneD ? Signature.MAX_POOL1D : Signature.MAX_POOL2D
                : oneD ? Signature.AVG_POOL1D : Signature.AVG_POOL2D;
        pool.check(x);
        String name = pool.op;
        INDArray xd = Engine.contiguous(x.data());
        if (oneD) xd = xd.reshape('c', xs[0], xs[1], 1, xs[2]);
        long[] s = xd.shape();
        win.checkFits(max ? "maxPool" : "avgPool", s);
        long[] outShape = {s[0], s[1], win.outH(s[2]), win.outW(s[3])};
        // Max pooling on Java arrays (NaN wins a window, as in torch); average pooling through the native op, whose
        // sums propagate NaN and infinities by themselves.
        if (max) return maxPool(x, xd, s, outShape, win, oneD);
        INDArray out = Engine.empty(xd.dataType(), outShape);
        long[] args = win.poolArgs(countPadding ? 1 : 0);
        String fwd = "avgpool2d";
        Engine.exec(fwd, new INDArray[] {xd}, new INDArray[] {out}, args, null, null);
        INDArray x4 = xd;
        INDArray result = oneD ? out.reshape('c', xs[0], xs[1], outShape[3]) : out;
        return Tensor.record(result, name, new Tensor[] {x}, new Tensor[] {x}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray gd = Engine.contiguous(Engine.cast(g, x4.dataType())).reshape('c', outShape);
                INDArray dx = Engine.empty(x4.dataType(), x4.shape());
                Engine.exec(fwd + "_bp", new INDArray[] {x4, gd}, new INDArray[] {dx}, args, null, null);
                return new INDArray[] {oneD ? dx.reshape('c', xs) : dx};
            }
        });
    }

    /** Max pooling through {@link MaxPool}: the output and the gradient of x come back in x's rank. */
    private static Tensor maxPool(Tensor x, INDArray xd, long[] x4, long[] out4, Window win, boolean oneD) {
        long[] xs = x.shape();
        DataType t = xd.dataType();
        long[] outShape = oneD ? new long[] {out4[0], out4[1], out4[3]} : out4;
        INDArray out = Engine.empty(t, outShape);
        // Without a gradient to come (inference), no winners' indices: an int per output, and their bookkeeping.
        int[] argmax = GradMode.isEnabled() && x.requiresGrad() ? new int[Math.toIntExact(Shapes.numel(out4))] : null;
        MaxPool.forward(xd, x4, win, out, argmax);
        return Tensor.record(out, oneD ? "maxPool1d" : "maxPool2d", new Tensor[] {x}, Tensor.NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray dx = Engine.empty(t, xs);
                MaxPool.backward(Engine.cast(g, t), argmax, dx);
                return new INDArray[] {dx};
            }
        });
    }

    // ---- normalisation ----

    /**
     * Batch norm with batch statistics over every dimension but 1 (training mode). Writes the batch mean and the
     * biased variance into {@code stats[0..1]} for the caller's running averages. The forward is the native op;
     * the backward is the closed form on array ops, because M2.1's batchnorm_bp is off PyTorch by up to 7e-7
     * relative (an absolute error of ~1e-8 on small gradients), while the closed form agrees to 1e-12.
     */
    static Tensor batchNormTrain(Tensor x, Tensor gamma, Tensor beta, double eps, Tensor[] stats) {
        INDArray xd = Engine.contiguous(x.data());
        DataType t = xd.dataType();
        int[] dims = allBut(xd.rank(), 1);
        // Statistics from Reduce's blocked double sums, as torch accumulates them in double: ND4J's float32 mean of a
        // 64x3x224x224 batch was 4-8% off. Two passes: the mean, then the squared deviations from it.
        boolean[] red = Reduce.mask(xd.rank(), dims);
        long[] xs = xd.shape();
        double count = Reduce.count(xs, red);
        double[] m = Reduce.sums(null, xd, xs, red, null);
        for (int i = 0; i < m.length; i++) m[i] /= count;
        double[] v = Reduce.sums(null, xd, xs, red, m);
        for (int i = 0; i < v.length; i++) v[i] /= count;
        INDArray mean = Reduce.toArray(m, t, xs[1]);
        INDArray var = Reduce.toArray(v, t, xs[1]);
        stats[0] = Tensor.wrap(mean);
        stats[1] = Tensor.wrap(var);
        INDArray gd = Engine.contiguous(Engine.cast(gamma.data(), t)),
                bd = Engine.contiguous(Engine.cast(beta.data(), t));
        INDArray out = Engine.empty(t, xd.shape());
        Engine.exec(
                "batchnorm",
                new INDArray[] {xd, mean, var, gd, bd},
                new INDArray[] {out},
                new long[] {1, 1, 1},
                null,
                new double[] {eps});
        long[] channel = new long[xd.rank()];
        java.util.Arrays.fill(channel, 1);
        channel[1] = xd.size(1);
        return Tensor.record(
                out, "batchNorm", new Tensor[] {x, gamma, beta}, new Tensor[] {x, gamma}, new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        INDArray gg = Engine.cast(g, t);
                        INDArray invStd = Engine.powInPlace(var.add(eps), -0.5).reshape(channel);
                        INDArray xhat = bin("multiply", bin("subtract", xd, mean.reshape(channel)), invStd);
                        INDArray dbeta = channelSums(gg, red);
                        INDArray dgamma = channelSums(gg.mul(xhat), red);
                        INDArray centred = bin(
                                "subtract",
                                gg,
                                dbeta.div(xd.length() / xd.size(1)).reshape(channel));
                        INDArray proj = bin(
                                "multiply",
                                xhat,
                                dgamma.div(xd.length() / xd.size(1)).reshape(channel));
                        INDArray dx = bin("multiply", centred.subi(proj), invStd.mul(gd.reshape(channel)));
                        return new INDArray[] {dx, dgamma, dbeta};
                    }
                });
    }

    /**
     * Layer norm over the trailing {@code k} dimensions with gain and bias of those dimensions' shape. Written on
     * ND4J array ops rather than M2.1's layer_norm, whose standardize adds eps to the standard deviation (PyTorch
     * adds it to the variance) and whose gain must be 1-D.
     */
    static Tensor layerNorm(Tensor x, Tensor gamma, Tensor beta, int k, double eps) {
        INDArray xd = Engine.contiguous(x.data());
        DataType t = xd.dataType();
        int rank = xd.rank();
        int[] dims = new int[k];
        for (int i = 0; i < k; i++) dims[i] = rank - k + i;
        int[] lead = new int[rank - k];
        for (int i = 0; i < lead.length; i++) lead[i] = i;
        // Statistics from Reduce's double sums (mean, then squared deviations from it), as for batch norm.
        boolean[] red = Reduce.mask(rank, dims);
        long[] xs = xd.shape(), kept = xs.clone();
        for (int d : dims) kept[d] = 1;
        double count = Reduce.count(xs, red);
        double[] m = Reduce.sums(null, xd, xs, red, null);
        for (int i = 0; i < m.length; i++) m[i] /= count;
        double[] v = Reduce.sums(null, xd, xs, red, m);
        for (int i = 0; i < v.length; i++) v[i] = 1 / Math.sqrt(v[i] / count + eps);
        INDArray centered = bin("subtract", xd, Reduce.toArray(m, t, kept));
        INDArray invStd = Reduce.toArray(v, t, kept);
        INDArray xhat = bin("multiply", centered, invStd);
        INDArray gdat = Engine.cast(gamma.data(), t);
        INDArray out = bin("add", bin("multiply", xhat, gdat), Engine.cast(beta.data(), t));
        return Tensor.record(
                out, "layerNorm", new Tensor[] {x, gamma, beta}, new Tensor[] {x, gamma}, new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        INDArray gg = Engine.cast(g, t);
                        INDArray[] fused = layerNormBackward(gg, gdat, xhat, invStd, lead.length, gamma.shape());
                        if (fused != null) return fused;
                        INDArray gx = bin("multiply", gg, gdat);
                        INDArray proj = bin("multiply", xhat, means(gx.mul(xhat), red, kept));
                        INDArray dx = bin("multiply", bin("subtract", gx.sub(proj), means(gx, red, kept)), invStd);
                        // dgamma and dbeta sum over the leading (batch) dimensions, through Reduce as well.
                        boolean[] batch = Reduce.mask(rank, lead);
                        INDArray dgamma = lead.length == 0 ? gg.mul(xhat) : sums(gg.mul(xhat), batch, gamma.shape());
                        INDArray dbeta = lead.length == 0 ? gg.dup() : sums(gg, batch, beta.shape());
                        return new INDArray[] {dx, dgamma.reshape(gamma.shape()), dbeta.reshape(beta.shape())};
                    }
                });
    }

    /**
     * layerNorm's backward in two C passes where they apply (float32/float64, dense arrays, leading dimensions): the
     * composite's very roundings and sums (gn_typed.h), without its ten array ops, whose native calls and Java sums
     * were 3.8 ms a call on the Transformer bench's [32, 64, 128] against 0.15 ms for torch. Null where they do not
     * apply.
     */
    private static INDArray[] layerNormBackward(
            INDArray g, INDArray gamma, INDArray xhat, INDArray invStd, int leading, long[] gammaShape) {
        DataType t = g.dataType();
        if (leading == 0 || !NativeLoops.enabled() || !ChannelLoops.handles(t)) return null;
        long n = g.length(), dl = gamma.length();
        if (n > Integer.MAX_VALUE || dl == 0) return null;
        int d = (int) dl, rows = (int) (n / d);
        INDArray gc = Engine.contiguous(g), wc = Engine.contiguous(gamma);
        INDArray dx = Engine.empty(t, g.shape()),
                dgamma = Engine.empty(t, gammaShape),
                dbeta = Engine.empty(t, gammaShape);
        long ga = Memory.address(gc, t, n), wa = Memory.address(wc, t, d), xa = Memory.address(xhat, t, n);
        long ia = Memory.address(invStd, t, rows), da = Memory.address(dx, t, n);
        long gma = Memory.address(dgamma, t, d), ba = Memory.address(dbeta, t, d);
        if (ga == 0 || wa == 0 || xa == 0 || ia == 0 || da == 0 || gma == 0 || ba == 0) return null;
        int type = NativeLoops.typeCode(t);
        Parallel.items(rows, 2L * d, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                NativeLoops.layerNormDx(type, ga, wa, xa, ia, da, from, to, d, Reduce.CHUNK);
            }
        });
        Parallel.items(d, rows, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                NativeLoops.layerNormDgamma(type, ga, xa, gma, ba, from, to, rows, d);
            }
        });
        return new INDArray[] {dx, dgamma, dbeta};
    }

    // ---- embedding ----

    /** Rows of weight [V, D] picked by integer indices of any shape: gather forward, scatter_add backward. */
    static Tensor embedding(Tensor index, Tensor weight) {
        long v = weight.size(0), d = weight.size(1);
        INDArray idx = Engine.contiguous(
                        index.data().dataType() == DataType.INT32
                                ? index.data()
                                : Engine.cast(index.data(), DataType.INT32))
                .reshape(-1);
        int[] ids = idx.data().asInt();
        for (int i : ids) {
            if (i < 0 || i >= v)
                throw new IndexOutOfBoundsException("embedding: index " + i + " out of range for " + v + " embeddings");
        }
        INDArray w = Engine.contiguous(weight.data());
        INDArray rows = Engine.empty(w.dataType(), idx.length(), d);
        // Row copies rather than the gather op: 1.6 ms for the Transformer bench's 2048 rows of 128 through the op.
        long[] picks = new long[ids.length];
        for (int i = 0; i < ids.length; i++) picks[i] = ids[i];
        Engine.gatherRows(w, picks, rows);
        long[] outShape = java.util.Arrays.copyOf(index.shape(), index.dim() + 1);
        outShape[index.dim()] = d;
        return Tensor.record(
                rows.reshape('c', outShape), "embedding", new Tensor[] {weight}, Tensor.NONE, new Node.Backward() {
                    @Override
                    public INDArray[] apply(INDArray g) {
                        INDArray g2 =
                                Engine.contiguous(Engine.cast(g, w.dataType())).reshape('c', idx.length(), d);
                        // Repeated indices accumulate, in index order whatever the thread count (Unfold.scatterRows).
                        INDArray acc = Unfold.scatterRows(g2, ids, new long[] {v, d}, (int) d);
                        if (acc != null) return new INDArray[] {acc};
                        acc = Engine.zeros(w.dataType(), v, d);
                        Engine.exec(
                                "scatter_add", new INDArray[] {acc, idx, g2}, new INDArray[] {acc}, null, null, null);
                        return new INDArray[] {acc};
                    }
                });
    }

    // ---- helpers ----

    /** Means of a float array over the reduced dimensions, in the kept shape, through Reduce's accurate kernel. */
    private static INDArray means(INDArray a, boolean[] reduced, long[] kept) {
        double[] m = Reduce.sums(null, a, a.shape(), reduced, null);
        double count = Reduce.count(a.shape(), reduced);
        for (int i = 0; i < m.length; i++) m[i] /= count;
        return Reduce.toArray(m, a.dataType(), kept);
    }

    /** Sums of a float array over the reduced dimensions, in the given shape, through Reduce's accurate kernel. */
    private static INDArray sums(INDArray a, boolean[] reduced, long[] shape) {
        return Reduce.toArray(Reduce.sums(null, a, a.shape(), reduced, null), a.dataType(), shape);
    }

    /** Per-channel sums of a float array over the reduced dimensions, through Reduce's accurate kernel. */
    private static INDArray channelSums(INDArray a, boolean[] reduced) {
        return Reduce.toArray(Reduce.sums(null, a, a.shape(), reduced, null), a.dataType(), a.size(1));
    }

    private static INDArray bin(String op, INDArray a, INDArray b) {
        return Engine.broadcastBinary(op, op, a, b);
    }

    static int[] allBut(int rank, int keep) {
        int[] d = new int[rank - 1];
        for (int i = 0, j = 0; i < rank; i++) if (i != keep) d[j++] = i;
        return d;
    }

    /**
     * {@code Tensor.rand(type, shape).lt(keep).to(type)} in one pass for float32 and float64: the same draws, each
     * rounded to the type and compared with keep rounded to it (as ND4J's lt compares), so the same mask. Why: the
     * composition made four arrays and filled the first through ND4J's element-by-element indexer, a fifth of the
     * Transformer's step (docs/performance.md).
     */
    static Tensor keepMask(DType type, double keep, long[] shape) {
        return keepMask(type, keep, shape, 1);
    }

    /**
     * {@code keepMask(type, keep, shape).div(keep)} in the same pass: the kept elements are 1 / keep as the division
     * rounds it in the type (ND4J divides by the scalar cast to the array's type), the others 0. Inverted dropout's
     * scaled mask without a second array and pass.
     */
    static Tensor scaledKeepMask(DType type, double keep, long[] shape) {
        if (type == DType.FLOAT32) return keepMask(type, keep, shape, 1f / (float) keep);
        if (type == DType.FLOAT64) return keepMask(type, keep, shape, 1d / keep);
        return keepMask(type, keep, shape).div(keep);
    }

    private static Tensor keepMask(DType type, double keep, long[] shape, double hit) {
        if (type != DType.FLOAT32 && type != DType.FLOAT64)
            return Tensor.rand(type, shape).lt(keep).to(type);
        int n = Math.toIntExact(Shapes.numel(shape));
        INDArray out = Engine.empty(type.nd4j(), shape);
        if (n == 0) return new Tensor(out);
        // Draw i depends on the reserved state and i only: the threads' ranges give the sequential fill's bits.
        Gradnote.KeepDraws draws = Gradnote.reserveKeep(n, keep, type == DType.FLOAT32);
        boolean wide = type == DType.FLOAT64;
        long at = NativeLoops.enabled() ? Memory.address(out, type.nd4j(), n) : 0;
        if (at != 0) {
            long bits = wide ? Double.doubleToRawLongBits(hit) : Float.floatToRawIntBits((float) hit);
            long base = draws.base(), below = draws.below();
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    NativeLoops.fillKeep(at, from, to, base, below, bits, wide);
                }
            });
        } else if (type == DType.FLOAT32) {
            float[] m = Unfold.scratch().floats(0, n);
            float h = (float) hit;
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    draws.fill(m, from, to, h);
                }
            });
            Memory.put(out, m, 0, n);
        } else {
            double[] m = Unfold.scratch().doubles(0, n);
            Parallel.range(n, Dispatch.PARALLEL_MIN, Dispatch.PARALLEL_GRAIN, new Parallel.Body() {
                @Override
                void run(int from, int to) {
                    draws.fill(m, from, to, hit);
                }
            });
            Memory.put(out, m, 0, n);
        }
        return new Tensor(out);
    }
}
