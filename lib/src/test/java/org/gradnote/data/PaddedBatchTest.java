package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.gradnote.tensor.DType;
import org.junit.jupiter.api.Test;

class PaddedBatchTest {
    @Test
    void padsToTheLongestWithAMaskOfRealTokens() {
        PaddedBatch b = PaddedBatch.of(List.of(new int[] {5, 6}, new int[] {7, 8, 9, 2}, new int[] {4}));
        assertEquals(3, b.size());
        assertEquals(4, b.time());
        assertArrayEquals(new int[] {2, 4, 1}, b.lengths());
        assertArrayEquals(new long[] {3, 4}, b.ids().shape());
        assertEquals(DType.INT64, b.ids().dtype());
        assertEquals(DType.BOOL, b.mask().dtype());
        assertArrayEquals(
                new long[] {5, 6, 0, 0, 7, 8, 9, 2, 4, 0, 0, 0}, b.ids().toLongArray());
        assertArrayEquals(
                new double[] {1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0},
                b.mask().toDouble().toDoubleArray());
    }

    @Test
    void refusesEmptyInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(List.of(new int[] {1}, new int[0])));
        assertEquals("PaddedBatch.of: sequence 1 is empty", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PaddedBatch.of(List.of()));
    }
}
