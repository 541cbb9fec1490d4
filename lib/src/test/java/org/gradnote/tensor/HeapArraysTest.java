package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;

/** The recurrent layers' reused state arrays: reused only once released, never while a graph may still read them. */
class HeapArraysTest {
    @Test
    void givenArraysComeBackByLengthAndZerosAreZeros() {
        HeapArrays h = new HeapArrays();
        double[] a = h.take(5);
        a[3] = 7;
        h.give(a, null);
        assertSame(a, h.take(5));
        assertNotSame(a, h.take(5), "one give, one reuse");
        h.give(a);
        assertNotSame(a, h.take(6));
        double[] z = h.zeros(5);
        assertSame(a, z);
        assertArrayEquals(new double[5], z);
    }

    /** Gradients of one LSTM and one GRU layer, from fresh weights seeded alike. */
    private static float[][] grads(boolean lstm, boolean retainTwice) {
        Gradnote.seed(3);
        int steps = 6, n = 3, in = 4, hid = 5, g = lstm ? 4 * hid : 3 * hid;
        Tensor x = Tensor.randn(steps, n, in).requiresGrad(true);
        Tensor wih = Tensor.randn(g, in).requiresGrad(true),
                whh = Tensor.randn(g, hid).requiresGrad(true);
        Tensor bih = Tensor.randn(g).requiresGrad(true), bhh = Tensor.randn(g).requiresGrad(true);
        Tensor h0 = Tensor.randn(n, hid).requiresGrad(true),
                c0 = Tensor.randn(n, hid).requiresGrad(true);
        Tensor[] out = lstm
                ? Tensor.lstmLayer(x, wih, whh, bih, bhh, h0, c0, false)
                : Tensor.gruLayer(x, wih, whh, bih, bhh, h0, false);
        Tensor loss = out[0].mul(out[0]).sum();
        if (retainTwice) {
            loss.backward(true);
            // A second layer in between, on other values, takes arrays of the same lengths: it must not get the
            // retained ones.
            Tensor x2 = x.mul(2);
            Tensor[] other = lstm
                    ? Tensor.lstmLayer(x2, wih, whh, bih, bhh, h0, c0, false)
                    : Tensor.gruLayer(x2, wih, whh, bih, bhh, h0, false);
            other[0].sum().backward();
            for (Tensor p : new Tensor[] {x, wih, whh, bih, bhh, h0, c0}) p.zeroGrad();
        }
        loss.backward();
        Tensor[] ps = lstm ? new Tensor[] {x, wih, whh, bih, bhh, h0, c0} : new Tensor[] {x, wih, whh, bih, bhh, h0};
        float[][] r = new float[ps.length][];
        for (int i = 0; i < ps.length; i++) r[i] = ps[i].grad().toFloatArray();
        if (!retainTwice) assertThrows(IllegalStateException.class, loss::backward, "the entry was released");
        return r;
    }

    @Test
    void aRetainedGraphKeepsItsStatesWhileOtherLayersRun() {
        for (boolean lstm : new boolean[] {true, false}) {
            float[][] once = grads(lstm, false), twice = grads(lstm, true);
            assertEquals(once.length, twice.length);
            for (int i = 0; i < once.length; i++)
                assertArrayEquals(once[i], twice[i], 0f, (lstm ? "lstm" : "gru") + " grad " + i);
        }
    }
}
