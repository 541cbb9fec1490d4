package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native memory stays bounded over many calls on one cached op context. Arrays of 1 MB are malloc'd with mmap
 * and given back to the OS when freed, so the process's resident size tracks what is really held.
 */
class NativeMemoryTest {
    /** Resident size growth in MB over calls 300 to 1500 of the given step, with a GC every 100 calls. */
    static long growthMb(Runnable step) throws InterruptedException {
        long before = 0;
        for (int k = 0; k < 1500; k++) {
            step.run();
            if (k % 100 == 99) {
                System.gc();
                Thread.sleep(20);
            }
            if (k == 299) before = Pointer.physicalBytes();
        }
        return (Pointer.physicalBytes() - before) >> 20;
    }

    @Test
    void aCachedContextDoesNotKeepEveryOutputItWrote() throws InterruptedException {
        INDArray x = Nd4j.rand(DataType.FLOAT, 512, 512);
        // Before the fix the context held every output: +1 MB per call, ~1.2 GB here.
        long mb = growthMb(() -> Engine.exec(
                "relu",
                new INDArray[] {x},
                new INDArray[] {Nd4j.createUninitialized(DataType.FLOAT, 512, 512)},
                null,
                null,
                new double[] {0}));
        assertTrue(mb < 300, "resident size grew by " + mb + " MB over 1200 relu calls with fresh 1 MB outputs");
    }
}
