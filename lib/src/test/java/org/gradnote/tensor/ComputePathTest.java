package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forced compute paths: where tensors live under each, and the same numbers from every path. */
class ComputePathTest {
    private ComputePath before;

    @BeforeEach
    void remember() {
        before = Gradnote.path();
    }

    @AfterEach
    void restore() {
        Gradnote.setPath(before);
    }

    /** Forward values, then the gradients of x and w, of a chain through every element-wise entry. */
    private static double[][] chain(int n) {
        Gradnote.seed(5);
        double[] xv = new double[n], wv = new double[n];
        for (int i = 0; i < n; i++) {
            xv[i] = Math.sin(i + 1) * 2;
            wv[i] = 0.5 + (i % 7) / 7.0;
        }
        Tensor x = Tensor.fromArray(DType.FLOAT64, xv, n).requiresGrad(true);
        Tensor w = Tensor.fromArray(DType.FLOAT64, wv, n).requiresGrad(true);
        Tensor y = x.mul(w)
                .sub(0.25)
                .div(w.add(1))
                .relu()
                .add(x.abs().log1p())
                .mul(x.tanh())
                .add(x.sigmoid())
                .add(x.atan2(w))
                .add(w.sqrt().log().exp())
                .add(w.pow(x.mul(0.1)))
                .sub(x.square().neg())
                .add(w.rdiv(1).rsub(2));
        y.sum().backward();
        return new double[][] {
            y.toDoubleArray(), x.grad().toDoubleArray(), w.grad().toDoubleArray()
        };
    }

    @Test
    void everyPathGivesTheSameNumbersForwardAndBackward() {
        for (int n : new int[] {12, 5000}) {
            Gradnote.setPath(ComputePath.AUTO);
            double[][] reference = chain(n);
            for (ComputePath p : ComputePath.values()) {
                Gradnote.setPath(p);
                double[][] got = chain(n);
                for (int k = 0; k < 3; k++)
                    assertArrayEquals(reference[k], got[k], 1e-12, p + " n=" + n + " part " + k);
            }
        }
    }

    @Test
    void whereTensorsLiveUnderEachPath() {
        Gradnote.setPath(ComputePath.HEAP);
        assertNotNull(Tensor.zeros(10_000).small(), "HEAP: float tensors of any size on the heap");
        assertNull(Tensor.of(1L, 2L).small(), "integers never are");
        Gradnote.setPath(ComputePath.LOOP);
        assertNull(Tensor.zeros(4).small());
        Gradnote.setPath(ComputePath.NATIVE);
        assertNull(Tensor.zeros(4).small());
        Gradnote.setPath(ComputePath.AUTO);
        assertNotNull(Tensor.zeros(Dispatch.HEAP_MAX).small());
        assertNull(Tensor.zeros(Dispatch.HEAP_MAX + 1).small());
    }

    @Test
    void aHeapTensorMadeBeforeForcingNativeRunsNatively() {
        Gradnote.setPath(ComputePath.AUTO);
        Tensor x = Tensor.of(1.0, 2.0, 3.0);
        assertNotNull(x.small());
        Gradnote.setPath(ComputePath.NATIVE);
        Tensor y = x.mul(2).exp();
        assertNull(y.small());
        assertEquals(ComputePath.NATIVE, Tensor.computePath());
    }

    @Test
    void loopLimitsFollowThePath() {
        Gradnote.setPath(ComputePath.AUTO);
        assertEquals(Dispatch.SUBTRACT_LOOP_MAX, Dispatch.loopLimit(Dispatch.SUBTRACT_LOOP_MAX));
        Gradnote.setPath(ComputePath.NATIVE);
        assertEquals(0, Dispatch.loopLimit(Dispatch.SUBTRACT_LOOP_MAX));
        Gradnote.setPath(ComputePath.LOOP);
        assertEquals(1 << 28, Dispatch.loopLimit(Dispatch.SUBTRACT_LOOP_MAX));
    }

    @Test
    void thePropertyNamesThePathsAndRejectsOthers() {
        assertEquals(ComputePath.NATIVE, ComputePath.parse(" Native"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputePath.parse("gpu"));
        assertEquals("gradnote.path: expected one of auto, heap, loop, native; got 'gpu'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gradnote.setPath(null));
    }
}
