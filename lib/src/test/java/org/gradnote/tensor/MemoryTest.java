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

    @Test
    void rowCopiesOfEverySizeMoveExactlyTheirBytes() {
        // Row sizes around the word loop's limit and its tails: 1 byte (booleans), 12 (8 + a 4-byte tail),
        // 8 (labels), 192 (the limit) and 196 (one copyMemory a row); picks repeat and go backwards.
        long[] picks = {4, 0, 4, 2, 1};
        for (int rowInts : new int[] {2, 3, 48, 49}) {
            INDArray src = Nd4j.arange(5 * rowInts).castTo(DataType.INT32).reshape(5, rowInts);
            INDArray out = Nd4j.zeros(DataType.INT32, picks.length, rowInts);
            Memory.copyRows(src, picks, out, rowInts * 4);
            for (int k = 0; k < picks.length; k++) {
                for (int j = 0; j < rowInts; j++) assertEquals(picks[k] * rowInts + j, out.getLong(k, j), "row " + k);
            }
        }
        INDArray bools = Nd4j.createFromArray(true, false, false, true, true).reshape(5, 1);
        INDArray picked = Nd4j.create(DataType.BOOL, 5, 1);
        Memory.copyRows(bools, picks, picked, 1);
        boolean[] want = {true, true, true, false, false};
        for (int k = 0; k < want.length; k++) assertEquals(want[k], picked.getDouble(k, 0) != 0, "bool row " + k);
        assertThrows(
                IndexOutOfBoundsException.class,
                () -> Memory.copyRows(bools, new long[] {5}, picked, 1),
                "a row past the source");
    }

    @Test
    void indicesReadInt32AndInt64AsLongs() {
        assertArrayEquals(
                new long[] {3, -1, Integer.MAX_VALUE},
                Memory.indices(Nd4j.createFromArray(3, -1, Integer.MAX_VALUE), 3));
        assertArrayEquals(new long[] {1L << 40, 7}, Memory.indices(Nd4j.createFromArray(1L << 40, 7L), 2));
        assertArrayEquals(new long[0], Memory.indices(Nd4j.createFromArray(5L), 0));
        assertThrows(IllegalArgumentException.class, () -> Memory.indices(Nd4j.createFromArray(1f, 2f), 2));
        assertThrows(IllegalArgumentException.class, () -> Memory.indices(Nd4j.createFromArray(1, 2), 3));
    }
}
