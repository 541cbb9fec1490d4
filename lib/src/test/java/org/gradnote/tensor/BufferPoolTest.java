package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class BufferPoolTest {
    @Test
    void freshArraysOfAKnownShapeShareItsShapeBufferButNeverTheirData() {
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT64, DataType.BOOL}) {
            long[] shape = {3, 1, 4};
            INDArray first = BufferPool.get().take(t, shape), second = BufferPool.get().take(t, shape);
            assertSame(first.shapeInfoDataBuffer(), second.shapeInfoDataBuffer(), t + ": the shape buffer is looked up once");
            assertNotSame(first.data(), second.data());
            assertArrayEquals(shape, second.shape());
            assertArrayEquals(new long[] {4, 4, 1}, second.stride());
            assertEquals('c', second.ordering());
            assertEquals(t, second.dataType());
            second.assign(1);
            first.assign(0);
            assertEquals(12.0, second.castTo(DataType.DOUBLE).sumNumber().doubleValue(), t.toString());
            // Views, reshapes and native ops on such an array behave as on any other.
            assertEquals(Nd4j.ones(t, 3, 4).castTo(DataType.DOUBLE), second.reshape(3, 4).castTo(DataType.DOUBLE));
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
}
