package org.gradnote.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * repeat, tile, chunk, split, flip and roll, composed from reshape/expand/slice/indexSelect: no gradient code of
 * their own (the gradients of expand, slice and indexSelect sum, place and scatter the pieces back).
 */
final class ShapeOps {
    private ShapeOps() {}

    /** torch's x.repeat(reps): x viewed with leading 1s to reps.length dimensions, dimension i repeated reps[i] times. */
    static Tensor repeat(Tensor x, long[] reps) {
        int n = reps.length, lead = n - x.dim();
        if (lead < 0)
            throw new ShapeException("repeat: " + n + " repeat counts " + Arrays.toString(reps)
                    + " for a tensor of shape " + Shapes.str(x.shape()) + " (at least " + x.dim() + " needed)");
        long[] s = x.shape(), padded = new long[n];
        for (int i = 0; i < n; i++) {
            if (reps[i] < 0)
                throw new IllegalArgumentException("repeat: repeat counts must be >= 0, got " + Arrays.toString(reps));
            padded[i] = i < lead ? 1 : s[i - lead];
        }
        long[] interleaved = new long[2 * n], expanded = new long[2 * n], out = new long[n];
        for (int i = 0; i < n; i++) {
            interleaved[2 * i] = 1;
            interleaved[2 * i + 1] = padded[i];
            expanded[2 * i] = reps[i];
            expanded[2 * i + 1] = padded[i];
            out[i] = reps[i] * padded[i];
        }
        if (Shapes.numel(out) == 0)
            return Tensor.zeros(x.dtype(), out).add(x.sum().mul(0));
        return x.reshape(interleaved).expand(expanded).reshape(out);
    }

    /** torch.tile: like repeat, but fewer counts than dimensions are padded with leading 1s. */
    static Tensor tile(Tensor x, long[] reps) {
        if (reps.length >= x.dim()) return repeat(x, reps);
        long[] r = new long[x.dim()];
        Arrays.fill(r, 1);
        System.arraycopy(reps, 0, r, x.dim() - reps.length, reps.length);
        return repeat(x, r);
    }

    /** torch.chunk: pieces of ceil(size / chunks) along dim, the last one smaller (fewer pieces when they run out). */
    static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        if (chunks <= 0) throw new IllegalArgumentException("chunk: chunks must be positive, got " + chunks);
        int d = Shapes.dim("chunk", dim, x.dim());
        long size = x.shape()[d];
        long step = Math.max(1, (size + chunks - 1) / chunks);
        return split(x, step, d);
    }

    /** torch.split with one size: pieces of that size along dim, the last one smaller. */
    static List<Tensor> split(Tensor x, long splitSize, int dim) {
        if (splitSize <= 0 && x.dim() > 0 && x.size(dim) > 0) {
            throw new IllegalArgumentException("split: split size must be positive, got " + splitSize);
        }
        int d = Shapes.dim("split", dim, x.dim());
        long size = x.shape()[d];
        List<Tensor> out = new ArrayList<>();
        if (size == 0) {
            out.add(empty(x, d));
            return out;
        }
        for (long s = 0; s < size; s += splitSize) out.add(x.slice(d, s, Math.min(s + splitSize, size)));
        return out;
    }

    /** torch.split with a list of sizes, which must add up to the dimension's size. */
    static List<Tensor> split(Tensor x, long[] sizes, int dim) {
        int d = Shapes.dim("split", dim, x.dim());
        long size = x.shape()[d], total = 0;
        for (long s : sizes) {
            if (s < 0) throw new IllegalArgumentException("split: sizes must be >= 0, got " + Arrays.toString(sizes));
            total += s;
        }
        if (total != size)
            throw new ShapeException("split: sizes " + Arrays.toString(sizes) + " sum to " + total + " but dimension "
                    + d + " of shape " + Shapes.str(x.shape()) + " has size " + size);
        List<Tensor> out = new ArrayList<>();
        long at = 0;
        for (long s : sizes) {
            out.add(s == 0 ? empty(x, d) : x.slice(d, at, at + s));
            at += s;
        }
        return out;
    }

    /** A piece of size 0 along d (slice cannot make one: ND4J reads an empty interval as one element). */
    private static Tensor empty(Tensor x, int d) {
        long[] s = x.shape();
        s[d] = 0;
        return Tensor.zeros(x.dtype(), s);
    }

    /** torch.flip: the order of elements reversed along each given dimension (a copy). */
    static Tensor flip(Tensor x, int[] dims) {
        int[] ds = distinct("flip", dims, x.dim());
        Tensor out = x;
        for (int d : ds) {
            int n = Math.toIntExact(x.shape()[d]);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = n - 1 - i;
            out = out.indexSelect(d, idx);
        }
        return ds.length == 0 ? x.copy() : out;
    }

    /** torch.roll over the flattened tensor: element i moves to (i + shift) mod numel, shape kept. */
    static Tensor roll(Tensor x, long shift) {
        return roll(x.flatten(), new long[] {shift}, new int[] {0}).reshape(x.shape());
    }

    /** torch.roll(x, shifts, dims): along dims[k], element i moves to (i + shifts[k]) mod size. */
    static Tensor roll(Tensor x, long[] shifts, int[] dims) {
        if (shifts.length != dims.length)
            throw new IllegalArgumentException("roll: " + shifts.length + " shifts " + Arrays.toString(shifts) + " for "
                    + dims.length + " dims " + Arrays.toString(dims));
        Tensor out = x;
        for (int k = 0; k < dims.length; k++) {
            int d = Shapes.dim("roll", dims[k], x.dim());
            int n = Math.toIntExact(x.shape()[d]);
            if (n == 0) continue;
            int s = (int) Math.floorMod(shifts[k], (long) n);
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) idx[i] = Math.floorMod(i - s, n);
            out = out.indexSelect(d, idx);
        }
        return out == x ? x.copy() : out;
    }

    /** Normalised dims, refusing repeats (torch: "dim 0 appears multiple times in the list of dims"). */
    static int[] distinct(String op, int[] dims, int rank) {
        int[] ds = new int[dims.length];
        boolean[] seen = new boolean[Math.max(rank, 1)];
        for (int i = 0; i < dims.length; i++) {
            ds[i] = Shapes.dim(op, dims[i], rank);
            if (seen[ds[i]])
                throw new IllegalArgumentException(
                        op + ": dim " + ds[i] + " appears more than once in " + Arrays.toString(dims));
            seen[ds[i]] = true;
        }
        return ds;
    }
}
