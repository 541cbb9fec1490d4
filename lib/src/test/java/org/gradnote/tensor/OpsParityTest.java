package org.gradnote.tensor;

import static org.gradnote.Fixtures.*;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** Forward values of the non-trivial ops against PyTorch. */
class OpsParityTest {
    private final JsonObject fx = load("ops.json");
    private final Tensor x = tensor(fx.get("x"), fx.get("shape"));

    @Test
    void activationsAndSoftmaxes() {
        assertClose("softmax(1)", doubles(fx.get("softmax1")), x.softmax(1).toDoubleArray(), 1e-10);
        assertClose("logSoftmax(0)", doubles(fx.get("log_softmax0")), x.logSoftmax(0).toDoubleArray(), 1e-10);
        assertClose("sigmoid", doubles(fx.get("sigmoid")), x.sigmoid().toDoubleArray(), 1e-10);
        assertClose("tanh", doubles(fx.get("tanh")), x.tanh().toDoubleArray(), 1e-10);
        assertClose("softplus", doubles(fx.get("softplus")), x.softplus().toDoubleArray(), 1e-10);
        assertClose("leakyRelu", doubles(fx.get("leaky_relu")), x.leakyRelu(0.2).toDoubleArray(), 1e-10);
        assertClose("var(1)", doubles(fx.get("var1")), x.var(1, true, false).toDoubleArray(), 1e-10);
    }
}
