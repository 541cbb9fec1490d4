package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradnote.tensor.NativeRuntime;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AdamMemoryTest {
    @Test
    void stepsWithAFreshGradientEachTimeKeepNativeMemoryBounded() throws InterruptedException {
        Tensor w = Tensor.zeros(512, 512).requiresGrad(true);
        Adam opt = new Adam(List.of(w), 1e-3);
        long before = 0;
        for (int k = 0; k < 1000; k++) {
            opt.zeroGrad();
            // A new 1 MB gradient array every step, as a backward pass produces.
            w.mul(2.0).sum().backward();
            opt.step();
            if (k % 100 == 99) {
                System.gc();
                Thread.sleep(20);
            }
            if (k == 199) before = NativeRuntime.physicalBytes();
        }
        long mb = (NativeRuntime.physicalBytes() - before) >> 20;
        assertTrue(mb < 300, "resident size grew by " + mb + " MB over 800 Adam steps");
    }
}
