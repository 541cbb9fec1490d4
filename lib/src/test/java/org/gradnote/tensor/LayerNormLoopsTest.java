package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.gradnote.Gradnote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * layerNorm's backward in C gives the composite's gradients bit for bit: x's, gamma's and beta's, in float32 and
 * float64, with rows that cross Reduce's 8192-element pieces and a normalized shape of two dimensions.
 */
class LayerNormLoopsTest {
    private static double[][] grads(DType type, long[] shape, int k, ComputePath p) {
        ComputePath before = Dispatch.path();
        Dispatch.setPath(p);
        try {
            Gradnote.seed(21);
            long[] norm = java.util.Arrays.copyOfRange(shape, shape.length - k, shape.length);
            Tensor x = Tensor.randn(type, shape).mul(3).add(1).detach().requiresGrad(true);
            Tensor w = Tensor.randn(type, norm).detach().requiresGrad(true);
            Tensor b = Tensor.randn(type, norm).detach().requiresGrad(true);
            Tensor y = Functional.layerNorm(x, norm, w, b, 1e-5);
            y.backward(Tensor.randn(type, shape));
            return new double[][] {
                x.grad().toDoubleArray(), w.grad().toDoubleArray(), b.grad().toDoubleArray()
            };
        } finally {
            Dispatch.setPath(before);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT32,32:64:128,1", // the Transformer bench's
        "FLOAT32,300:100,1", // rows of 100 cross the 8192-element pieces
        "FLOAT64,90:300,1",
        "FLOAT32,6:10:70,2", // normalized shape [10, 70]
        "FLOAT64,5:3:4,2"
    })
    void cLoopsGiveTheCompositesBits(DType type, String shapeSpec, int k) {
        long[] shape = CsvLists.longs(shapeSpec);
        double[][] loops = grads(type, shape, k, ComputePath.AUTO), composite = grads(type, shape, k, ComputePath.LOOP);
        String[] names = {"dx", "dgamma", "dbeta"};
        for (int i = 0; i < 3; i++) assertArrayEquals(composite[i], loops[i], names[i]);
    }
}
