package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class TensorSmokeTest {
    @Test
    void firstAutogradExample() {
        Tensor x = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y = x.add(2);
        Tensor z = y.mul(y).mul(3);
        Tensor out = z.mean();
        out.backward();
        System.out.println(x.grad());
        System.out.println(out);
        assertArrayEquals(new double[] {4.5, 4.5, 4.5, 4.5}, x.grad().toDoubleArray(), 1e-6);
    }
}
