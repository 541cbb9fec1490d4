package org.gradnote.tensor;

import static org.gradnote.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/** The seeds' two autograd examples against PyTorch's numbers. */
class AutogradParityTest {
    private final JsonObject fx = load("autograd.json");

    @Test
    void meanOfThreeSquaresGivesFourAndAHalf() {
        Tensor x = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y = x.add(2);
        Tensor z = y.mul(y).mul(3);
        Tensor out = z.mean();
        out.backward();
        JsonObject e = fx.getAsJsonObject("example1");
        assertEquals(e.get("out").getAsDouble(), out.item(), 1e-6);
        assertClose("x.grad", doubles(e.get("x_grad")), x.grad().toDoubleArray(), 1e-6);
        assertClose("x.grad", new double[] {4.5, 4.5, 4.5, 4.5}, x.grad().toDoubleArray(), 1e-6);
    }

    @Test
    void sumOfSquaresGivesTwiceTheInput() {
        JsonObject e = fx.getAsJsonObject("example2");
        Tensor a = tensor(e.get("a"), e.get("shape")).requiresGrad(true);
        a.pow(2).sum().backward();
        assertClose("a.grad", doubles(e.get("a_grad")), a.grad().toDoubleArray(), 1e-12);
    }
}
