package org.gradnote.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The recurrent layers' API: PyTorch's parameter names, shapes and init, output shapes, printing and errors. */
class RecurrentLayersTest {
    @Test
    void parametersHavePyTorchsNamesShapesAndInit() {
        Gradnote.seed(0);
        LSTM lstm = new LSTM(5, 8, 2);
        assertEquals(
                List.of(
                        "weight_ih_l0",
                        "weight_hh_l0",
                        "bias_ih_l0",
                        "bias_hh_l0",
                        "weight_ih_l1",
                        "weight_hh_l1",
                        "bias_ih_l1",
                        "bias_hh_l1"),
                List.copyOf(lstm.namedParameters().keySet()));
        assertArrayEquals(
                new long[] {32, 5}, lstm.namedParameters().get("weight_ih_l0").shape());
        assertArrayEquals(
                new long[] {32, 8}, lstm.namedParameters().get("weight_ih_l1").shape());
        assertArrayEquals(
                new long[] {24, 8},
                new GRU(3, 8).namedParameters().get("weight_hh_l0").shape());
        assertEquals(
                List.of("weight_ih_l0", "weight_hh_l0"),
                List.copyOf(
                        new RNN(3, 4, 1, "tanh", false, false).namedParameters().keySet()));
        double bound = 1 / Math.sqrt(8);
        for (Tensor p : lstm.parameters()) {
            assertTrue(p.abs().max().item() <= bound && p.abs().max().item() > 0.8 * bound, "U(-1/sqrt(H), 1/sqrt(H))");
        }
        assertEquals("LSTM(5, 8, num_layers=2)", lstm.toString());
        assertEquals("GRU(1, 4, batch_first=True)", new GRU(1, 4, 1, true, true).toString());
    }

    @Test
    void outputsAndStatesHavePyTorchsShapes() {
        Tensor x = Tensor.randn(6, 7, 3); // batch-first [N=6, T=7, 3]
        RNNBase.Output o = new LSTM(3, 4, 2, true, true).forward(x, null, null);
        assertArrayEquals(new long[] {6, 7, 4}, o.output().shape());
        assertArrayEquals(new long[] {2, 6, 4}, o.hidden().shape());
        assertArrayEquals(new long[] {2, 6, 4}, o.cell().shape());
        RNNBase.Output g = new GRU(3, 4, 2).run(x); // time-major: T=6, N=7
        assertArrayEquals(new long[] {6, 7, 4}, g.output().shape());
        assertArrayEquals(new long[] {2, 7, 4}, g.hidden().shape());
        assertNull(g.cell());
        // The last output step is the last layer's final hidden state.
        assertTrue(g.output().select(0, -1).allClose(g.hidden().select(0, 1), 0, 0));
        assertArrayEquals(new long[] {6, 7, 4}, new RNN(3, 4).forward(x).shape());
    }

    @Test
    void badInputsNameTheLayerAndBothShapes() {
        LSTM lstm = new LSTM(1, 32, 1, true, true);
        var e = assertThrows(ShapeException.class, () -> lstm.forward(Tensor.zeros(64, 30)));
        assertEquals("LSTM(1, 32): expected input [N, T, 1] (batchFirst), got [64, 30]", e.getMessage());
        e = assertThrows(ShapeException.class, () -> new GRU(3, 4).forward(Tensor.zeros(5, 2, 4)));
        assertEquals("GRU(3, 4): expected input [T, N, 3], got [5, 2, 4]", e.getMessage());
        e = assertThrows(
                ShapeException.class, () -> new RNN(3, 4, 2).forward(Tensor.zeros(5, 2, 3), Tensor.zeros(1, 2, 4)));
        assertEquals("RNN(3, 4): expected h0 [numLayers, N, H] = [2, 2, 4], got [1, 2, 4]", e.getMessage());
        e = assertThrows(
                ShapeException.class,
                () -> lstm.forward(Tensor.zeros(8, 30, 1), Tensor.zeros(1, 8, 32), Tensor.zeros(1, 4, 32)));
        assertTrue(e.getMessage().contains("c0") && e.getMessage().contains("[1, 4, 32]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RNN(3, 4, 1, "sigmoid", true, false));
    }
}
