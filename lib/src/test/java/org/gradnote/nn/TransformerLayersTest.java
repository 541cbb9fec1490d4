package org.gradnote.nn;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradnote.Gradnote;
import org.gradnote.tensor.ShapeException;
import org.gradnote.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What the attention layers promise beyond parity: masks really hide what they mask, dropout only acts in training,
 * the stacks copy their layer, the state-dict keys are PyTorch's, and bad shapes name the layer and both shapes.
 */
class TransformerLayersTest {
    @Test
    void causalMaskHidesTheFuture() {
        Gradnote.seed(1);
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, 0.0, "relu", 1e-5, true, false);
        layer.to(FLOAT64);
        Tensor x = Tensor.randn(FLOAT64, 1, 5, 8);
        Tensor changed = Tensor.cat(List.of(x.slice(1, 0, 4), Tensor.randn(FLOAT64, 1, 1, 8)), 1);
        Tensor mask = Transformer.generateSquareSubsequentMask(5, FLOAT64);
        Tensor a = layer.forward(x, mask, null), b = layer.forward(changed, mask, null);
        assertTrue(a.slice(1, 0, 4).allClose(b.slice(1, 0, 4), 0, 1e-12), "positions 0..3 ignore position 4");
        assertFalse(a.slice(1, 4, 5).allClose(b.slice(1, 4, 5), 0, 1e-6), "position 4 sees itself");
        Tensor c = layer.forward(x), d = layer.forward(changed);
        assertFalse(c.slice(1, 0, 4).allClose(d.slice(1, 0, 4), 0, 1e-6), "without the mask the past sees the future");
    }

    @Test
    void paddedKeysGetZeroWeightAndDoNotMatter() {
        Gradnote.seed(2);
        MultiheadAttention m = new MultiheadAttention(8, 4, 0.0, true, true);
        m.to(FLOAT64);
        Tensor x = Tensor.randn(FLOAT64, 2, 4, 8);
        Tensor pad = Tensor.of(new boolean[] {false, false, false, false, false, false, true, true})
                .reshape(2, 4);
        MultiheadAttention.Output o = m.forward(x, x, x, pad, true, null, false);
        assertArrayEquals(new long[] {2, 4, 4, 4}, o.weights().shape(), "per-head weights [N, heads, L, S]");
        Tensor padded = o.weights().select(0, 1).slice(2, 2, 4);
        assertEquals(0.0, padded.abs().sum().item(), 0.0, "no weight on padded keys");
        assertTrue(o.weights().sum(-1).allClose(Tensor.ones(FLOAT64, 2, 4, 4), 0, 1e-12), "rows sum to 1");
        Tensor y = Tensor.cat(
                List.of(
                        x.slice(0, 0, 1),
                        Tensor.cat(
                                List.of(x.select(0, 1).unsqueeze(0).slice(1, 0, 2), Tensor.randn(FLOAT64, 1, 2, 8)),
                                1)),
                0);
        Tensor k2 = m.forward(x, y, y, pad, false, null, true).output();
        Tensor k1 = m.forward(x, x, x, pad, false, null, true).output();
        assertTrue(k1.allClose(k2, 0, 1e-12), "the content of padded keys does not matter");
        Tensor avg = m.forward(x, x, x, pad, true, null, true).weights();
        assertTrue(avg.allClose(o.weights().mean(1), 0, 1e-12), "averaged weights are the heads' mean");
    }

    @Test
    void boolAndFloatMasksAgree() {
        Gradnote.seed(3);
        MultiheadAttention m = new MultiheadAttention(4, 2);
        m.to(FLOAT64);
        Tensor x = Tensor.randn(FLOAT64, 3, 2, 4);
        Tensor bool = Tensor.of(new boolean[] {false, true, true, false, false, true, false, false, false})
                .reshape(3, 3);
        Tensor additive = Transformer.generateSquareSubsequentMask(3, FLOAT64);
        Tensor a = m.forward(x, x, x, null, false, bool, true).output();
        Tensor b = m.forward(x, x, x, null, false, additive, true).output();
        assertTrue(a.allClose(b, 0, 1e-12), "the causal mask as bool or as 0/-inf");
    }

    @Test
    void dropoutOnlyInTraining() {
        Gradnote.seed(4);
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, 0.5, "gelu", 1e-5, true, true);
        Tensor x = Tensor.randn(2, 3, 8);
        Tensor t1 = layer.forward(x), t2 = layer.forward(x);
        assertFalse(t1.allClose(t2, 0, 1e-6), "two training passes differ");
        layer.eval();
        assertTrue(layer.forward(x).allClose(layer.forward(x), 0, 0), "evaluation is deterministic");
        MultiheadAttention m = new MultiheadAttention(8, 2, 0.5, true, true);
        Tensor w = m.forward(x, x, x, null, true, null, true).weights();
        assertTrue(w.eq(0).sum().item() > 0, "dropout zeroes some attention weights in training");
        m.eval();
        assertTrue(m.forward(x, x, x, null, true, null, true).weights().sum(-1).allClose(Tensor.ones(2, 3), 0, 1e-5));
    }

    @Test
    void stateDictKeysArePyTorchs() {
        assertEquals(
                List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"),
                List.copyOf(new MultiheadAttention(8, 2).stateDict().keySet()));
        assertEquals(
                List.of("in_proj_weight", "out_proj.weight"),
                List.copyOf(new MultiheadAttention(8, 2, 0.0, false, false)
                        .stateDict()
                        .keySet()));
        TransformerEncoder enc = new TransformerEncoder(
                new TransformerEncoderLayer(8, 2, 16, 0.1, "relu", 1e-5, true, false), 2, new LayerNorm(8));
        List<String> keys = List.copyOf(enc.stateDict().keySet());
        assertEquals("layers.0.self_attn.in_proj_weight", keys.get(0));
        assertTrue(keys.containsAll(List.of("layers.1.linear2.bias", "layers.1.norm2.weight", "norm.bias")));
        assertEquals(2 * 12 + 2, keys.size());
        assertEquals(
                List.of(
                        "self_attn",
                        "multihead_attn",
                        "linear1",
                        "dropout",
                        "linear2",
                        "norm1",
                        "norm2",
                        "norm3",
                        "dropout1",
                        "dropout2",
                        "dropout3"),
                List.copyOf(new TransformerDecoderLayer(8, 2).children().keySet()));
    }

    @Test
    void stacksCopyTheirLayer() {
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2, 16, 0.0, "relu", 1e-5, true, false);
        TransformerEncoder enc = new TransformerEncoder(layer, 3);
        assertEquals(3, enc.numLayers());
        assertNotEquals(layer, enc.layer(0));
        assertTrue(
                enc.layer(2)
                        .selfAttn()
                        .stateDict()
                        .get("in_proj_weight")
                        .allClose(layer.selfAttn().stateDict().get("in_proj_weight"), 0, 0),
                "same initial weights, as deepcopy");
        assertNotEquals(
                enc.layer(0).parameters().get(0), enc.layer(1).parameters().get(0), "but separate tensors");
        Transformer tr = new Transformer(8, 2, 2, 1, 16, 0.0, "relu", 1e-5, true, false);
        Tensor w0 = tr.encoder().layer(0).selfAttn().stateDict().get("in_proj_weight");
        Tensor w1 = tr.encoder().layer(1).selfAttn().stateDict().get("in_proj_weight");
        assertFalse(w0.allClose(w1, 0, 1e-6), "nn.Transformer re-draws every matrix (Xavier)");
        Tensor out = tr.forward(Tensor.randn(2, 5, 8), Tensor.randn(2, 3, 8));
        assertArrayEquals(new long[] {2, 3, 8}, out.shape());
    }

    @Test
    void subsequentMaskAndPositionalTable() {
        Tensor m = Transformer.generateSquareSubsequentMask(3);
        assertArrayEquals(
                new double[] {
                    0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0, Double.NEGATIVE_INFINITY, 0, 0, 0
                },
                m.toDoubleArray(),
                0.0);
        Tensor pe = PositionalEncoding.table(50, 16);
        assertEquals(0.0, pe.get(0, 0), 0.0);
        assertEquals(1.0, pe.get(0, 1), 0.0);
        assertEquals(Math.sin(7), pe.get(7, 0), 1e-6);
        assertEquals(Math.cos(7 / Math.pow(10000, 2.0 / 16)), pe.get(7, 3), 1e-6);
        PositionalEncoding enc = new PositionalEncoding(16, 0.0, 50, false);
        Tensor x = Tensor.zeros(4, 3, 16);
        assertTrue(
                enc.forward(x).select(1, 2).allClose(pe.slice(0, 0, 4), 0, 0), "seq-first adds pe[:L] to each batch");
        assertEquals(List.of("pe"), List.copyOf(enc.stateDict().keySet()));
    }

    @Test
    void badShapesNameTheLayerAndBothShapes() {
        MultiheadAttention m = new MultiheadAttention(8, 2, 0.0, true, true);
        String msg = assertThrows(ShapeException.class, () -> m.forward(Tensor.zeros(2, 3, 6)))
                .getMessage();
        assertTrue(msg.contains("MultiheadAttention(embed_dim=8, num_heads=2)") && msg.contains("[2, 3, 6]"), msg);
        msg = assertThrows(
                        ShapeException.class,
                        () -> m.forward(Tensor.zeros(2, 3, 8), Tensor.zeros(3, 4, 8), Tensor.zeros(3, 4, 8)))
                .getMessage();
        assertTrue(msg.contains("[2, 3, 8]") && msg.contains("[3, 4, 8]"), msg);
        Tensor x = Tensor.zeros(2, 3, 8);
        msg = assertThrows(ShapeException.class, () -> m.forward(x, x, x, null, false, Tensor.zeros(3, 4), true))
                .getMessage();
        assertTrue(msg.contains("attn_mask") && msg.contains("[3, 3]") && msg.contains("[3, 4]"), msg);
        msg = assertThrows(
                        ShapeException.class,
                        () -> m.forward(x, x, x, Tensor.zeros(2, 3).eq(0).slice(1, 0, 2), false, null, true))
                .getMessage();
        assertTrue(msg.contains("key_padding_mask") && msg.contains("[2, 3]") && msg.contains("[2, 2]"), msg);
        TransformerEncoderLayer layer = new TransformerEncoderLayer(8, 2);
        msg = assertThrows(ShapeException.class, () -> layer.forward(Tensor.zeros(3, 5)))
                .getMessage();
        assertTrue(msg.contains("TransformerEncoderLayer(d_model=8, nhead=2)") && msg.contains("[3, 5]"), msg);
        PositionalEncoding pe = new PositionalEncoding(8, 0.0, 4, true);
        msg = assertThrows(ShapeException.class, () -> pe.forward(Tensor.zeros(1, 5, 8)))
                .getMessage();
        assertTrue(msg.contains("PositionalEncoding") && msg.contains("[1, 5, 8]"), msg);
        assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(10, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> new TransformerEncoderLayer(8, 2, 16, 0.1, "tanh", 1e-5, true, true));
    }
}
