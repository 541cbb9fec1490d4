package org.gradnote.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.pointers.PagedPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.cpu.nativecpu.NDArray;
import org.nd4j.linalg.cpu.nativecpu.buffer.LongBuffer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recycles the arrays that a backward pass allocates, like PyTorch's caching allocator but scoped.
 *
 * <p>Why: native allocation was a large share of a training step (docs/performance.md, "BufferPool"). Why it is safe:
 * every array {@link Engine#empty} hands out while a backward pass runs is a gradient temporary; leaves and
 * retained gradients keep copies, never these arrays, so when the pass ends without error they are all dead: a
 * large one's memory goes back to {@link BlockCache} at once, for the next allocations (forward or backward) under
 * new owners, a small one to a per-thread free list keyed by type and shape. A failed pass recycles nothing.
 * Primitives may also {@link #give} back scratch arrays no tensor holds (conv's column matrix) once they are dead.
 *
 * <p>Why new owners for large arrays rather than the arrays themselves, as this pool once kept them all: a forward
 * output served from an array that had lived through earlier collections is an old object, which only a full
 * collection proves dead; fresh, it dies young, and the young collection at the step's end finds it
 * (docs/performance.md, session 22).
 *
 * <p>The arrays it cannot recycle so (forward outputs, whose holders only the GC knows) get fresh memory from
 * {@link BlockCache}: blocks that return once the GC proved their buffer unreachable, never zero-filled, where
 * libnd4j's own allocation zero-fills every buffer.
 */
final class BufferPool {
    private static final int MAX_PER_SHAPE = 8;
    private static final long MAX_BYTES = 256L << 20;

    private record Key(DataType type, long[] shape) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type == type && Arrays.equals(k.shape, shape);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + Arrays.hashCode(shape);
        }
    }

    private final Map<Key, ArrayDeque<INDArray>> free = new HashMap<>();
    private long bytes;
    private List<INDArray> arena;
    private List<INDArray> given = new ArrayList<>();

    // Lambdas and method references are avoided on the per-step paths of this package: each call site is linked
    // the first time it runs (~0.3-1 ms of interpreted method-handle work on JDK 17, class archive or not), which is
    // what a short training run's first epoch was mostly made of.
    private static final ThreadLocal<BufferPool> POOL = new ThreadLocal<>() {
        @Override
        protected BufferPool initialValue() {
            return new BufferPool();
        }
    };

    static BufferPool get() {
        return POOL.get();
    }

    /** A c-order array of the shape, recycled when one is free; recorded if a backward pass is running. */
    INDArray take(DataType type, long[] shape) {
        ArrayDeque<INDArray> q = free.isEmpty() ? null : free.get(new Key(type, shape));
        INDArray a;
        if (q != null && !q.isEmpty()) {
            a = q.pop();
            bytes -= a.length() * type.width();
        } else a = fresh(type, shape);
        if (arena != null) arena.add(a);
        return a;
    }

    /** The shape buffers of the shapes allocated on this thread (native constants, like ND4J's own shape cache). */
    private final Map<Key, Object[]> shapes = new HashMap<>();

    private static final int MAX_SHAPES = 1024;

    /**
     * A new uninitialised c-order array. Why not Nd4j.createUninitialized every time: it builds the shape buffer
     * through JNI with two temporary native pointers (each a JavaCPP allocation with its own deallocator), only for
     * ND4J to find it in its constant cache. A shape's buffer never changes and ND4J shares it between arrays
     * itself, so it is fetched once per shape and thread and a fresh array costs its data buffer only.
     */
    private INDArray fresh(DataType type, long[] shape) {
        Object[] info = shapeInfo(type, shape);
        if (info == null) return Nd4j.createUninitialized(type, shape);
        long n = 1;
        for (long d : shape) n *= d;
        return new NDArray(buffer(type, n), (LongBuffer) info[0], (long[]) info[1]);
    }

    /**
     * The native memory of fresh arrays, shared by all threads: JavaCPP's malloc, its bytes bounded by JavaCPP's
     * maxBytes (the heap's maximum unless set; none if set to 0), past which ND4J allocates as before, and at most
     * 256 MB of it cached. In a holder so that JavaCPP is first touched by the first allocation, after {@link
     * Engine#configureNative} has run.
     */
    private static final class Blocks {
        static final BlockCache CACHE = new BlockCache(
                new BlockCache.Source() {
                    @Override
                    public long allocate(long bytes) {
                        Pointer p = Pointer.malloc(bytes);
                        return p == null || p.isNull() ? 0 : p.address();
                    }

                    @Override
                    public void free(long address) {
                        Pointer.free(new PagedPointer(address));
                    }

                    @Override
                    public void collect() {
                        System.gc();
                    }

                    @Override
                    public boolean collectYoung() {
                        return YoungCollection.run();
                    }
                },
                256L << 20,
                Pointer.maxBytes() > 0 ? Pointer.maxBytes() : Long.MAX_VALUE);
    }

    /** The cache fresh arrays' memory comes from. */
    static BlockCache blocks() {
        return Blocks.CACHE;
    }

    /** Fills every fresh buffer with 0xFF bytes (NaN, -1, true): a diagnostic for code that reads before it writes. */
    static final boolean POISON = Boolean.getBoolean("gradnote.poisonFreshBuffers");

    /**
     * An uninitialised buffer of n elements wrapping a {@link #blocks} block, which returns to the cache when the
     * buffer (held by the array and by every view of it) is unreachable. Why not Nd4j.createBuffer(type, n, false):
     * libnd4j zero-fills each new buffer, on fresh pages (docs/performance.md, "2026-12-06"). ND4J does not own
     * the wrapped memory: its deallocator frees only its own record of the buffer.
     */
    private static DataBuffer buffer(DataType type, long n) {
        if (!type.isNumerical() && type != DataType.BOOL) return Nd4j.createBuffer(type, n, false);
        long bytes = n * type.width();
        BlockCache blocks = Blocks.CACHE;
        BlockCache.Block block = blocks.take(bytes);
        if (block == null) return Nd4j.createBuffer(type, n, false);
        DataBuffer b;
        try {
            PagedPointer p = new PagedPointer(block.address);
            if (POISON) Pointer.memset(p, 0xFF, bytes);
            // In elements: ND4J's typed pointer and indexer copy these as they are.
            p.capacity(n).limit(n);
            b = Nd4j.createBuffer(p, n, type);
        } catch (RuntimeException | Error e) {
            blocks.giveBack(block);
            throw e;
        }
        blocks.lend(block, b);
        return b;
    }

    /**
     * A c-order view of a dense, offset-free array in another shape of the same length, sharing its data. Why not
     * INDArray.reshape: it builds the view's shape buffer through JNI each time, a native buffer whose bookkeeping
     * outlives the view until the next garbage collection (Flatten's reshape and its gradient's, every step).
     */
    INDArray view(INDArray a, long[] shape) {
        Object[] info = shapeInfo(a.dataType(), shape);
        return info == null ? a.reshape('c', shape) : new NDArray(a.data(), (LongBuffer) info[0], (long[]) info[1]);
    }

    private record ViewKey(long[] base, long[] how) {
        @Override
        public boolean equals(Object o) {
            return o instanceof ViewKey k && Arrays.equals(k.base, base) && Arrays.equals(k.how, how);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(base) + Arrays.hashCode(how);
        }
    }

    private final Map<ViewKey, Object[]> views = new HashMap<>();

    /** Tags of {@link #derivedView}'s {@code how}: followed by the new shape, or by the permutation. */
    static final long RESHAPE = 0, PERMUTE = 1;

    /**
     * A view ND4J makes of a, described by {@code how}: {@link #RESHAPE} and the shape (a strided reshape, null when
     * the strides allow none) or {@link #PERMUTE} and the order. Its shape buffer is cached on the first call: the
     * view's layout depends only on a's shape information and on {@code how}. Why: ND4J wraps the shape buffer of
     * every view in a new native-backed object whose bookkeeping lives until the next garbage collection (the meteo
     * CNN makes six per epoch).
     */
    INDArray derivedView(INDArray a, long[] how) {
        if (a.offset() != 0 || a.isEmpty()) return derive(a, how);
        ViewKey key = new ViewKey(a.shapeInfoJava(), how);
        Object[] info = views.get(key);
        if (info != null) return new NDArray(a.data(), (LongBuffer) info[0], (long[]) info[1]);
        INDArray v = derive(a, how);
        // Same memory from offset 0 (newShapeNoCopy wraps a's memory in a new buffer object; a's own serves as well).
        if (v != null
                && v.data().address() == a.data().address()
                && v.offset() == 0
                && views.size() < MAX_SHAPES
                && v.shapeInfoDataBuffer() instanceof LongBuffer lb) {
            views.put(new ViewKey(a.shapeInfoJava().clone(), how.clone()), new Object[] {lb, v.shapeInfoJava()});
        }
        return v;
    }

    private static INDArray derive(INDArray a, long[] how) {
        long[] args = Arrays.copyOfRange(how, 1, how.length);
        if (how[0] == RESHAPE) return org.nd4j.linalg.api.shape.Shape.newShapeNoCopy(a, args, false);
        int[] order = new int[args.length];
        for (int i = 0; i < order.length; i++) order[i] = (int) args[i];
        return a.permute(order);
    }

    /** The cached native and Java shape information of a non-empty c-order shape, or null for an empty one. */
    private Object[] shapeInfo(DataType type, long[] shape) {
        Object[] info = shapes.get(new Key(type, shape));
        if (info != null) return info;
        for (long d : shape) if (d == 0) return null;
        Pair<DataBuffer, long[]> made = Nd4j.getShapeInfoProvider().createShapeInformation(shape.clone(), 'c', type);
        info = new Object[] {made.getFirst(), made.getSecond()};
        if (shapes.size() < MAX_SHAPES) shapes.put(new Key(type, shape.clone()), info);
        return info;
    }

    /**
     * Returns an array its owner knows to be dead (a primitive's scratch). During a backward pass it waits for the
     * pass to end, as it may also be among the recorded arrays (and must not be freed twice).
     */
    void give(INDArray a) {
        if (arena != null) given.add(a);
        else free(a);
    }

    /**
     * Takes an array the running pass allocated out of its recording, so that it outlives the pass: a leaf's
     * gradient can then be this array instead of a copy of it (one native allocation and copy per parameter and
     * step saved). Returns false, keeping nothing, for an array the pass did not allocate or already handed out.
     */
    boolean adopt(INDArray a) {
        if (arena == null) return false;
        for (int i = arena.size() - 1; i >= 0; i--) {
            if (arena.get(i) == a) {
                arena.remove(i);
                for (int j = given.size() - 1; j >= 0; j--) if (given.get(j) == a) given.remove(j);
                return true;
            }
        }
        return false;
    }

    /** Starts recording allocations; returns false when a pass is already recording (nested backward). */
    boolean open() {
        if (arena != null) return false;
        arena = new ArrayList<>();
        return true;
    }

    /** Ends recording; on success the recorded arrays become free, on failure they are left to the GC. */
    void close(boolean recycle) {
        List<INDArray> done = arena;
        arena = null;
        List<INDArray> late = given;
        given = new ArrayList<>();
        if (!recycle || done == null) return;
        Set<INDArray> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (INDArray a : done) if (seen.add(a)) free(a);
        for (INDArray a : late) if (seen.add(a)) free(a);
    }

    /**
     * Arrays of at least this many bytes give their block back rather than themselves: below it, an array kept for
     * its shape saves more (a fresh one costs its objects and their bookkeeping, microseconds that the smallest labs'
     * steps are made of) than the little memory only a full collection would otherwise find.
     */
    static final long RECLAIM_MIN = 64 << 10;

    /**
     * Gives a dead array's memory back: a large one's block to {@link BlockCache} when it has one, so that the next
     * array of any shape reuses it under a new, young owner (the young collection at a step's end then finds the
     * step's arrays), else the array itself to this thread's free list of its shape.
     */
    private void free(INDArray a) {
        long size = a.length() * a.dataType().width();
        if (size >= RECLAIM_MIN && Blocks.CACHE.reclaim(a.data().address())) return;
        if (bytes + size > MAX_BYTES) return;
        Key key = new Key(a.dataType(), a.shape().clone());
        ArrayDeque<INDArray> q = free.get(key);
        if (q == null) free.put(key, q = new ArrayDeque<>());
        if (q.size() >= MAX_PER_SHAPE) return;
        q.push(a);
        bytes += size;
    }
}
