package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** BlockCache's rules on fake memory: reuse only after the owner is unreachable, and every bound. */
class BlockCacheTest {
    /** Fake addresses, with a record of what was allocated, freed and collected. */
    static final class FakeSource implements BlockCache.Source {
        long next = 1 << 20;
        final Set<Long> live = new HashSet<>();
        int allocations, frees, collections, youngCollections;
        boolean exhausted;
        /** Whether collectYoung runs one (a real young collection: this test's owners are young or unreachable). */
        boolean young;

        @Override
        public long allocate(long bytes) {
            if (exhausted) return 0;
            allocations++;
            long a = next;
            next += bytes + 4096;
            live.add(a);
            return a;
        }

        @Override
        public void free(long address) {
            frees++;
            assertTrue(live.remove(address), "freed twice or never allocated: " + address);
        }

        @Override
        public void collect() {
            collections++;
            gcAndAwaitTheReferenceHandler();
        }

        @Override
        public boolean collectYoung() {
            if (!young) return false;
            youngCollections++;
            gcAndAwaitTheReferenceHandler();
            return true;
        }
    }

    /**
     * System.gc(), then a wait (up to a second) until the reference handler has queued an echo made before it: the
     * cache waits 20 ms for the dead owners' leases, and under a loaded full suite the handler had not run by then
     * (a young collection taken for a miss, then a full one 9 steps early).
     */
    private static void gcAndAwaitTheReferenceHandler() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        PhantomReference<Object> echo = new PhantomReference<>(new Object(), queue);
        System.gc();
        try {
            queue.remove(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Reference.reachabilityFence(echo);
    }

    /** Collects until the cache has taken back every block whose owner is gone (bounded: fails rather than hangs). */
    private static void collectUntil(BlockCache cache, int lent) throws InterruptedException {
        for (int i = 0; i < 100 && cache.lent() > lent; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(lent, cache.lent(), "blocks still lent after the collections");
    }

    @Test
    void aBlockIsReusedOnlyOnceItsOwnerIsUnreachable() throws InterruptedException {
        FakeSource src = new FakeSource();
        BlockCache cache = new BlockCache(src, 1 << 20, 1 << 30);
        Object owner = new Object();
        BlockCache.Block first = cache.take(1000);
        cache.lend(first, owner);
        assertEquals(0, first.address % BlockCache.ALIGN, "aligned");
        assertTrue(first.address >= first.raw && first.address + 1000 <= first.raw + 1000 + BlockCache.ALIGN - 1);

        System.gc();
        BlockCache.Block second = cache.take(1000);
        assertNotEquals(first.address, second.address, "the owner still holds the first block");
        cache.lend(second, new Object());
        assertNotNull(owner);

        owner = null;
        collectUntil(cache, 0);
        BlockCache.Block again = cache.take(1000);
        assertTrue(again.address == first.address || again.address == second.address, "a block came back");
        assertEquals(2, src.allocations, "no new allocation once blocks are back");
        assertEquals(0, src.frees);
    }

    @Test
    void blocksAreKeyedByTheirExactSize() throws InterruptedException {
        FakeSource src = new FakeSource();
        BlockCache cache = new BlockCache(src, 1 << 20, 1 << 30);
        cache.lend(cache.take(1000), new Object());
        collectUntil(cache, 0);
        cache.take(2000);
        assertEquals(2, src.allocations, "a 1000-byte block does not serve 2000 bytes");
        cache.take(1000);
        assertEquals(2, src.allocations, "it serves 1000");
    }

    @Test
    void cachedBytesStayUnderTheirBoundAndTheRestIsFreed() throws InterruptedException {
        FakeSource src = new FakeSource();
        BlockCache cache = new BlockCache(src, 3000, 1 << 30);
        for (int i = 0; i < 5; i++) cache.lend(cache.take(1000), new Object());
        collectUntil(cache, 0);
        assertEquals(3000, cache.cachedBytes());
        assertEquals(2, src.frees, "two of five blocks freed");
        assertEquals(3000, cache.ownedBytes());
        cache.release();
        assertEquals(0, cache.ownedBytes());
        assertTrue(src.live.isEmpty(), "every block freed once");
    }

    @Test
    void pastTheOwnedBoundTheCallerIsToldToAllocateElsewhere() throws InterruptedException {
        FakeSource src = new FakeSource();
        BlockCache cache = new BlockCache(src, 1 << 20, 2500);
        List<Object> owners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Object o = new Object();
            owners.add(o);
            cache.lend(cache.take(1000), o);
        }
        assertNull(cache.take(1000), "a third block would pass 2500 bytes");
        // A cached block of another size is freed to make room.
        owners.remove(1);
        collectUntil(cache, 1);
        assertNotNull(cache.take(1500));
        assertEquals(1, src.frees);
        assertNotNull(owners.get(0));
    }

    @Test
    void aFailedAllocationIsReportedAsNoBlock() {
        FakeSource src = new FakeSource();
        src.exhausted = true;
        assertNull(new BlockCache(src, 1 << 20, 1 << 30).take(700));
    }

    @Test
    void muchLendingWithNothingBackAsksForACollection() {
        FakeSource src = new FakeSource();
        BlockCache cache = new BlockCache(src, 1L << 40, 1L << 40);
        long block = 1 << 20;
        List<Object> owners = new ArrayList<>();
        for (long lent = 0; lent < BlockCache.MIN_GROWTH; lent += block) {
            Object o = new Object();
            owners.add(o);
            cache.lend(cache.take(block), o);
        }
        assertEquals(0, src.collections, "not before MIN_GROWTH bytes");
        Object o = new Object();
        owners.add(o);
        cache.lend(cache.take(block), o);
        assertEquals(1, src.collections);
        // Everything is still held: the next collection waits for as many bytes again as are live (the block
        // taken at the collection counts among them).
        for (int i = 0; i < BlockCache.MIN_GROWTH / block - 1; i++) cache.lend(cache.take(block), owners.get(0));
        assertEquals(1, src.collections, "live bytes raised the threshold");
        assertEquals(owners.size(), src.allocations - (BlockCache.MIN_GROWTH / block - 1));
    }

    @Test
    void oneCollectionThatFindsMuchLiveDoesNotAloneRaiseTheThreshold() {
        FakeSource src = new FakeSource();
        BlockCache cache = new BlockCache(src, 1L << 40, 1L << 40);
        long block = 1 << 20;
        int perInterval = (int) (BlockCache.MIN_GROWTH / block) + 1;
        List<Object> owners = new ArrayList<>();
        for (int c = 1; c <= 3; c++) {
            for (int i = 0; i < perInterval; i++) {
                Object o = new Object();
                owners.add(o);
                cache.lend(cache.take(block), o);
            }
            // The first collection saw MIN_GROWTH live, the second twice that: the threshold stays at the smaller.
            assertEquals(c, src.collections, "collection " + c + " after another MIN_GROWTH bytes");
        }
        assertEquals(3 * perInterval, owners.size());
    }

    @Test
    void aReclaimedBlockIsReusedAtOnceAndNeverTwice() throws InterruptedException {
        FakeSource src = new FakeSource();
        BlockCache cache = new BlockCache(src, 1 << 20, 1 << 30);
        Object owner = new Object();
        BlockCache.Block b = cache.take(4096);
        cache.lend(b, owner);
        assertTrue(cache.reclaim(b.address));
        assertFalse(cache.reclaim(b.address), "a block is given back once");
        assertFalse(cache.reclaim(12345), "no block is lent there");
        assertEquals(0, cache.lent());
        BlockCache.Block again = cache.take(4096);
        assertSame(b, again, "reused without a collection");
        Object next = new Object();
        cache.lend(again, next);
        // The first owner dying later must not give the block back while the second holds it.
        owner = null;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertEquals(1, cache.lent());
        assertEquals(0, cache.cachedBytes());
        assertNotNull(next);
    }

    /** Lends {@code count} blocks of 1 MB to fresh owners, kept in {@code owners} when it is not null. */
    private static void lend(BlockCache cache, int count, List<Object> owners) {
        for (int i = 0; i < count; i++) {
            Object o = new Object();
            if (owners != null) owners.add(o);
            cache.lend(cache.take(1 << 20), o);
        }
    }

    @Test
    void theEndOfAPassCollectsYoungWhenTheStepLentEnough() {
        FakeSource src = new FakeSource();
        src.young = true;
        BlockCache cache = new BlockCache(src, 1L << 40, 1L << 40);
        int step = (int) (BlockCache.STEP_GROWTH >> 20);
        lend(cache, step - 1, null);
        cache.passEnded();
        assertEquals(0, src.youngCollections, "not below STEP_GROWTH");
        lend(cache, 1, null);
        cache.passEnded();
        assertEquals(1, src.youngCollections);
        assertEquals(0, src.collections, "the young one found the dead owners: no full one");
        lend(cache, step, null);
        cache.passEnded();
        assertEquals(2, src.youngCollections);
        assertTrue(cache.stats().endsWith("/2/2"), cache.stats());
    }

    @Test
    void aYoungCollectionThatFindsTooLittleIsFollowedByAFullOneAndThenLeftOut() {
        FakeSource src = new FakeSource();
        src.young = true;
        BlockCache cache = new BlockCache(src, 1L << 40, 1L << 40);
        int step = (int) (BlockCache.STEP_GROWTH >> 20);
        List<Object> held = new ArrayList<>();
        lend(cache, step, held);
        cache.passEnded();
        assertEquals(1, src.youngCollections);
        assertEquals(1, src.collections, "a full one after the young one found nothing");
        // The next step's end is let by (skipped once after the first miss), the one after tries young again.
        lend(cache, step, held);
        cache.passEnded();
        assertEquals(1, src.youngCollections);
        assertEquals(1, src.collections);
        lend(cache, step, held);
        cache.passEnded();
        assertEquals(2, src.youngCollections);
        assertEquals(2, src.collections);
        assertEquals(3 * step, held.size());
    }

    @Test
    void deadOwnersThatOnlyAFullCollectionFindsAreBounded() {
        // A young collection that finds this step's dead owners but not older ones still lent: once those pass
        // MIN_GROWTH beyond what the last full collection left, a full one follows.
        FakeSource src = new FakeSource();
        src.young = true;
        BlockCache cache = new BlockCache(src, 1L << 40, 1L << 40);
        List<Object> held = new ArrayList<>();
        int step = (int) (BlockCache.STEP_GROWTH >> 20);
        int steps = 0;
        while (src.collections == 0 && steps < 100) {
            lend(cache, 1, held); // "old" owners, still lent after each young collection
            lend(cache, step, null);
            cache.passEnded();
            steps++;
        }
        assertEquals(1, src.collections);
        assertEquals(BlockCache.MIN_GROWTH >> 20, held.size() - 1, "the full one once MIN_GROWTH more was held");
    }
}
