package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.DType;
import org.gradnote.tensor.GradCheck;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Finite-difference checks (float64) of GRUCell, LSTMCell and masked attention, and their messages for bad shapes. */
class CellAndAttentionTest {
    private static final Tensor MASK =
            Tensor.fromArray(new double[] {1, 1, 1, 1, 0, 0}, 2, 3).to(DType.BOOL);

    private static List<Tensor> with(List<Tensor> params, Tensor... inputs) {
        List<Tensor> all = new ArrayList<>(List.of(inputs));
        all.addAll(params);
        return all;
    }

    @Test
    void gruCellGradientsMatchFiniteDifferences() {
        Gradnote.seed(3);
        GRUCell cell = new GRUCell(3, 2);
        cell.to(FLOAT64);
        Tensor x = Tensor.randn(FLOAT64, 2, 3).requiresGrad(true),
                h = Tensor.randn(FLOAT64, 2, 2).requiresGrad(true);
        // Two steps, so the gradient also flows through the state fed back in.
        GradCheck.check(
                "GRUCell",
                a -> cell.forward(a[0], cell.forward(a[0], a[1])),
                with(cell.parameters(), x, h).toArray(new Tensor[0]));
    }

    @Test
    void lstmCellGradientsMatchFiniteDifferences() {
        Gradnote.seed(4);
        LSTMCell cell = new LSTMCell(3, 2);
        cell.to(FLOAT64);
        Tensor x = Tensor.randn(FLOAT64, 2, 3).requiresGrad(true);
        Tensor h = Tensor.randn(FLOAT64, 2, 2).requiresGrad(true),
                c = Tensor.randn(FLOAT64, 2, 2).requiresGrad(true);
        GradCheck.check(
                "LSTMCell",
                a -> {
                    LSTMCell.State s = cell.forward(a[0], cell.forward(a[0], new LSTMCell.State(a[1], a[2])));
                    return Tensor.cat(0, s.h().flatten(), s.c().flatten());
                },
                with(cell.parameters(), x, h, c).toArray(new Tensor[0]));
    }

    @Test
    void maskedAttentionGradientsMatchFiniteDifferences() {
        Gradnote.seed(5);
        for (Attention m : List.of(Attention.additive(2, 2, 3), Attention.dot())) {
            m.to(FLOAT64);
            Tensor q = Tensor.randn(FLOAT64, 2, 2).requiresGrad(true);
            Tensor k = Tensor.randn(FLOAT64, 2, 3, 2).requiresGrad(true);
            Tensor v = Tensor.randn(FLOAT64, 2, 3, 4).requiresGrad(true);
            GradCheck.check(
                    "attention " + m.extraRepr(),
                    a -> {
                        Attention.Output o = m.forward(a[0], a[1], a[2], MASK);
                        return Tensor.cat(0, o.context().flatten(), o.weights().flatten());
                    },
                    with(m.parameters(), q, k, v).toArray(new Tensor[0]));
        }
    }

    @Test
    void paddingGetsZeroWeightAndRowsSumToOne() {
        Gradnote.seed(6);
        Attention m = Attention.additive(2, 2, 3);
        Attention.Output o = m.forward(Tensor.randn(2, 2), Tensor.randn(2, 3, 2), MASK);
        double[] w = o.weights().toDoubleArray();
        assertEquals(0, w[4]);
        assertEquals(0, w[5]);
        assertEquals(1, w[0] + w[1] + w[2], 1e-6);
        assertEquals(1, w[3], 1e-6);
        assertArrayEquals(new long[] {2, 2}, o.context().shape());
    }

    @Test
    void badShapesNameTheLayerAndBothShapes() {
        GRUCell gru = new GRUCell(3, 2);
        var e = assertThrows(ShapeException.class, () -> gru.forward(Tensor.zeros(4, 5), null));
        assertEquals("GRUCell: expected input [N, 3], got [4, 5]", e.getMessage());
        e = assertThrows(ShapeException.class, () -> gru.forward(Tensor.zeros(4, 3), Tensor.zeros(4, 3)));
        assertEquals("GRUCell: expected hidden state [4, 2] for input [4, 3], got [4, 3]", e.getMessage());
        LSTMCell lstm = new LSTMCell(3, 2);
        e = assertThrows(
                ShapeException.class,
                () -> lstm.forward(Tensor.zeros(4, 3), new LSTMCell.State(Tensor.zeros(4, 2), Tensor.zeros(1, 2))));
        assertEquals("LSTMCell: expected cell state [4, 2] for input [4, 3], got [1, 2]", e.getMessage());
        Attention add = Attention.additive(2, 3, 4);
        e = assertThrows(ShapeException.class, () -> add.forward(Tensor.zeros(5, 2), Tensor.zeros(5, 7, 2), null));
        assertEquals(
                "Attention(2, 3): query and keys sizes do not fit, got query [5, 2] and keys [5, 7, 2]",
                e.getMessage());
        e = assertThrows(
                ShapeException.class, () -> Attention.dot().forward(Tensor.zeros(5, 2), Tensor.zeros(5, 7, 3), null));
        assertEquals(
                "Attention (dot): query and keys sizes do not fit, got query [5, 2] and keys [5, 7, 3]",
                e.getMessage());
        e = assertThrows(
                ShapeException.class,
                () -> Attention.dot().forward(Tensor.zeros(2, 2), Tensor.zeros(2, 3, 2), Tensor.zeros(2, 3)));
        assertEquals("Attention: expected a bool mask [N, T] for keys [2, 3, 2], got float32 [2, 3]", e.getMessage());
    }
}
