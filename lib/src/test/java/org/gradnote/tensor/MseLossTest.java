package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The float32 path of the mse primitive against the formula in double, bit for bit, on dense and strided inputs. */
class MseLossTest {
    @Test
    void float32InputsGiveTheDoubleFormulaRoundedOnce() {
        for (boolean mean : new boolean[] {true, false}) {
            Tensor x = Tensor.randn(DType.FLOAT32, 20, 30).requiresGrad(true);
            // A transposed target: a strided view, made dense before the scratch arrays are filled.
            Tensor y = Tensor.randn(DType.FLOAT32, 30, 20).transpose(0, 1).requiresGrad(true);
            Tensor loss = Functional.mseLoss(x, y, mean);
            loss.backward();
            float[] xv = Engine.floats(x.data()), yv = Engine.floats(y.data());
            int n = xv.length;
            double total = 0;
            for (int i = 0; i < n; i++) total += ((double) xv[i] - yv[i]) * ((double) xv[i] - yv[i]);
            double scale = mean ? 1.0 / n : 1.0;
            assertEquals((float) (total * scale), (float) loss.item(), 0f);
            float[] dx = new float[n], dy = new float[n];
            for (int i = 0; i < n; i++) {
                dx[i] = (float) (((double) xv[i] - yv[i]) * (2 * 1.0 * scale));
                dy[i] = -dx[i];
            }
            assertArrayEquals(dx, Engine.floats(x.grad().data()), 0f);
            assertArrayEquals(dy, Engine.floats(y.grad().data()), 0f);
        }
    }
}
