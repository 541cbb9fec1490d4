package org.gradnote.tensor;

import java.util.Arrays;

/** Small helpers for shape arithmetic and for shape text in error messages. */
final class Shapes {
    private Shapes() {}

    static String str(long[] shape) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
        return b.append(']').toString();
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** Normalises a possibly negative dimension index, naming the op when it is out of range. */
    static int dim(String op, int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException(
                    op + ": dimension " + dim + " out of range for a tensor of rank " + rank);
        }
        return dim < 0 ? dim + r : dim;
    }

    static int[] dims(String op, int[] dims, int rank) {
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) out[i] = dim(op, dims[i], rank);
        Arrays.sort(out);
        return out;
    }

    /** Resolves a single -1 in a requested shape, checking the element count matches. */
    static long[] infer(String op, long[] from, long[] to) {
        long known = 1;
        int free = -1;
        for (int i = 0; i < to.length; i++) {
            if (to[i] == -1) {
                if (free >= 0) throw new ShapeException(op + ": only one dimension can be -1, got " + str(to));
                free = i;
            } else known *= to[i];
        }
        long n = numel(from);
        long[] out = to.clone();
        if (free >= 0) {
            if (known == 0 || n % known != 0)
                throw new ShapeException(op + ": shape " + str(to) + " is invalid for input of shape " + str(from));
            out[free] = n / known;
        }
        if (numel(out) != n)
            throw new ShapeException(op + ": shape " + str(to) + " is invalid for input of shape " + str(from) + " ("
                    + n + " elements)");
        return out;
    }

    static long[] toLong(int[] a) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) r[i] = a[i];
        return r;
    }
}
