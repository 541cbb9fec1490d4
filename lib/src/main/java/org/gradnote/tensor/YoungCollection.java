package org.gradnote.tensor;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs a young-generation collection on demand, where the JVM's collector allows it cheaply, by filling eden.
 *
 * <p>Why: {@link BlockCache} needs the collector to prove a training step's dead arrays unreachable, and
 * System.gc() is a full collection (15 ms a Transformer step under the training JVMs' serial collector, 11% of the
 * step). The owners of those arrays are young: the training JVMs' eden is small, yet a step allocates less Java
 * memory than it holds, so they were all allocated since the last collection. A young collection finds them for
 * the cost of copying what survives. The JVM offers no call for one, so eden is filled with small arrays until the
 * young collector's count moves. Where eden is large (another collector, or a big -XX:NewSize) filling it would cost
 * more than a full collection saves, and {@link #run} declines.
 */
final class YoungCollection {
    /** Eden capacity above which filling it is not worth it; the training JVMs' eden is ~6.5 MB. */
    private static final long MAX_EDEN = 32L << 20;

    private static final int CHUNK = 32 << 10;

    private static final GarbageCollectorMXBean YOUNG = young();
    private static final MemoryPoolMXBean EDEN = eden();

    /** Where the filling arrays go, so that no compiler can prove them dead and skip their allocation. */
    static volatile byte[] sink;

    private YoungCollection() {}

    /**
     * Runs one young collection and returns true, or returns false having done nothing (no young collector known,
     * or eden too large to fill cheaply).
     */
    static boolean run() {
        if (YOUNG == null || EDEN == null) return false;
        long eden = EDEN.getUsage().getCommitted();
        if (eden <= 0 || eden > MAX_EDEN) return false;
        long count = YOUNG.getCollectionCount();
        // Twice eden: a collection must have happened by then, whatever was already allocated in it.
        for (long filled = 0; filled < 2 * eden + CHUNK; filled += CHUNK) {
            sink = new byte[CHUNK];
            if (YOUNG.getCollectionCount() != count) {
                sink = null;
                return true;
            }
        }
        sink = null;
        return YOUNG.getCollectionCount() != count;
    }

    /** The young-generation collectors of HotSpot's serial, parallel and G1 collectors, by their MXBean names. */
    private static GarbageCollectorMXBean young() {
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            String n = b.getName();
            if (n.equals("Copy") || n.equals("PS Scavenge") || n.equals("G1 Young Generation")) return b;
        }
        return null;
    }

    private static MemoryPoolMXBean eden() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getName().contains("Eden")) return p;
        }
        return null;
    }
}
