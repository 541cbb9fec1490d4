package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Engine.contiguous on the views gradnote meets: used as is when dense, else copied with the right elements. */
class EngineLayoutTest {
    private static INDArray grid() {
        return Nd4j.arange(0, 24).castTo(DataType.FLOAT).reshape('c', 4, 6);
    }

    @Test
    void denseArraysAndUnitDimensionPermutesAreUsedAsIs() {
        INDArray a = grid();
        assertSame(a, Engine.contiguous(a));
        INDArray col = Nd4j.arange(0, 5).castTo(DataType.FLOAT).reshape('c', 1, 5, 1);
        INDArray t = col.permute(0, 2, 1);
        assertSame(t, Engine.contiguous(t));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, Engine.floats(t));
    }

    @Test
    void offsetSlicesTransposesAndStridedViewsAreCopiedInOrder() {
        INDArray a = grid();
        INDArray cols = a.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5));
        INDArray rows = a.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        INDArray tr = a.transpose();
        for (INDArray v : new INDArray[] {cols, rows, tr}) {
            INDArray c = Engine.contiguous(v);
            assertArrayEquals(v.shape(), c.shape());
            assertArrayEquals(v.dup('c').data().asFloat(), Engine.floats(c), 0f);
        }
        assertArrayEquals(new float[] {2, 3, 4, 8, 9, 10, 14, 15, 16, 20, 21, 22}, Engine.floats(Engine.contiguous(cols)), 0f);
        assertArrayEquals(new float[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, Engine.floats(Engine.contiguous(rows)), 0f);
    }

    @Test
    void aFailingNativeOpThrowsWithItsNameAndTheNextCallStillWorks() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3), b = Nd4j.rand(DataType.FLOAT, 4, 5);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> Engine.exec("matmul", new INDArray[] {a, b}, Nd4j.createUninitialized(DataType.FLOAT, 2, 5)));
        assertTrue(e.getMessage().startsWith("native op matmul failed"), e.getMessage());
        INDArray c = Nd4j.rand(DataType.FLOAT, 3, 5), out = Nd4j.createUninitialized(DataType.FLOAT, 2, 5);
        Engine.exec("matmul", new INDArray[] {a, c}, out);
        assertEquals(a.mmul(c), out);
    }
}
