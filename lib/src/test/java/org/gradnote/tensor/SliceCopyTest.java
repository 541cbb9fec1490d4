package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.gradnote.Gradnote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * slice and its gradient through the C row copies give ND4J's view copies exactly: every dimension, steps above 1,
 * float32, float64 and int64 values.
 */
class SliceCopyTest {
    private static double[][] run(DType type, long[] shape, int dim, long start, long end, long step, ComputePath p) {
        ComputePath before = Dispatch.path();
        Dispatch.setPath(p);
        try {
            Gradnote.seed(8);
            Tensor x = Tensor.randn(DType.FLOAT64, shape).mul(100).to(type);
            boolean grad = type != DType.INT64;
            if (grad) x = x.detach().requiresGrad(true);
            Tensor y = x.slice(dim, start, end, step);
            if (!grad) return new double[][] {y.toDoubleArray()};
            y.backward(Tensor.randn(type, y.shape()));
            return new double[][] {y.toDoubleArray(), x.grad().toDoubleArray()};
        } finally {
            Dispatch.setPath(before);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT32,32:64:384,2,128,256,1", // the Transformer's k of q, k, v
        "FLOAT32,32:64:384,2,0,128,1",
        "FLOAT64,7:9:11,0,2,7,2",
        "FLOAT64,7:9:11,1,1,9,3",
        "FLOAT32,300:50,1,5,45,4",
        "INT64,6:10,1,3,9,1",
        "INT64,6:10,0,-4,6,2"
    })
    void cLoopsGiveNd4jsCopies(DType type, String shapeSpec, int dim, long start, long end, long step) {
        long[] shape = CsvLists.longs(shapeSpec);
        double[][] loops = run(type, shape, dim, start, end, step, ComputePath.AUTO);
        double[][] nd4j = run(type, shape, dim, start, end, step, ComputePath.LOOP);
        for (int i = 0; i < loops.length; i++) assertArrayEquals(nd4j[i], loops[i], i == 0 ? "slice" : "gradient");
    }
}
