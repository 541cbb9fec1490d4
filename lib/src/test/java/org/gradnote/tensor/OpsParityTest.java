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
        assertClose(
                "logSoftmax(0)",
                doubles(fx.get("log_softmax0")),
                x.logSoftmax(0).toDoubleArray(),
                1e-10);
        assertClose("sigmoid", doubles(fx.get("sigmoid")), x.sigmoid().toDoubleArray(), 1e-10);
        assertClose("tanh", doubles(fx.get("tanh")), x.tanh().toDoubleArray(), 1e-10);
        assertClose("softplus", doubles(fx.get("softplus")), x.softplus().toDoubleArray(), 1e-10);
        assertClose("leakyRelu", doubles(fx.get("leaky_relu")), x.leakyRelu(0.2).toDoubleArray(), 1e-10);
        assertClose("var(1)", doubles(fx.get("var1")), x.var(1, true, false).toDoubleArray(), 1e-10);
        assertClose("log1p(|x|)", doubles(fx.get("log1p_abs")), x.abs().log1p().toDoubleArray(), 1e-10);
    }

    @Test
    void softplusAndLog1pKeepTheirTailsOnBothPaths() {
        Tensor tail = Tensor.of(DType.FLOAT64, doubles(fx.get("tail_x")));
        Tensor wide = Tensor.full(DType.FLOAT64, 0, 300).add(tail.slice(0, 0, 1)); // the ND4J path, > 256 elements
        assertClose(
                "softplus tail",
                doubles(fx.get("softplus_tail")),
                tail.softplus().toDoubleArray(),
                1e-12);
        assertClose(
                "log1p(exp) tail",
                doubles(fx.get("log1p_tail")),
                tail.exp().log1p().toDoubleArray(),
                1e-12);
        assertClose(
                "softplus tail (ND4J)",
                new double[] {doubles(fx.get("softplus_tail"))[0]},
                new double[] {wide.softplus().toDoubleArray()[299]},
                1e-12);
    }
}
