package org.gradnote.tensor;

import static org.gradnote.tensor.Engine.sumToShape;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The primitives that are not table entries (matmul, linear, shapes and indexing), each gradient rule beside the
 * forward maths it differentiates (micrograd style). Element-wise ops, reductions, clamp and the softmaxes are the
 * tables ({@link UnaryOp}, {@link BinaryOp}, {@link ReduceOp}, {@link SelectOp}, {@link DimOp}); layers, losses and
 * recurrent cells have their own files. Their dtype rules are declared in {@link Signature}.
 */
final class Primitives {
    private Primitives() {}

    // ---- shapes of reductions (the reductions themselves are the table ReduceOp) ----

    /** The result shape: a scalar for a reduction over everything, else the input's with the dims kept or dropped. */
    static long[] reducedShape(long[] in, int[] dims, int[] d, boolean keepDim) {
        // A rank-0 tensor reduces to itself (torch accepts dim 0 or -1 on it).
        if (dims.length == 0 || in.length == 0) return new long[0];
        return keepDim ? keptShape(in, d) : dropDims(in, d);
    }

    static long[] keptShape(long[] in, boolean[] reduced) {
        long[] k = in.clone();
        for (int i = 0; i < k.length; i++) if (reduced[i]) k[i] = 1;
        return k;
    }

    static INDArray expand(INDArray g, long[] shape) {
        if (Arrays.equals(g.shape(), shape)) return g;
        INDArray r = g.rank() == shape.length ? g : g.reshape(onesLike(shape.length, g));
        INDArray copied = broadcastCopy(r, shape);
        return copied != null ? copied : r.broadcast(shape);
    }

