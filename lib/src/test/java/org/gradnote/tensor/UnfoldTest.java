package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * im2col and col2im walked from the geometry against the index map they replaced: the same columns, and the same
 * bits for the scatter (each element's additions in the map's order) on 1 and 2 threads.
 */
class UnfoldTest {
    private static final LayerPrimitives.Window[] WINDOWS = {
        new LayerPrimitives.Window(1, 3, 1, 1, 0, 0, 1, 1, false), // the meteo CNN's conv1d
        new LayerPrimitives.Window(3, 3, 1, 1, 1, 1, 1, 1, false), // padding
        new LayerPrimitives.Window(3, 3, 2, 2, 0, 0, 1, 1, false), // stride
        new LayerPrimitives.Window(3, 3, 2, 2, 1, 1, 1, 1, false), // stride and padding
        new LayerPrimitives.Window(2, 2, 2, 2, 0, 0, 1, 1, false), // a transposed convolution's 2x2, stride 2
        new LayerPrimitives.Window(2, 3, 1, 1, 0, 2, 2, 2, false), // dilation and wide padding
        new LayerPrimitives.Window(3, 5, 1, 1, 0, 0, 1, 1, true), // "same"
        new LayerPrimitives.Window(3, 4, 2, 3, 2, 1, 2, 1, false), // uneven strides, dilation, padding
        new LayerPrimitives.Window(4, 4, 3, 3, 3, 3, 1, 1, false), // padding wider than a stride
    };
    private static final long[][] SHAPES = {
        {1, 1, 1, 364}, {2, 3, 5, 120}, {1, 2, 9, 200}, {2, 3, 12, 20}, {3, 2, 7, 7}, {2, 4, 32, 32}, {1, 1, 4, 4}
    };

    @Test
    void columnsAreTheMapsGather() {
        int tried = 0;
        for (LayerPrimitives.Window w : WINDOWS) {
            for (long[] s : SHAPES) {
                if (!fits(s, w)) continue;
                tried++;
                int[] map = Unfold.map(s, w);
                for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                    INDArray x = Nd4j.rand(t, s);
                    double[] xs = x.dup('c').data().asDouble();
                    double[] cols = Unfold.im2col(x, s, w).data().asDouble();
                    assertEquals(map.length, cols.length, w + " " + Arrays.toString(s));
                    for (int i = 0; i < map.length; i++)
                        assertEquals(map[i] < 0 ? 0 : xs[map[i]], cols[i], 0.0, w + " " + Arrays.toString(s) + " " + i);
                }
            }
        }
        assertTrue(tried >= 40, "geometries tried: " + tried);
    }

    @Test
    void col2imIsTheMapsScatterBitForBitOnAnyThreadCount() {
        int before = Parallel.threads();
        try {
            for (LayerPrimitives.Window w : WINDOWS) {
                for (long[] s : SHAPES) {
                    if (!fits(s, w)) continue;
                    int[] map = Unfold.map(s, w);
                    for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                        long k = s[1] * w.kH() * w.kW();
                        INDArray dcol = Nd4j.randn(t, k, map.length / k);
                        INDArray want = Nd4j.create(t, s);
                        Unfold.scatterAdd(dcol, map, want, (int) s[1]);
                        for (int threads : new int[] {1, 2}) {
                            Parallel.setThreads(threads);
                            INDArray got = Unfold.col2im(dcol, s, s, w);
                            assertArrayEquals(
                                    want.data().asDouble(),
                                    got.data().asDouble(),
                                    0.0,
                                    w + " " + Arrays.toString(s) + " " + t + " on " + threads + " threads");
                        }
                    }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    private static boolean fits(long[] s, LayerPrimitives.Window w) {
        long spanH = (long) w.dH() * (w.kH() - 1) + 1, spanW = (long) w.dW() * (w.kW() - 1) + 1;
        return w.same() || (s[2] + 2L * w.pH() >= spanH && s[3] + 2L * w.pW() >= spanW);
    }

    /**
     * scatterRows adds each source row into the row its index names, a repeated row's contributions in index order
     * (a reference loop in that order gives the same bits), and the same bits on 1 and 2 threads on the parallel
     * route: the gradient of embeddings and indexSelect, where libnd4j's scatter_add changed with its thread count.
     */
    @Test
    void scatterRowsAddsRepeatedRowsInIndexOrderOnAnyThreadCount() {
        int before = Parallel.threads();
        try {
            int n = 4096, width = 128, size = 32;
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) rows[i] = (int) ((i * 7919L) % size);
            for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                INDArray src = Nd4j.randn(type, n, width);
                double[] v = src.data().asDouble();
                double[] expected = new double[size * width];
                float[] expectedF = new float[size * width];
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < width; c++) {
                        expected[rows[i] * width + c] += v[i * width + c];
                        expectedF[rows[i] * width + c] += (float) v[i * width + c];
                    }
                }
                Parallel.setThreads(1);
                INDArray one = Unfold.scatterRows(src, rows, new long[] {size, width}, width);
                Parallel.setThreads(2);
                int splits = Parallel.splits();
                INDArray two = Unfold.scatterRows(src, rows, new long[] {size, width}, width);
                assertTrue(Parallel.splits() > splits, "the columns split across threads");
                double[] want = type == DataType.FLOAT ? new double[expectedF.length] : expected;
                if (type == DataType.FLOAT) for (int i = 0; i < want.length; i++) want[i] = expectedF[i];
                assertArrayEquals(want, one.data().asDouble(), 0.0, type + " in index order");
                assertArrayEquals(want, two.data().asDouble(), 0.0, type + " on 2 threads");
            }
            assertNull(Unfold.scatterRows(Nd4j.zeros(DataType.INT32, 2, 3), new int[] {0, 0}, new long[] {1, 3}, 3));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> Unfold.scatterRows(Nd4j.zeros(DataType.FLOAT, 2, 3), new int[] {0}, new long[] {1, 3}, 3));
        } finally {
            Parallel.setThreads(before);
        }
    }
}
