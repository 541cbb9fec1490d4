package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.gradnote.Gradnote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gradient of a sum or mean spread back over the reduced dimensions: the C loops' row copies give ND4J's
 * broadcast, bit for bit, in float32 and float64, over leading, middle, trailing and all dimensions.
 */
class ExpandCopyTest {
    private static double[] meanGrad(DType type, long[] shape, int[] dims, ComputePath p) {
        ComputePath before = Dispatch.path();
        Dispatch.setPath(p);
        try {
            Gradnote.seed(4);
            Tensor x = Tensor.randn(type, shape).requiresGrad(true);
            Tensor y = x.mean(dims, true);
            y.backward(Tensor.randn(type, y.shape()));
            return x.grad().toDoubleArray();
        } finally {
            Dispatch.setPath(before);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT32,32:64:128,1", // the Transformer bench's mean over positions
        "FLOAT32,4:5:6,0",
        "FLOAT32,4:5:6,2",
        "FLOAT32,4:5:6,0:2",
        "FLOAT64,3:7:2:5,1:3",
        "FLOAT64,3:7:2:5,0:1:2:3",
        "FLOAT32,1000:3,0"
    })
    void cLoopsGiveNd4jsBroadcast(DType type, String shapeSpec, String dimSpec) {
        long[] shape = CsvLists.longs(shapeSpec);
        int[] dims = CsvLists.ints(dimSpec);
        assertArrayEquals(meanGrad(type, shape, dims, ComputePath.LOOP), meanGrad(type, shape, dims, ComputePath.AUTO));
    }
}