    /**
     * r (of shape's rank) broadcast into a new dense array by the C loops ({@link Engine#stridedCopy}, stride 0 along
     * the broadcast dimensions), or null where they do not apply. Why: ND4J's broadcast tiles element by element
     * through sub-array offsets, 5.7 ms for the Transformer bench's mean backward ([32, 1, 128] to [32, 64, 128]).
     */
    private static INDArray broadcastCopy(INDArray r, long[] shape) {
        if (!NativeLoops.enabled() || shape.length == 0 || Shapes.numel(shape) == 0) return null;
        long[] rs = r.shape(), strides = new long[shape.length];
        long stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (rs[d] != shape[d] && rs[d] != 1) return null; // ND4J's broadcast reports the mismatch
            strides[d] = rs[d] == 1 ? 0 : stride;
            stride *= rs[d];
        }
        INDArray out = Engine.empty(r.dataType(), shape);
        return Engine.stridedCopy(Engine.contiguous(r), strides, out) ? out : null;
    }

    private static long[] onesLike(int rank, INDArray scalar) {
        long[] s = new long[rank];
        Arrays.fill(s, 1);
        return s;
    }

    static int[] allDims(int rank) {
        int[] d = new int[rank];
        for (int i = 0; i < rank; i++) d[i] = i;
        return d;
    }

    static long[] keptShape(long[] in, int[] dims) {
        long[] k = in.clone();
        for (int d : dims) k[d] = 1;
        return k;
    }

    static long[] dropDims(long[] in, int[] dims) {
        long[] out = new long[in.length - dims.length];
        int j = 0;
        outer:
        for (int i = 0; i < in.length; i++) {
            for (int d : dims) if (d == i) continue outer;
            out[j++] = in[i];
        }
        return out;
    }

    // ---- matrix product ----

    static Tensor matmul(Tensor a, Tensor b) {
        long[] sa = a.shape(), sb = b.shape();
        if (sa.length == 0 || sb.length == 0)
            throw new ShapeException("matmul: both operands need at least one dimension, got " + Shapes.str(sa)
                    + " and " + Shapes.str(sb));
        // Checked before any native call: libnd4j's batched matmul fails on mixed dtypes in its own words, and the
        // 2-D gemm would promote where torch refuses.
        Signature.MATMUL.check(a, b);
        // Promote vectors to matrices as torch.matmul does, and drop the added dimension afterwards.
        Tensor a2 = sa.length == 1 ? a.unsqueeze(0) : a;
        Tensor b2 = sb.length == 1 ? b.unsqueeze(1) : b;
        long inner = a2.shape()[a2.dim() - 1], innerB = b2.shape()[b2.dim() - 2];
        if (inner != innerB)
            throw new ShapeException("matmul: shapes " + Shapes.str(sa) + " and " + Shapes.str(sb)
                    + " cannot be multiplied (" + inner + " != " + innerB + ")");
        Tensor r;
        if (a2.dim() == 2 && b2.dim() == 2) r = matmul2d(a2, b2);
        else if (b2.dim() == 2) {
            // [..., n, k] @ [k, m]: fold the leading dimensions into rows, one gemm instead of a batch.
            long[] s = a2.shape();
            Tensor flat = a2.reshape(-1, inner);
            long[] outShape = s.clone();
            outShape[s.length - 1] = b2.shape()[1];
            r = matmul2d(flat, b2).reshape(outShape);
        } else r = batchedMatmul(a2, b2);
        if (sa.length == 1) r = r.squeeze(-2);
        if (sb.length == 1) r = r.squeeze(-1);
        return r;
    }

    private static Tensor matmul2d(Tensor a, Tensor b) {
        INDArray out = Engine.gemm(a.data(), b.data(), false, false);
        return Tensor.record(out, "matmul", new Tensor[] {a, b}, new Tensor[] {a, b}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                return new INDArray[] {
                    a.requiresGrad() ? Engine.gemm(g, b.data(), false, true) : null,
                    b.requiresGrad() ? Engine.gemm(a.data(), g, true, false) : null
                };
            }
        });
    }

    private static Tensor batchedMatmul(Tensor a, Tensor b) {
        long[] sa = a.shape(), sb = b.shape();
        long[] batchA = Arrays.copyOf(sa, sa.length - 2), batchB = Arrays.copyOf(sb, sb.length - 2);
        long[] batch = Engine.broadcastShape("matmul", batchA, batchB);
        long[] fullA = concat(batch, sa[sa.length - 2], sa[sa.length - 1]);
        long[] fullB = concat(batch, sb[sb.length - 2], sb[sb.length - 1]);
        INDArray ea = Engine.contiguous(a.data().broadcast(fullA)),
                eb = Engine.contiguous(b.data().broadcast(fullB));
        INDArray out = Engine.empty(
                Engine.resultType(ea.dataType(), eb.dataType()), concat(batch, sa[sa.length - 2], sb[sb.length - 1]));
        int count = (int) Shapes.numel(batch), m = (int) sa[sa.length - 2], k = (int) sa[sa.length - 1];
        int n = (int) sb[sb.length - 1];
        // Straight to BLAS, one call per matrix as libnd4j's op makes them (same bits), without the op's overhead.
        boolean blas = Blas.batchable(ea, eb, out);
        if (blas) Blas.gemmBatched(false, false, count, m, n, k, ea, eb, out);
        else Engine.exec("matmul", new INDArray[] {ea, eb}, out);
        return Tensor.record(out, "matmul", new Tensor[] {a, b}, new Tensor[] {a, b}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray da = Engine.empty(ea.dataType(), ea.shape()), db = Engine.empty(eb.dataType(), eb.shape());
                INDArray gc = Engine.contiguous(g);
                if (blas && Blas.batchable(gc, da, db)) {
                    Blas.gemmBatched(false, true, count, m, k, n, gc, eb, da); // g[i] · b[i]^T
                    Blas.gemmBatched(true, false, count, k, n, m, ea, gc, db); // a[i]^T · g[i]
                } else {
                    Engine.exec("matmul_bp", new INDArray[] {ea, eb, gc}, da, db);
                }
                return new INDArray[] {sumToShape(da, sa), sumToShape(db, sb)};
            }
        });
    }

    private static long[] concat(long[] head, long x, long y) {
        long[] r = Arrays.copyOf(head, head.length + 2);
        r[head.length] = x;
        r[head.length + 1] = y;
        return r;
    }

    /**
     * x W^T + b with W in PyTorch's [out, in] layout: fused because gemm's transpose flag avoids copying W each
     * call, and the bias is added in place on the fresh output (two native calls instead of four).
     */
    static Tensor linear(Tensor x, Tensor w, Tensor b) {
        Signature.LINEAR.check(x, w, b);
        long[] sx = x.shape(), sw = w.shape();
        long in = sw[1];
        if (sx.length == 0 || sx[sx.length - 1] != in) {
            throw new ShapeException("linear: input of shape " + Shapes.str(sx) + " does not fit weight of shape "
                    + Shapes.str(sw) + " (expected last dimension " + in + ")");
        }
        INDArray x2 = sx.length == 2 ? x.data() : Engine.contiguous(x.data()).reshape('c', -1, in);
        INDArray out = Engine.gemm(x2, w.data(), false, true);
        // Bias and its gradient as Java loops over float arrays (ChannelLoops: a native op cost 7-15 µs a call for
        // LeNet's sizes), through a cached native op for other types.
        if (b != null) {
            INDArray bd = Engine.contiguous(Engine.cast(b.data(), out.dataType()));
            if (ChannelLoops.handles(out.dataType()))
                ChannelLoops.addBias(out, bd, Math.toIntExact(out.size(0)), Math.toIntExact(sw[0]), 1);
            else Engine.exec("add", new INDArray[] {out, bd}, out);
        }
        long[] outShape = sx.clone();
        outShape[sx.length - 1] = sw[0];
        if (sx.length != 2) out = out.reshape('c', outShape);
        Tensor[] inputs = b == null ? new Tensor[] {x, w} : new Tensor[] {x, w, b};
        return Tensor.record(out, "linear", inputs, new Tensor[] {x, w}, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray g2 = sx.length == 2 ? g : Engine.contiguous(g).reshape('c', -1, sw[0]);
                INDArray dx = null;
                if (x.requiresGrad() && Engine.isColumnMajor(x2)) {
                    // A column-major input (a transposed dense array, as the meteo CNN's y.transpose(1, 2).reshape(B·T,
                    // H))
                    // gets a column-major gradient, as torch's mm backward gives it: dxᵀ = Wᵀ·gᵀ, written dense and
                    // viewed transposed, so that the gradient flowing back through the transpose arrives dense (the
                    // row-major product came back strided, to be gathered before the ReLU's backward every step).
                    dx = Engine.permute(Engine.gemm(w.data(), g2, true, true), new int[] {1, 0});
                } else if (x.requiresGrad()) {
                    dx = Engine.gemm(g2, w.data(), false, false);
                    if (sx.length != 2) dx = dx.reshape('c', sx);
                }
                INDArray dw = w.requiresGrad() ? Engine.gemm(g2, x2, true, false) : null;
                INDArray db = null;
                if (b != null && b.requiresGrad()) {
                    db = Engine.empty(g2.dataType(), sw[0]);
                    INDArray gc = Engine.contiguous(g2);
                    if (ChannelLoops.handles(gc.dataType()))
                        ChannelLoops.sumBias(gc, db, Math.toIntExact(gc.size(0)), Math.toIntExact(sw[0]), 1);
                    else
                        Engine.exec("reduce_sum", new INDArray[] {gc}, new INDArray[] {db}, new long[] {0}, null, null);
                }
                return b == null ? new INDArray[] {dx, dw} : new INDArray[] {dx, dw, db};
            }
        });
    }

    // ---- shape and indexing ----

    static Tensor reshape(Tensor a, long[] shape) {
        long[] in = a.shape();
        long[] to = Shapes.infer("reshape", in, shape);
        INDArray out = Engine.reshape(a.data(), to);
        return Tensor.record(out, "reshape", new Tensor[] {a}, Tensor.NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                return new INDArray[] {Engine.reshape(g, in)};
            }
        });
    }

    static Tensor permute(Tensor a, int[] order) {
        int n = a.dim();
        if (order.length != n)
            throw new ShapeException("permute: got " + order.length + " dimensions " + Arrays.toString(order)
                    + " for a tensor of shape " + Shapes.str(a.shape()));
        int[] o = new int[n], inverse = new int[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            o[i] = Shapes.dim("permute", order[i], n);
            if (seen[o[i]])
                throw new IllegalArgumentException(
                        "permute: dimension " + o[i] + " repeated in " + Arrays.toString(order));
            seen[o[i]] = true;
            inverse[o[i]] = i;
        }
        INDArray out = Engine.permute(a.data(), o);
        return Tensor.record(out, "permute", new Tensor[] {a}, Tensor.NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                return new INDArray[] {Engine.permute(g, inverse)};
            }
        });
    }

    /** Elements start, start+step, ... below end along one dimension (end clipped like Python slices). */
    static Tensor slice(Tensor a, int dim, long start, long end, long step) {
        int d = Shapes.dim("slice", dim, a.dim());
        long size = a.shape()[d];
        long s = start < 0 ? start + size : start, e = end < 0 ? end + size : Math.min(end, size);
        if (step <= 0) throw new IllegalArgumentException("slice: step must be positive, got " + step);
        if (s < 0 || s > size)
            throw new IndexOutOfBoundsException(
                    "slice: start " + start + " out of range for dimension " + d + " of size " + size);
        e = Math.max(e, s);
        long[] in = a.shape();
        long count = (e - s + step - 1) / step;
        // From a dense array only: a strided one would be copied whole first, where ND4J copies the slice alone.
        INDArray out = Engine.isDense(a.data()) ? sliceCopy(a.data(), null, d, s, step, count) : null;
        if (out == null) out = Engine.interval(a.data(), d, s, step, e).dup('c');
        long e0 = e;
        return Tensor.record(out, "slice", new Tensor[] {a}, Tensor.NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray scattered = sliceCopy(Engine.contiguous(g), in, d, s, step, count);
                if (scattered != null) return new INDArray[] {scattered};
                INDArray full = Engine.zeros(g.dataType(), in);
                Engine.interval(full, d, s, step, e0).assign(g);
                return new INDArray[] {full};
            }
        });
    }

    /**
     * A slice's copy by the C loops, or null where they do not apply: with {@code full} null, the elements start,
     * start + step, ... (count of them) along dimension d of the dense array x, gathered into a new dense array; else x
     * is such a gathered part and goes back into a new dense array of shape {@code full}, zeros elsewhere. Why: ND4J's
     * copy to or from the strided view walks it element by element (the Transformer's q, k, v split of [32, 64, 384]
     * cost ~0.6 ms each way a slice).
     */
    private static INDArray sliceCopy(INDArray x, long[] full, int d, long start, long step, long count) {
        if (!NativeLoops.enabled()) return null;
        long[] shape = full == null ? x.shape() : full;
        long outer = 1, inner = 1;
        for (int i = 0; i < d; i++) outer *= shape[i];
        for (int i = d + 1; i < shape.length; i++) inner *= shape[i];
        long size = shape[d], n = outer * size * inner, part = outer * count * inner;
        if (part == 0 || outer > Integer.MAX_VALUE) return null;
        DataType t = x.dataType();
        long[] partShape = shape.clone();
        partShape[d] = count;
        INDArray out = full == null ? Engine.empty(t, partShape) : Engine.empty(t, full);
        long xa = Memory.address(x, t, full == null ? n : part), oa = Memory.address(out, t, full == null ? part : n);
        if (xa == 0 || oa == 0) return null;
        long fa = full == null ? xa : oa, pa = full == null ? oa : xa;
        int width = t.width();
        boolean scatter = full != null;
        long row = inner;
        Parallel.items((int) outer, size * inner, new Parallel.Body() {
            @Override
            void run(int from, int to) {
                NativeLoops.sliceCopy(fa, pa, from, to, size, row, start, step, count, width, scatter);
            }
        });
        return out;
    }

    /** Rows of {@code a} along {@code dim} picked by an integer index tensor (torch.index_select). */
    static Tensor indexSelect(Tensor a, int dim, Tensor index) {
        int d = Shapes.dim("indexSelect", dim, a.dim());
        Signature.INDEX_SELECT.check(index);
        if (index.dim() != 1)
            throw new ShapeException("indexSelect: index must be 1-D, got shape " + Shapes.str(index.shape()));
        // gather and scatter_add take int32 and int64 indices as they are (a cast cost an allocation per batch).
        INDArray idx = Engine.contiguous(index.data());
        // Checked on the JVM copy: two native reductions (min, max) cost more than reading a few thousand ints.
        return select(a, d, Engine.longs(idx), idx);
    }

    /** indexSelect with the indices as Java ints: the native index array is only built if a native op needs it. */
    static Tensor indexSelect(Tensor a, int dim, int[] indices) {
        int d = Shapes.dim("indexSelect", dim, a.dim());
        long[] picks = new long[indices.length];
        for (int i = 0; i < picks.length; i++) picks[i] = indices[i];
        return select(a, d, picks, null);
    }

    /** The picked rows; {@code index} is the native index array, or null to build one from picks if an op needs it. */
    private static Tensor select(Tensor a, int d, long[] picks, INDArray index) {
        long size = a.shape()[d];
        for (long v : picks) {
            if (v < 0 || v >= size)
                throw new IndexOutOfBoundsException(
                        "indexSelect: index " + v + " out of range for dimension " + d + " of size " + size);
        }
        long[] outShape = a.shape();
        outShape[d] = picks.length;
        INDArray out = Engine.empty(a.data().dataType(), outShape);
        INDArray src = Engine.contiguous(a.data());
        // Rows (a minibatch) are copied as bytes; other dimensions go through the native gather.
        INDArray gathered = d == 0 ? null : index != null ? index : Factory.fromArray(picks);
        if (d == 0) Engine.gatherRows(src, picks, out);
        else Engine.exec("gather", new INDArray[] {src, gathered}, new INDArray[] {out}, new long[] {d}, null, null);
        long[] in = a.shape();
        return Tensor.record(out, "indexSelect", new Tensor[] {a}, Tensor.NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                // The scatter works on the first dimension: move dim to the front and back again.
                int[] toFront = moveToFront(in.length, d);
                INDArray gFront = Engine.contiguous(g.permute(toFront));
                long[] inFront = new long[in.length];
                for (int i = 0; i < in.length; i++) inFront[i] = in[toFront[i]];
                // Repeated picks accumulate, in pick order whatever the thread count (Unfold.scatterRows).
                int[] rows = new int[picks.length];
                for (int i = 0; i < rows.length; i++) rows[i] = (int) picks[i];
                long width = Shapes.numel(inFront) / Math.max(1, inFront[0]);
                INDArray acc =
                        width > Integer.MAX_VALUE ? null : Unfold.scatterRows(gFront, rows, inFront, (int) width);
                if (acc == null) {
                    INDArray idx = gathered != null ? gathered : index != null ? index : Factory.fromArray(picks);
                    acc = Engine.zeros(g.dataType(), inFront);
                    Engine.exec(
                            "scatter_add", new INDArray[] {acc, idx, gFront}, new INDArray[] {acc}, null, null, null);
                }
                return new INDArray[] {acc.permute(inverse(toFront))};
            }
        });
    }

    static int[] moveToFront(int rank, int d) {
        int[] p = new int[rank];
        p[0] = d;
        for (int i = 0, j = 1; i < rank; i++) if (i != d) p[j++] = i;
        return p;
    }

    static int[] inverse(int[] p) {
        int[] inv = new int[p.length];
        for (int i = 0; i < p.length; i++) inv[p[i]] = i;
        return inv;
    }

    static Tensor cat(Tensor[] parts, int dim) {
        if (parts.length == 0) throw new IllegalArgumentException("cat: needs at least one tensor");
        int rank = parts[0].dim();
        int d = Shapes.dim("cat", dim, rank);
        INDArray[] arrays = new INDArray[parts.length];
        long[] sizes = new long[parts.length];
        // torch.cat's result type is every part's promoted together (float32 with float64 gives float64).
        DType type = null;
        for (Tensor p : parts) type = Promotion.promote(type, p.dtype());
        for (int i = 0; i < parts.length; i++) {
            long[] s = parts[i].shape(), s0 = parts[0].shape();
            boolean ok = s.length == rank;
            for (int k = 0; ok && k < rank; k++) ok = k == d || s[k] == s0[k];
            if (!ok)
                throw new ShapeException("cat: tensor " + i + " has shape " + Shapes.str(s) + " but tensor 0 has shape "
                        + Shapes.str(s0) + " (all dimensions but " + d + " must match)");
            arrays[i] = Engine.cast(parts[i].data(), type.nd4j());
            sizes[i] = s[d];
        }
        INDArray out = parts.length == 1 ? arrays[0].dup() : Factory.concat(d, arrays);
        return Tensor.record(out, "cat", parts, Tensor.NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                INDArray[] grads = new INDArray[parts.length];
                long off = 0;
                for (int i = 0; i < parts.length; i++) {
                    // Each part's gradient in its own dtype (a float32 part concatenated with a float64 one).
                    grads[i] = Engine.cast(
                            Engine.interval(g, d, off, 1, off + sizes[i]).dup('c'),
                            parts[i].dtype().nd4j());
                    off += sizes[i];
                }
                return grads;
            }
        });
    }

    /** torch.gather: out[i][j] = a[i][index[i][j]] along dim (for any rank), computed on flat buffers. */
    static Tensor gather(Tensor a, int dim, Tensor index) {
        int d = Shapes.dim("gather", dim, a.dim());
        Signature.GATHER.check(index);
        long[] in = a.shape(), is = index.shape();
        if (is.length != in.length)
            throw new ShapeException("gather: index has shape " + Shapes.str(is) + " but input has shape "
                    + Shapes.str(in) + " (same rank needed)");
        long[] flat = gatherOffsets(in, is, d, index.data().dup('c').data().asLong());
        INDArray src = a.data().dup('c').reshape(-1);
        double[] vals = new double[flat.length];
        for (int i = 0; i < flat.length; i++) vals[i] = src.getDouble(flat[i]);
        INDArray out = Factory.create(vals, is).castTo(a.data().dataType());
        return Tensor.record(out, "gather", new Tensor[] {a}, Tensor.NONE, new Node.Backward() {
            @Override
            public INDArray[] apply(INDArray g) {
                double[] acc = new double[(int) Shapes.numel(in)];
                double[] gv = g.dup('c').data().asDouble();
                for (int i = 0; i < flat.length; i++) acc[(int) flat[i]] += gv[i];
                return new INDArray[] {Factory.create(acc, in).castTo(g.dataType())};
            }
        });
    }

    private static long[] gatherOffsets(long[] in, long[] is, int d, long[] index) {
        long[] strides = new long[in.length];
        long s = 1;
        for (int k = in.length - 1; k >= 0; k--) {
            strides[k] = s;
            s *= in[k];
        }
        long[] out = new long[index.length];
        long[] pos = new long[is.length];
        for (int i = 0; i < index.length; i++) {
            long off = 0;
            for (int k = 0; k < is.length; k++) {
                long v = k == d ? index[i] : pos[k];
                if (k != d && v >= in[k])
                    throw new ShapeException("gather: index shape " + Shapes.str(is) + " exceeds input shape "
                            + Shapes.str(in) + " at dimension " + k);
                if (k == d && (v < 0 || v >= in[d]))
                    throw new IndexOutOfBoundsException(
                            "gather: index " + v + " out of range for dimension " + d + " of size " + in[d]);
                off += v * strides[k];
            }
            out[i] = off;
            for (int k = is.length - 1; k >= 0; k--) {
                if (++pos[k] < is[k]) break;
                pos[k] = 0;
            }
        }
        return out;
    }
}
