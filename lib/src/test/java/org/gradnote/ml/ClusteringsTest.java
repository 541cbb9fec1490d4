package org.gradnote.ml;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ClusteringsTest {
    @Test
    void purityIgnoresClusterNamesAndCountsMajorities() {
        assertEquals(1.0, Clusterings.purity(new int[] {2, 2, 0, 0}, new int[] {0, 0, 1, 1}), 0);
        // cluster 0 = {a, a, b} → 2, cluster 1 = {b, c, c} → 2: purity 4/6.
        assertEquals(4.0 / 6, Clusterings.purity(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2}), 1e-12);
        assertEquals(1.0, Clusterings.purity(new int[] {0, 1, 2, 3}, new int[] {0, 0, 0, 0}), 0, "singletons are pure");
    }

    @Test
    void rejectsMismatchedLengths() {
        assertThrows(IllegalArgumentException.class, () -> Clusterings.purity(new int[] {0}, new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Clusterings.purity(new int[0], new int[0]));
    }
}
