package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** im2col's row runs: they rebuild the index map exactly, and the columns copied by runs are the gathered ones. */
class UnfoldTest {
    private static final LayerPrimitives.Window[] WINDOWS = {
        new LayerPrimitives.Window(1, 3, 1, 1, 0, 0, 1, 1, false), // the meteo CNN's conv1d
        new LayerPrimitives.Window(3, 3, 1, 1, 1, 1, 1, 1, false), // padding
        new LayerPrimitives.Window(3, 3, 2, 2, 0, 0, 1, 1, false), // stride: no runs
        new LayerPrimitives.Window(2, 3, 1, 1, 0, 2, 2, 2, false), // dilation and wide padding
        new LayerPrimitives.Window(3, 5, 1, 1, 0, 0, 1, 1, true), // "same"
    };
    private static final long[][] SHAPES = {{1, 1, 1, 364}, {2, 3, 5, 120}, {1, 2, 9, 200}, {2, 3, 12, 20}};

    @Test
    void runsRebuildTheMapAndCopyTheSameColumns() {
        int withRuns = 0;
        for (LayerPrimitives.Window w : WINDOWS) {
            for (long[] s : SHAPES) {
                if (s[2] < w.kH() || w.outH(s[2]) < 1 || w.outW(s[3]) < 1) continue;
                int[] map = Unfold.map(s, w);
                int[] runs = Unfold.runs(map);
                if (runs != null) {
                    withRuns++;
                    int[] rebuilt = new int[map.length];
                    int covered = 0;
                    for (int r = 0; r < runs.length; r += 3) {
                        assertEquals(covered, runs[r], "runs are contiguous in the columns");
                        for (int i = 0; i < runs[r + 2]; i++)
                            rebuilt[runs[r] + i] = runs[r + 1] < 0 ? -1 : runs[r + 1] + i;
                        covered += runs[r + 2];
                    }
                    assertEquals(map.length, covered);
                    assertArrayEquals(map, rebuilt);
                }
                for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
                    INDArray x = Nd4j.rand(t, s);
                    double[] xs = x.dup('c').data().asDouble();
                    double[] cols = Unfold.im2col(x, s, w).data().asDouble();
                    for (int i = 0; i < map.length; i++)
                        assertEquals(map[i] < 0 ? 0 : xs[map[i]], cols[i], 0.0, "entry " + i);
                }
            }
        }
        assertTrue(withRuns >= 8, "geometries copied by runs: " + withRuns);
    }

    @Test
    void shortRunsKeepTheGather() {
        // Stride 2 breaks every row into single entries: no runs.
        assertNull(Unfold.runs(
                Unfold.map(new long[] {1, 1, 8, 8}, new LayerPrimitives.Window(3, 3, 2, 2, 0, 0, 1, 1, false))));
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
