package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BufferPoolTest {
    // This class checks the AUTO policy's own choices (what starts on the heap, which sizes loop): pinned to AUTO
    // when the suite runs on a forced path.
    private ComputePath forced;

    @org.junit.jupiter.api.BeforeEach
    void pinAuto() {
        forced = Tensor.computePath();
        Tensor.setComputePath(ComputePath.AUTO);
    }

    @org.junit.jupiter.api.AfterEach
    void restorePath() {
        Tensor.setComputePath(forced);
    }

    @Test
    void freshArraysOfAKnownShapeShareItsShapeBufferButNeverTheirData() throws Exception {
        // On a thread of its own: its pool's shape cache is empty, where this thread's may already hold the most
        // shapes it keeps (MAX_SHAPES, reached when enough other test classes ran first in this JVM).
        java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                shapeBufferSharedDataNot();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() instanceof Error e) throw e;
        if (failure.get() != null) throw new AssertionError(failure.get());
    }

    private static void shapeBufferSharedDataNot() {
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT64, DataType.BOOL}) {
            long[] shape = {3, 1, 4};
            INDArray first = BufferPool.get().take(t, shape),
                    second = BufferPool.get().take(t, shape);
            assertSame(
                    first.shapeInfoDataBuffer(),
                    second.shapeInfoDataBuffer(),
                    t + ": the shape buffer is looked up once");
            assertNotSame(first.data(), second.data());
            assertArrayEquals(shape, second.shape());
            assertArrayEquals(new long[] {4, 4, 1}, second.stride());
            assertEquals('c', second.ordering());
            assertEquals(t, second.dataType());
            second.assign(1);
            first.assign(0);
            assertEquals(12.0, second.castTo(DataType.DOUBLE).sumNumber().doubleValue(), t.toString());
            // Views, reshapes and native ops on such an array behave as on any other.
            assertEquals(
                    Nd4j.ones(t, 3, 4).castTo(DataType.DOUBLE),
                    second.reshape(3, 4).castTo(DataType.DOUBLE));
        }
    }

    @Test
    void scalarsAndEmptyArraysStillComeFromNd4jItself() {
        INDArray scalar = BufferPool.get().take(DataType.FLOAT, new long[0]);
        assertEquals(0, scalar.rank());
        INDArray empty = BufferPool.get().take(DataType.FLOAT, new long[] {0, 3});
        assertEquals(0, empty.length());
        INDArray again = BufferPool.get().take(DataType.FLOAT, new long[] {0, 3});
        assertArrayEquals(new long[] {0, 3}, again.shape());
    }

    /**
     * Whether the block at address comes back to fresh arrays of the type and shape within {@code rounds}
     * collections; the arrays taken meanwhile are overwritten with -1, so a block reused too early would show in a
     * view's values.
     */
    private static boolean comesBack(long address, DataType t, long[] shape, int rounds) throws InterruptedException {
        for (int round = 0; round < rounds; round++) {
            System.gc();
            Thread.sleep(10);
            List<INDArray> taken = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                INDArray other = BufferPool.get().take(t, shape);
                if (other.data().address() == address) return true;
                other.assign(-1);
                taken.add(other); // held, so that the next take gets another block
            }
        }
        return false;
    }

    @Test
    void aDroppedArraysBlockComesBack() throws InterruptedException {
        long[] shape = {37, 29}; // sizes no other test of this class allocates
        // Earlier tests' dead arrays first: past 256 MB cached, a block that comes back is freed instead (BlockCache),
        // which once made this test fail in the whole suite.
        System.gc();
        Thread.sleep(50);
        BufferPool.blocks().release();
        INDArray a = BufferPool.get().take(DataType.FLOAT, shape);
        long address = a.data().address();
        assertEquals(0, address % BlockCache.ALIGN);
        a.assign(7);
        a = null;
        assertTrue(
                comesBack(address, DataType.FLOAT, shape, 20),
                () -> "once nothing holds it, the block comes back; "
                        + BufferPool.blocks().stats());
    }

    @Test
    void everyKindOfViewKeepsItsBlock() throws InterruptedException {
        long[] shape = {41, 23};
        for (int kind = 0; kind < 4; kind++) {
            INDArray a = BufferPool.get().take(DataType.DOUBLE, shape);
            long address = a.data().address();
            a.assign(3);
            INDArray v = switch (kind) {
                case 0 -> Engine.reshape(a, new long[] {23, 41});
                case 1 -> Engine.permute(a, new int[] {1, 0});
                case 2 ->
                    a.get(
                            org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3),
                            org.nd4j.linalg.indexing.NDArrayIndex.all());
                default -> a.reshape(41 * 23).reshape(23, 41);
            };
            a = null;
            assertFalse(comesBack(address, DataType.DOUBLE, shape, 20), "view kind " + kind + " lost its block");
            assertEquals(3.0 * v.length(), v.sumNumber().doubleValue(), "view kind " + kind + " kept its values");
        }
    }

    @Test
    void viewsShareTheDataUnderACachedShapeBufferAndMatchReshape() {
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.linspace(1, 24, 24).castTo(t).reshape(2, 3, 4);
            INDArray v = BufferPool.get().view(a, new long[] {6, 4}),
                    w = BufferPool.get().view(a, new long[] {6, 4});
            assertSame(v.shapeInfoDataBuffer(), w.shapeInfoDataBuffer(), "the shape buffer is looked up once");
            assertEquals(a.reshape(6, 4), v);
            assertArrayEquals(new long[] {4, 1}, v.stride());
            v.putScalar(4, 0, -1.0);
            assertEquals(-1.0, a.getDouble(1, 1, 0), "a view writes through to its base");
        }
        INDArray empty = Nd4j.createUninitialized(DataType.FLOAT, 0, 3);
        assertArrayEquals(
                new long[] {3, 0},
                BufferPool.get().view(empty, new long[] {3, 0}).shape());
    }

    @Test
    void smallDenseSubtractionsInJavaGiveTheNativeOpsBits() {
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray d = Nd4j.randn(t, 16, 1, 3, 3).muli(1e3),
                    src = Nd4j.randn(t, 16, 1, 3, 3).muli(1e-3);
            INDArray expected = d.dup();
            Engine.exec("subtract", new INDArray[] {expected, src}, expected);
            INDArray actual = d.dup();
            org.junit.jupiter.api.Assertions.assertTrue(SubtractLoop.subtract(actual, src));
            assertEquals(expected, actual, t.toString());
            assertArrayEquals(
                    expected.castTo(DataType.DOUBLE).data().asDouble(),
                    actual.castTo(DataType.DOUBLE).data().asDouble(),
                    0.0);
        }
        org.junit.jupiter.api.Assertions.assertFalse(
                SubtractLoop.subtract(Nd4j.zeros(DataType.INT32, 4), Nd4j.zeros(DataType.INT32, 4)));
        org.junit.jupiter.api.Assertions.assertFalse(
                SubtractLoop.subtract(Nd4j.zeros(DataType.FLOAT, 9000), Nd4j.zeros(DataType.FLOAT, 9000)),
                "large arrays stay with the native op");
    }

    @Test
    void permutedAndStridedReshapedViewsReuseTheirFirstShapeBuffer() {
        INDArray a = Nd4j.linspace(1, 60, 60).castTo(DataType.FLOAT).reshape(1, 6, 10);
        INDArray p1 = Engine.permute(a, new int[] {0, 2, 1}), p2 = Engine.permute(a, new int[] {0, 2, 1});
        assertSame(p1.shapeInfoDataBuffer(), p2.shapeInfoDataBuffer());
        assertEquals(a.permute(0, 2, 1), p2);
        assertArrayEquals(a.permute(0, 2, 1).stride(), p2.stride());
        // The transposed [1, 10, 6] read as [10, 6] is a strided view, as torch.reshape gives.
        INDArray r1 = Engine.reshape(p1, new long[] {10, 6}), r2 = Engine.reshape(p2, new long[] {10, 6});
        assertSame(r1.shapeInfoDataBuffer(), r2.shapeInfoDataBuffer());
        assertEquals(a.permute(0, 2, 1).dup('c').reshape(10, 6), r2);
        r2.putScalar(3, 2, -5.0);
        assertEquals(-5.0, a.getDouble(0, 2, 3), "a cached view still writes through to its base");
        // An offset view is left to ND4J entirely.
        INDArray tail = a.get(
                org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 6),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertEquals(tail.permute(0, 2, 1), Engine.permute(tail, new int[] {0, 2, 1}));
    }

    @Test
    void zeroGradReusesOnlyGradientsNobodyWasHanded() {
        Tensor w = Tensor.randn(20, 15).requiresGrad(true);
        w.mul(2.0).sum().backward();
        INDArray unseen = w.gradArray();
        w.zeroGrad();
        // Its memory goes back to the block cache at once, for the next array of its size under a new owner.
        assertEquals(
                unseen.data().address(),
                BufferPool.get().take(unseen.dataType(), unseen.shape()).data().address(),
                "a gradient only the optimizer read is reused");

        w.mul(3.0).sum().backward();
        Tensor seen = w.grad();
        double[] before = seen.toDoubleArray();
        w.zeroGrad();
        assertNotEquals(
                seen.data().data().address(),
                BufferPool.get()
                        .take(seen.data().dataType(), seen.data().shape())
                        .data()
                        .address(),
                "a gradient handed out is not");
        w.mul(5.0).sum().backward();
        assertArrayEquals(
                before,
                seen.toDoubleArray(),
                0.0,
                "and keeps its values, as torch's after zero_grad(set_to_none=True)");

        Tensor given = Tensor.ones(20, 15);
        w.setGrad(given);
        w.zeroGrad();
        assertNotEquals(
                given.data().data().address(),
                BufferPool.get()
                        .take(given.data().dataType(), given.data().shape())
                        .data()
                        .address(),
                "nor one the user set");
    }

    @Test
    void aLargeDeadGradientGivesItsMemoryToTheNextArrayOfItsSizeWhateverItsShape() {
        Tensor w = Tensor.randn(256, 256).requiresGrad(true);
        w.mul(2.0).sum().backward();
        INDArray unseen = w.gradArray();
        assertTrue(unseen.length() * 4 >= BufferPool.RECLAIM_MIN);
        long address = unseen.data().address();
        w.zeroGrad();
        INDArray next = BufferPool.get().take(unseen.dataType(), new long[] {128, 512});
        assertNotSame(unseen, next, "a new array, the young owner of the same memory");
        assertEquals(address, next.data().address());
    }
}
