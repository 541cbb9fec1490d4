package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The raw bulk copies read and write what NIO would, and refuse a range outside either side. */
class MemoryTest {
    @Test
    void floatAndDoubleRoundTripsMatchNio() {
        INDArray f = Nd4j.linspace(1, 10, 10).castTo(DataType.FLOAT);
        float[] fs = new float[12];
        Memory.get(f, fs, 2, 10);
        assertEquals(1f, fs[2]);
        assertEquals(10f, fs[11]);
        fs[2] = -7f;
        Memory.put(f, fs, 2, 3);
        assertEquals(-7f, f.data().asNioFloat().get(0));
        assertEquals(4f, f.getFloat(3));

        INDArray d = Nd4j.linspace(1, 6, 6).castTo(DataType.DOUBLE).reshape(2, 3);
        double[] ds = new double[6];
        Memory.get(d, ds, 0, 6);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, ds, 0.0);
        ds[5] = 0.5;
        Memory.put(d, ds, 0, 6);
        assertEquals(0.5, d.getDouble(1, 2));
    }

    @Test
    void outOfRangeOrMismatchedCopiesThrowInsteadOfTouchingMemory() {
        INDArray f = Nd4j.zeros(DataType.FLOAT, 4);
        assertThrows(
                IndexOutOfBoundsException.class, () -> Memory.get(f, new float[8], 0, 5), "past the native buffer");
        assertThrows(IndexOutOfBoundsException.class, () -> Memory.put(f, new float[3], 0, 4), "past the Java array");
        assertThrows(IndexOutOfBoundsException.class, () -> Memory.get(f, new float[4], 2, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> Memory.get(f, new double[4], 0, 4),
                "float buffer read as doubles");
    }

    @Test
    void buffersOfOffsetViewsKeepTheNioRoute() {
        INDArray big = Nd4j.linspace(1, 20, 20).castTo(DataType.FLOAT).reshape(4, 5);
        INDArray rows = big.get(NDArrayIndex.interval(2, 4), NDArrayIndex.all());
        float[] viaMemory =
                new float[rows.data().length() > 0 ? (int) rows.data().length() : 0];
        float[] viaNio = new float[viaMemory.length];
        Memory.get(rows, viaMemory, 0, viaMemory.length);
        rows.data().asNioFloat().get(0, viaNio, 0, viaNio.length);
        assertArrayEquals(viaNio, viaMemory, 0f);
    }
}
