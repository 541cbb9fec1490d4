package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** atan2, the op added as one table entry (BinaryOp.ATAN2): values on both paths, gradients by finite differences. */
class Atan2Test {
    @Test
    void quadrantsAndSignedZerosAsJavasAtan2OnBothPaths() {
        double[] y = {1, 1, -1, -1, 0, -0.0, 0, 1, Double.NaN}, x = {1, -1, -1, 1, -1, -1, 0, 0, 1};
        double[] expected = new double[y.length];
        for (int i = 0; i < y.length; i++) expected[i] = Math.atan2(y[i], x[i]);
        Tensor hy = Tensor.of(DType.FLOAT64, y), hx = Tensor.of(DType.FLOAT64, x);
        Tensor ny = Tensor.wrap(Nd4j.createFromArray(y)), nx = Tensor.wrap(Nd4j.createFromArray(x));
        Tensor heap = hy.atan2(hx), nd = ny.atan2(nx);
        if (Tensor.computePath() == ComputePath.AUTO) assertNotNull(heap.small(), "a tiny tensor runs on the heap");
        assertNull(nd.small());
        assertArrayEquals(expected, heap.toDoubleArray(), 0);
        assertArrayEquals(expected, nd.toDoubleArray(), 1e-15);
    }

    @Test
    void gradientPassesTheFiniteDifferenceCheckOnBothPathsAndWithBroadcasting() {
        Gradnote.seed(11);
        Tensor a = Tensor.uniform(DType.FLOAT64, -2, 2, 2, 3).requiresGrad(true);
        Tensor b = Tensor.uniform(DType.FLOAT64, 0.5, 2, 3).requiresGrad(true);
        GradCheck.check("atan2 (heap or as forced)", t -> t[0].atan2(t[1]), a, b);
        Tensor na = Tensor.wrap(Nd4j.create(a.toDoubleArray(), new long[] {2, 3}, 'c'))
                .requiresGrad(true);
        Tensor nb =
                Tensor.wrap(Nd4j.create(b.toDoubleArray(), new long[] {3}, 'c')).requiresGrad(true);
        GradCheck.check("atan2 (native, broadcast)", t -> t[0].atan2(t[1]).mul(t[0]), na, nb);
        Tensor scalarLike = Tensor.fromArray(DType.FLOAT64, new double[] {-0.7}).requiresGrad(true);
        GradCheck.check("atan2 with a 0-d operand", t -> t[0].atan2(t[1]), na, scalarLike);
    }

    @Test
    void integerInputsGiveTheDefaultFloatType() {
        Tensor r = Tensor.of(1L, -1L).atan2(Tensor.of(0L, 0L));
        assertEquals(DType.FLOAT32, r.dtype());
        assertArrayEquals(new double[] {(float) (Math.PI / 2), (float) (-Math.PI / 2)}, r.toDoubleArray(), 0);
    }
}
