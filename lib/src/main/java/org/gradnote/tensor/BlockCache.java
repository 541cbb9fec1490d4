package org.gradnote.tensor;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Native memory blocks that go back to a free list keyed by size once the garbage collector has proved their owner
 * unreachable, so that a fresh array's memory is a pop: neither malloc'd nor zero-filled.
 *
 * <p>Why: libnd4j zero-fills every buffer it allocates (memset on fresh, page-faulting memory), half of the native
 * time of the MLP and LSTM labs (docs/performance.md). Why it is safe: a block is reused only after the object
 * that owns it (an ND4J buffer, which every view of it references) is phantom reachable, the very moment ND4J would
 * have freed its own memory; nothing is ever freed or reused because a caller says so. The owned bytes are bounded
 * (past the bound the caller allocates as before) and so are the cached ones (past it a returned block is freed).
 * When much has been lent and nothing came back, it asks for a collection itself, as JavaCPP does past its maxBytes
 * (see {@link #MIN_GROWTH}). Thread-safe: one lock, taken per allocation, and the reference queue is drained by the
 * allocating threads themselves, so no thread of its own.
 */
final class BlockCache {
    /** Where the raw memory comes from (JavaCPP's malloc in production, a fake in tests). */
    interface Source {
        /** The address of {@code bytes} new bytes, or 0 when there are none. */
        long allocate(long bytes);

        void free(long address);

        /** Asks for a garbage collection, so that the owners found unreachable give their blocks back. */
        void collect();
    }

    /** Alignment of a block's address in bytes; libnd4j aligns its own to 32. */
    static final long ALIGN = 64;

    /** One block: its malloc'd address, its aligned start and its usable size. */
    static final class Block {
        final long raw, address, bytes;

        Block(long raw, long bytes) {
            this.raw = raw;
            this.address = (raw + ALIGN - 1) & -ALIGN;
            this.bytes = bytes;
        }
    }

    /** A block lent to an owner, queued when the owner becomes phantom reachable. */
    private static final class Lease extends PhantomReference<Object> {
        final Block block;

        Lease(Object owner, Block block, ReferenceQueue<Object> queue) {
            super(owner, queue);
            this.block = block;
        }
    }

    /**
     * Bytes lent without any coming back after which a collection is asked for, at least. Why ask: a training step
     * makes little Java garbage, so young collections are rare (mlp_toy: 3 in 1000 epochs) and, waiting for them,
     * the dead arrays' memory grew to 260 MB of cold, freshly faulted pages; a full collection of a small heap costs
     * a few milliseconds.
     */
    static final long MIN_GROWTH = Long.getLong("gradnote.blockGrowth", 64L << 20);

    /** How long a collection waits for its first dead owner to be queued. */
    private static final long COLLECT_WAIT_MS = 20;

    /**
     * The collections over which the smallest live size is taken as the workload's own: one that ran mid-step, or
     * before the dead owners were queued, must not alone let the next interval lend that much more.
     */
    private static final int LIVE_WINDOW = 3;

    private final Source source;
    private final long maxCached, maxOwned;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    // The leases themselves must stay reachable until queued, or they would be collected with their owners.
    private final Set<Lease> leases = new HashSet<>();
    private final Map<Long, ArrayDeque<Block>> free = new HashMap<>();
    /** The live sizes after the last {@link #LIVE_WINDOW} collections asked for, oldest first. */
    private final ArrayDeque<Long> lives = new ArrayDeque<>();

    private long cached, owned;
    /**
     * Bytes lent since blocks last came back, and the fewest bytes still lent right after one of the last
     * {@link #LIVE_WINDOW} collections asked for: the next one is asked for when the lending passes both
     * {@link #MIN_GROWTH} and that live size, so a workload whose arrays really grow asks geometrically less often.
     */
    private long lentSince, live;

    private long hits, misses, refused, collections;

    BlockCache(Source source, long maxCached, long maxOwned) {
        this.source = source;
        this.maxCached = maxCached;
        this.maxOwned = maxOwned;
    }

    /**
     * A block of exactly {@code bytes} usable bytes, its content whatever its last owner left (or never written), not
     * yet lent: pass it to {@link #lend} or {@link #giveBack}. Null when the owned bytes would pass their bound even
     * after freeing every cached block (the caller then allocates some other way).
     */
    synchronized Block take(long bytes) {
        // Blocks coming back mean the collector ran by itself: no need to ask for it.
        if (drain() > 0) lentSince = 0;
        lentSince += bytes;
        if (lentSince > Math.max(MIN_GROWTH, live)) collect();
        ArrayDeque<Block> q = free.get(bytes);
        if (q != null && !q.isEmpty()) {
            cached -= bytes;
            hits++;
            return q.pop();
        }
        if (owned + bytes > maxOwned) trim();
        if (owned + bytes > maxOwned) {
            refused++;
            return null;
        }
        long raw = source.allocate(bytes + ALIGN - 1);
        if (raw == 0) {
            trim();
            raw = source.allocate(bytes + ALIGN - 1);
            if (raw == 0) {
                refused++;
                return null;
            }
        }
        owned += bytes;
        misses++;
        return new Block(raw, bytes);
    }

    /** Lends a taken block to owner: it comes back once owner is unreachable (the caller must keep owner alive). */
    synchronized void lend(Block block, Object owner) {
        leases.add(new Lease(owner, block, queue));
    }

    /** Returns a taken block that was never lent (its wrapping failed). */
    synchronized void giveBack(Block block) {
        recycle(block);
    }

    /**
     * Asks for a collection and takes back what it found, waiting briefly for the collector's reference handler to
     * queue the dead owners' leases (it runs on its own thread, after the collection returns).
     */
    private void collect() {
        lentSince = 0;
        collections++;
        source.collect();
        try {
            Reference<?> first = queue.remove(COLLECT_WAIT_MS);
            if (first != null) {
                Lease lease = (Lease) first;
                leases.remove(lease);
                recycle(lease.block);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
        lives.addLast(owned - cached);
        if (lives.size() > LIVE_WINDOW) lives.removeFirst();
        live = Long.MAX_VALUE;
        for (long l : lives) live = Math.min(live, l);
    }

    /** Takes back the blocks of owners the collector found unreachable since the last call. */
    private int drain() {
        int n = 0;
        Reference<?> r;
        while ((r = queue.poll()) != null) {
            Lease lease = (Lease) r;
            leases.remove(lease);
            recycle(lease.block);
            n++;
        }
        return n;
    }

    private void recycle(Block block) {
        if (cached + block.bytes > maxCached) {
            source.free(block.raw);
            owned -= block.bytes;
            return;
        }
        ArrayDeque<Block> q = free.get(block.bytes);
        if (q == null) free.put(block.bytes, q = new ArrayDeque<>());
        q.push(block);
        cached += block.bytes;
    }

    /** Frees every cached block. */
    private void trim() {
        for (ArrayDeque<Block> q : free.values()) {
            for (Block b : q) {
                source.free(b.raw);
                owned -= b.bytes;
            }
        }
        free.clear();
        cached = 0;
    }

    /** Frees the cached blocks and takes back those of unreachable owners first (for tests and memory pressure). */
    synchronized void release() {
        drain();
        trim();
    }

    /** Bytes held, lent or cached. */
    synchronized long ownedBytes() {
        return owned;
    }

    /** Bytes cached, ready for reuse. */
    synchronized long cachedBytes() {
        drain();
        return cached;
    }

    /** Blocks lent and not yet taken back. */
    synchronized int lent() {
        drain();
        return leases.size();
    }

    /** "hits/misses/refused/collections": allocations served from the cache, newly allocated, left to the caller; GCs asked. */
    synchronized String stats() {
        return hits + "/" + misses + "/" + refused + "/" + collections;
    }
}
