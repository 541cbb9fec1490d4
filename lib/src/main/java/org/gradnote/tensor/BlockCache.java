package org.gradnote.tensor;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Native memory blocks that go back to a free list keyed by size once the garbage collector has proved their owner
 * unreachable, so that a fresh array's memory is a pop: neither malloc'd nor zero-filled.
 *
 * <p>Why: libnd4j zero-fills every buffer it allocates (memset on fresh, page-faulting memory), half of the native
 * time of the MLP and LSTM labs (docs/performance.md). Why it is safe: a block is reused only after the object
 * that owns it (an ND4J buffer, which every view of it references) is phantom reachable, the very moment ND4J would
 * have freed its own memory, or when {@link BufferPool} gives back a backward pass's temporaries, which no tensor
 * holds ({@link #reclaim}). The owned bytes are bounded (past the bound the caller allocates as before) and so are
 * the cached ones (past it a returned block is freed). It asks for collections itself: at the end of a backward
 * pass that lent much, when the step's forward arrays have just died (a young collection, see {@link
 * #passEnded}), and when much has been lent and nothing came back, as JavaCPP does past its maxBytes (see {@link
 * #MIN_GROWTH}). Thread-safe: one lock, taken per allocation, and the reference queue is drained by the allocating
 * threads themselves, so no thread of its own.
 */
final class BlockCache {
    /** Where the raw memory comes from (JavaCPP's malloc in production, a fake in tests). */
    interface Source {
        /** The address of {@code bytes} new bytes, or 0 when there are none. */
        long allocate(long bytes);

        void free(long address);

        /** Asks for a full garbage collection, so that the owners found unreachable give their blocks back. */
        void collect();

        /** Runs a young-generation collection and returns true, or returns false having done nothing. */
        default boolean collectYoung() {
            return false;
        }
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

    /**
     * Bytes lent during a training step past which its end asks for a collection (see {@link #passEnded}); below it a
     * step's dead arrays are left for the next one.
     */
    static final long STEP_GROWTH = Long.getLong("gradnote.stepGrowth", 16L << 20);

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
    // The leases themselves must stay reachable until queued, or they would be collected with their owners. Keyed
    // by the block's address, which identifies a lent block, so that an owner known dead can give it back at once.
    private final Map<Long, Lease> leases = new HashMap<>();
    private final Map<Long, ArrayDeque<Block>> free = new HashMap<>();
    /** The live sizes after the last {@link #LIVE_WINDOW} collections asked for, oldest first. */
    private final ArrayDeque<Long> lives = new ArrayDeque<>();

    private long cached, owned;
    /**
     * Bytes still lent right after the last collection asked for, and the fewest of those over the last {@link
     * #LIVE_WINDOW} ones: the next one is asked for when the bytes lent since grow past both {@link #MIN_GROWTH} and
     * that live size, so a workload whose arrays really grow asks geometrically less often. Blocks given back by
     * {@link #reclaim} or by the collector running on its own count against the growth.
     */
    private long base, live;
    /**
     * Bytes still lent right after the last collection asked for at the end of a backward pass (what lives between
     * training steps: parameters, optimizer state), and the most lent beyond it during the last step; both 0 before
     * the first.
     */
    private long passBase, stepGrowth;
    /** The most bytes lent at once since the last end of a backward pass. */
    private long peak;

    private long hits, misses, refused, collections, young;
    /** Bytes still lent right after the last full collection: the dead owners that only one finds grow from it. */
    private long fullBase;
    /**
     * Ends of backward passes to let by without a collection, after young ones gave back too little, twice as many
     * after each such miss in a row.
     */
    private int youngSkip, youngMisses;
    /** Whether a full collection ran since the last end of a backward pass that asked for one. */
    private boolean fullInPass;

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
        drain();
        // Past twice a step's growth too: a step's own collection comes at its end, when its arrays are dead. A full
        // one here: mid-step the step's arrays are alive, and where no training runs (inference) a young one left
        // the arrays that died old to pile up (cnn_infer: 360 MB peak against 294).
        if (growth() + bytes > Math.max(Math.max(MIN_GROWTH, live), 2 * stepGrowth)) {
            collectFull();
            settle();
        }
        peak = Math.max(peak, owned - cached + bytes);
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

    /**
     * Called when a backward pass ends, the moment a training step's forward arrays die (its graph lets go of them):
     * asks for a collection if the step lent at least {@link #STEP_GROWTH} bytes, so that the next step reuses their
     * blocks instead of fresh memory.
     */
    synchronized void passEnded() {
        drain();
        long g = owned - cached - passBase;
        // The step's need is its peak, mid-backward: at its end the temporaries are back already.
        stepGrowth = Math.max(g, peak - passBase);
        peak = 0;
        if (g < STEP_GROWTH) return;
        // After young collections gave back too little, a step's end asks for none for a while: a full one every
        // step would cost more than the memory it saves; the growth bound in take() asks for one now and then.
        if (youngSkip > 0) {
            youngSkip--;
            return;
        }
        // A full collection during the step promoted the arrays it found alive: a young one would miss them.
        if (fullInPass) collectFull();
        else if (collectYoungThenFull(g)) youngMisses = 0;
        else youngSkip = 1 << Math.min(youngMisses++, 6);
        settle();
        passBase = base;
        fullInPass = false;
    }

    /** Lends a taken block to owner: it comes back once owner is unreachable (the caller must keep owner alive). */
    synchronized void lend(Block block, Object owner) {
        leases.put(block.address, new Lease(owner, block, queue));
    }

    /** Returns a taken block that was never lent (its wrapping failed). */
    synchronized void giveBack(Block block) {
        recycle(block);
    }

    /**
     * Runs a young collection, where the source can, and takes back what it found; true when that was at least a
     * quarter of {@code expected}, the bytes the caller expects back (less means the dead owners were old).
     */
    private boolean collectYoung(long expected) {
        if (!source.collectYoung()) return false;
        collections++;
        young++;
        long want = owned - cached - expected / 4;
        awaitQueued(want);
        return owned - cached <= want;
    }

    /**
     * A young collection, followed by a full one when it gave back less than a quarter of {@code expected} (returning
     * false) or left more than {@link #MIN_GROWTH} bytes lent beyond what the last full one left: owners that died
     * old (promoted by a collection that ran while they lived) come back only from a full collection.
     */
    private boolean collectYoungThenFull(long expected) {
        boolean found = collectYoung(expected);
        if (!found || owned - cached - fullBase > MIN_GROWTH) collectFull();
        return found;
    }

    /** Asks for a full collection and takes back what it found. */
    private void collectFull() {
        fullInPass = true;
        collections++;
        source.collect();
        awaitQueued(Long.MAX_VALUE);
        fullBase = owned - cached;
    }

    /** Records the bytes still lent after a collection: the base of the next growth, and the live window. */
    private void settle() {
        base = owned - cached;
        lives.addLast(base);
        if (lives.size() > LIVE_WINDOW) lives.removeFirst();
        live = Long.MAX_VALUE;
        for (long l : lives) live = Math.min(live, l);
    }

    /** Bytes lent now beyond those still lent after the last collection asked for. */
    private long growth() {
        return owned - cached - base;
    }

    /**
     * Takes back the first lease the collection queued, waiting for it briefly, then the rest as the reference
     * handler queues them, until none came for {@link #QUIET_NANOS} and the bytes still lent are at most {@code
     * want} (or {@link #COLLECT_WAIT_MS} passed): the handler queues them one by one on its own thread, and a
     * collection judged by the first few would look as if it had found little.
     */
    private void awaitQueued(long want) {
        long deadline = System.nanoTime() + COLLECT_WAIT_MS * 1_000_000;
        try {
            Reference<?> first = queue.remove(COLLECT_WAIT_MS);
            if (first == null) return;
            takeBack((Lease) first);
            long last = System.nanoTime();
            while (true) {
                long now = System.nanoTime();
                if (drain() > 0) last = now;
                else if (now - last >= QUIET_NANOS && (owned - cached <= want || now >= deadline)) return;
                else if (owned - cached > want && now < deadline) {
                    // Short of what the caller expects: block for the next lease rather than spin.
                    Reference<?> r = queue.remove(Math.max(1, (deadline - now) / 1_000_000));
                    if (r == null) return;
                    takeBack((Lease) r);
                    last = System.nanoTime();
                } else Thread.yield();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long the queue must stay empty before a collection's leases are taken to be all queued. */
    private static final long QUIET_NANOS = 200_000;

    /** Takes back the blocks of owners the collector found unreachable since the last call. */
    private int drain() {
        int n = 0;
        Reference<?> r;
        while ((r = queue.poll()) != null) {
            if (takeBack((Lease) r)) n++;
        }
        return n;
    }

    /** Recycles a queued lease's block, unless the lease was already given back by {@link #reclaim}. */
    private boolean takeBack(Lease lease) {
        if (!leases.remove(lease.block.address, lease)) return false;
        recycle(lease.block);
        return true;
    }

    /**
     * Takes back at once the block lent at {@code address}, whose owner the caller knows to be dead (a backward
     * pass's temporaries when it ends), so that the next allocation reuses it without waiting for a collection.
     * Returns false, doing nothing, when no block is lent there (memory ND4J allocated itself). The caller must drop
     * every reference to the owner: its memory is handed out again.
     */
    synchronized boolean reclaim(long address) {
        Lease lease = leases.remove(address);
        if (lease == null) return false;
        lease.clear();
        recycle(lease.block);
        return true;
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

    /**
     * "hits/misses/refused/collections/young": allocations served from the cache, newly allocated, left to the
     * caller; collections asked, and how many of them were young ones.
     */
    synchronized String stats() {
        return hits + "/" + misses + "/" + refused + "/" + collections + "/" + young;
    }
}
