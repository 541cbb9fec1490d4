package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.gradnote.Gradnote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Permuted views made dense by the C gather give ND4J's identity copy exactly: ranks 2 to 4, inner strides of 1 and
 * above, float32, float64, int64 and bool, sizes past the Java gather's limit.
 */
class StridedGatherTest {
    private static double[] run(DType type, long[] shape, int[] order, ComputePath p) {
        ComputePath before = Dispatch.path();
        Dispatch.setPath(p);
        try {
            Gradnote.seed(12);
            Tensor x = Tensor.randn(DType.FLOAT64, shape).mul(50).to(type);
            return x.permute(order).reshape(-1).to(DType.FLOAT64).toDoubleArray();
        } finally {
            Dispatch.setPath(before);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT32,32:64:4:32,0:2:1:3", // the Transformer's heads
        "FLOAT32,32:4:64:32,0:2:1:3",
        "FLOAT32,16:4:32:32,0:2:3:1", // channels last: inner stride above 1
        "FLOAT64,300:200,1:0",
        "INT64,50:60:7,2:0:1",
        "BOOL,40:30:20,1:2:0"
    })
    void cGatherGivesNd4jsCopy(DType type, String shapeSpec, String orderSpec) {
        long[] shape = CsvLists.longs(shapeSpec);
        int[] order = CsvLists.ints(orderSpec);
        assertArrayEquals(run(type, shape, order, ComputePath.LOOP), run(type, shape, order, ComputePath.AUTO));
    }
}
