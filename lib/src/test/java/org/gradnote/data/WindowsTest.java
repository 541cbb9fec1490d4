package org.gradnote.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class WindowsTest {
    private static final double[] SERIES = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void nextValueShapesAndValues() {
        TensorDataset ds = Windows.of(SERIES, 3).nextValue();
        assertEquals(7, ds.size());
        assertArrayEquals(new long[] {7, 3}, ds.tensor(0).shape());
        assertArrayEquals(new long[] {7, 1}, ds.tensor(1).shape());
        assertArrayEquals(new double[] {2, 3, 4}, ds.tensor(0).select(0, 2).toDoubleArray(), 0);
        assertEquals(5, ds.tensor(1).get(2, 0));
        assertEquals(9, ds.tensor(1).get(6, 0));
        assertArrayEquals(new int[] {3, 4, 5, 6, 7, 8, 9}, Windows.of(SERIES, 3).targetIndices());
    }

    @Test
    void horizonAndStride() {
        Windows w = Windows.of(SERIES, 3).horizon(2).stride(3);
        assertEquals(2, w.count());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, w.inputs().toDoubleArray(), 0);
        assertArrayEquals(new double[] {4, 7}, w.targets().toDoubleArray(), 0);
        assertArrayEquals(new int[] {4, 7}, w.targetIndices());
    }

    @Test
    void sequenceToSequenceAsInTheCnnLab() {
        // trainx = x[:-1] as (1, T-1, 1); trainy = x[3:] as (1, T-3, 1) for a kernel of 3.
        TensorDataset ds = Windows.of(SERIES, 3).sequenceToSequence();
        assertEquals(1, ds.size());
        assertArrayEquals(new long[] {1, 9, 1}, ds.tensor(0).shape());
        assertArrayEquals(new long[] {1, 7, 1}, ds.tensor(1).shape());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, ds.tensor(0).toDoubleArray(), 0);
        assertArrayEquals(new double[] {3, 4, 5, 6, 7, 8, 9}, ds.tensor(1).toDoubleArray(), 0);
    }

    @Test
    void seattle2014TempMaxWindows() {
        Table w = Datasets.weather();
        Table s = DateRange.year(2014).filter(w.where(w.stringColumn("location").isEqualTo("Seattle")));
        double[] t = TableTensors.from(s).columns("temp_max").toSeries();
        TensorDataset ds = Windows.of(Tensor.of(t), 7).nextValue();
        assertEquals(358, ds.size());
        assertArrayEquals(
                new double[] {7.2, 10.6, 8.9, 7.8, 8.3, 7.8, 8.3},
                ds.tensor(0).select(0, 0).toDoubleArray(),
                1e-6);
        assertEquals(10.0, ds.tensor(1).get(0, 0), 1e-6);
        assertEquals(3.3, ds.tensor(1).get(357, 0), 1e-6, "the last target is December 31st");
    }

    @Test
    void errors() {
        assertEquals(
                "Windows: a series of 10 values is too short for windows of 10 and a target 1 step(s) ahead (needs at least 11)",
                assertThrows(IllegalArgumentException.class, () -> Windows.of(SERIES, 10))
                        .getMessage());
        assertEquals(
                "Windows: value 1 of the series is NaN (drop or impute missing values first)",
                assertThrows(IllegalArgumentException.class, () -> Windows.of(new double[] {1, Double.NaN, 3}, 1))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> Windows.of(Tensor.zeros(5, 2), 2));
    }
}
