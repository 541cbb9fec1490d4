package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Semantics of the new ops beyond the torch fixtures (stability, factories), and their error messages. */
class OpsMoreTest {
    private static void assertMessage(Class<? extends Throwable> type, Executable call, String... parts) {
        Throwable e = assertThrows(type, call);
        for (String p : parts)
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' lacks '" + p + "'");
    }

    @Test
    void topkAndSortKeepTiesInIndexOrder() {
        Tensor x = Tensor.of(DType.FLOAT64, 1, 4, 4, -1, 4);
        assertArrayEquals(new long[] {1, 2, 4}, x.topk(3).indices().toLongArray());
        assertArrayEquals(new long[] {3, 0, 1, 2, 4}, x.argsort(0, false).toLongArray());
        assertArrayEquals(new long[] {1, 2, 4, 0, 3}, x.argsort(0, true).toLongArray());
    }

    @Test
    void uniqueKeepsEveryNaN() {
        Tensor x = Tensor.of(DType.FLOAT64, Double.NaN, 1, Double.NaN, 1);
        assertArrayEquals(new double[] {1, Double.NaN, Double.NaN}, x.unique().toDoubleArray(), 0);
        assertArrayEquals(new long[] {2, 1, 1}, x.uniqueCounts().toLongArray());
        assertArrayEquals(new long[] {1, 0, 2, 0}, x.uniqueInverse().toLongArray());
    }

    @Test
    void fromFloatArrayAndIntegerArange() {
        Tensor f = Tensor.fromArray(new float[] {1.5f, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new long[] {2, 3}, f.shape());
        assertArrayEquals(new float[] {1.5f, 2, 3, 4, 5, 6}, f.toFloatArray());
        assertEquals(0, Tensor.fromArray(new float[0], 0, 4).numel());
        assertMessage(ShapeException.class, () -> Tensor.fromArray(new float[5], 2, 3), "fromArray", "5", "[2, 3]");
        assertEquals(DType.INT64, Tensor.arange(0, 5).dtype());
        assertArrayEquals(new long[] {-3, -1, 1}, Tensor.arange(-3, 2, 2).toLongArray());
        long big = (1L << 53) + 1;
        assertEquals(big + 2, Tensor.arange(big, big + 3).toLongArray()[2], "int64 exact beyond 2^53");
        assertMessage(IllegalArgumentException.class, () -> Tensor.arange(0, 5, 0), "arange", "step");
    }

    @Test
    void maskedFillWithInfinityLeavesTheRestFinite() {
        Tensor x = Tensor.of(DType.FLOAT64, 1, 2, 3).requiresGrad(true);
        Tensor y = x.maskedFill(Tensor.of(true, false, false), Double.NEGATIVE_INFINITY);
        assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, 2, 3}, y.toDoubleArray(), 0);
        y.softmax(0).select(0, 1).backward();
        assertEquals(0, x.grad().toDoubleArray()[0], 0);
        assertFalse(Double.isNaN(x.grad().toDoubleArray()[1]));
    }

    @Test
    void maskedAssignKeepsTheInputsDtype() {
        Tensor x = Tensor.zeros(DType.FLOAT32, 2, 2);
        Tensor y = x.maskedAssign(Tensor.of(true, false), Tensor.of(DType.FLOAT64, 1.5, 2.5));
        assertEquals(DType.FLOAT32, y.dtype());
        assertArrayEquals(new double[] {1.5, 2.5, 0, 0}, y.toDoubleArray(), 0);
        Tensor h = Tensor.of(DType.FLOAT64, Double.NaN, -3, 0.5).hardtanh();
        assertTrue(Double.isNaN(h.toDoubleArray()[0]), "hardtanh(NaN) is NaN, as torch: " + h);
        Tensor nan = Tensor.of(DType.FLOAT64, Double.NaN);
        for (Tensor t : new Tensor[] {
            nan.elu(),
            nan.selu(),
            nan.gelu(),
            nan.gelu("tanh"),
            nan.silu(),
            nan.mish(),
            nan.maximum(Tensor.of(DType.FLOAT64, 1)),
            nan.clamp(Tensor.of(DType.FLOAT64, 0), Tensor.of(DType.FLOAT64, 1)),
            nan.logsumexp(0),
            nan.norm(),
            nan.cumsum(0),
            nan.cumprod(0)
        }) {
            assertTrue(Double.isNaN(t.toDoubleArray()[0]), "NaN in, NaN out as in torch: " + t);
        }
    }

    @Test
    void maskedFillInPlaceChangesTheTensorAndItsVersion() {
        Tensor x = Tensor.of(DType.FLOAT64, 1, 2, 3, 4).reshape(2, 2);
        int v = x.version();
        assertSame(x, x.maskedFill_(Tensor.of(false, true), -1));
        assertArrayEquals(new double[] {1, -1, 3, -1}, x.toDoubleArray(), 0);
        assertTrue(x.version() > v);
        Tensor w = Tensor.ones(DType.FLOAT64, 2).requiresGrad(true);
        assertMessage(
                IllegalStateException.class,
                () -> w.maskedFill_(Tensor.of(true, false), 0),
                "maskedFill_",
                "requires grad");
        Tensor h = w.mul(2);
        assertMessage(
                IllegalStateException.class,
                () -> h.maskedFill_(Tensor.of(true, false), 0),
                "maskedFill_",
                "maskedFill");
        GradMode off = Tensor.noGrad();
        try {
            w.maskedFill_(Tensor.of(true, false), 5);
        } finally {
            off.close();
        }
        assertArrayEquals(new double[] {5, 1}, w.toDoubleArray(), 0);
    }

    @Test
    void reductionsOfEmptyTensors() {
        Tensor e = Tensor.zeros(DType.FLOAT64, 0, 3);
        assertArrayEquals(
                new double[] {Double.NaN, Double.NaN, Double.NaN},
                e.var(new int[] {0}, true, false).toDoubleArray(),
                0);
        assertEquals(0, e.norm(1, new int[] {1}, false).numel());
        assertArrayEquals(new long[] {0, 1}, e.logsumexp(new int[] {1}, true).shape());
        assertEquals(1, Tensor.zeros(DType.INT64, 0).prod().item(), 0);
    }

    @Test
    void chunkAndSplitPieces() {
        List<Tensor> c = Tensor.arange(0, 5).chunk(2, 0);
        assertEquals(2, c.size());
        assertArrayEquals(new long[] {3, 4}, c.get(1).toLongArray());
        assertEquals(3, Tensor.zeros(2, 7).split(3, 1).size());
    }

    @Test
    void shapeOpErrorsNameTheOpAndShapes() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 4, 2);
        assertMessage(
                ShapeException.class,
                () -> x.split(new long[] {1, 2}, 0),
                "split",
                "[1, 2]",
                "sum to 3",
                "[4, 2]",
                "size 4");
        assertMessage(IllegalArgumentException.class, () -> x.split(0, 0), "split", "positive");
        assertMessage(IllegalArgumentException.class, () -> x.chunk(0, 0), "chunk", "positive");
        assertMessage(ShapeException.class, () -> x.repeat(2), "repeat", "[4, 2]");
        assertMessage(IllegalArgumentException.class, () -> x.roll(new long[] {1}, new int[] {0, 1}), "roll");
        assertMessage(IllegalArgumentException.class, () -> x.flip(0, -2), "flip", "more than once");
        assertMessage(IndexOutOfBoundsException.class, () -> x.flip(2), "flip", "dimension 2");
        assertMessage(IndexOutOfBoundsException.class, () -> x.cumsum(3), "cumsum", "dimension 3");
        assertMessage(IndexOutOfBoundsException.class, () -> x.cumprod(-3), "cumprod", "dimension -3");
        assertMessage(IndexOutOfBoundsException.class, () -> x.prod(2, false), "prod", "dimension 2");
        assertMessage(IndexOutOfBoundsException.class, () -> x.sort(2, false), "sort", "dimension 2");
        assertMessage(IndexOutOfBoundsException.class, () -> x.argsort(-3, false), "argsort", "dimension -3");
        assertMessage(IllegalArgumentException.class, () -> x.topk(3, 1, true), "topk", "k = 3", "size 2");
        assertMessage(IndexOutOfBoundsException.class, () -> x.all(5, false), "all", "dimension 5");
        assertMessage(IndexOutOfBoundsException.class, () -> x.logsumexp(2), "logsumexp", "dimension 2");
        assertMessage(IndexOutOfBoundsException.class, () -> x.var(new int[] {2}, true, false), "var", "dimension 2");
        assertMessage(
                IllegalArgumentException.class,
                () -> x.var(new int[] {0, -2}, true, false),
                "var",
                "dim 0",
                "more than once");
        assertMessage(
                IllegalArgumentException.class, () -> x.norm(2, new int[] {1, 1}, false), "norm", "more than once");
    }

    @Test
    void elementAndMaskErrorsNameBothShapes() {
        Tensor x = Tensor.zeros(DType.FLOAT64, 4, 2), y = Tensor.zeros(DType.FLOAT64, 3);
        assertMessage(ShapeException.class, () -> x.maximum(y), "maximum", "[4, 2]", "[3]");
        assertMessage(ShapeException.class, () -> x.minimum(y), "minimum", "[4, 2]", "[3]");
        assertMessage(ShapeException.class, () -> x.clamp(y, null), "clamp", "[4, 2]", "[3]");
        assertMessage(ShapeException.class, () -> x.logicalAnd(y), "logicalAnd", "[4, 2]", "[3]");
        assertMessage(IllegalArgumentException.class, () -> x.clamp((Tensor) null, null), "clamp");
        assertMessage(IllegalArgumentException.class, () -> x.maskedFill(Tensor.zeros(4, 2), 1), "maskedFill", "bool");
        assertMessage(
                ShapeException.class,
                () -> x.maskedFill(Tensor.of(true, false, true), 1),
                "maskedFill",
                "[3]",
                "[4, 2]");
        assertMessage(
                ShapeException.class, () -> x.maskedSelect(Tensor.of(true, false)), "maskedSelect", "[2]", "[4, 2]");
        Tensor m = Tensor.of(true, false, true, false);
        assertMessage(ShapeException.class, () -> x.maskedAssign(m, Tensor.zeros(3)), "maskedAssign", "[3]", "[2, 2]");
        assertMessage(IllegalArgumentException.class, () -> Tensor.of(1L, 2).norm(), "norm", "int64");
        assertMessage(
                IllegalArgumentException.class, () -> Tensor.of(1L, 2).var(new int[0], true, false), "var", "int64");
        assertMessage(IllegalArgumentException.class, () -> x.norm(-1), "norm", "-1");
        assertMessage(IllegalArgumentException.class, () -> x.gelu("fast"), "gelu", "fast");
        assertMessage(IllegalArgumentException.class, () -> x.hardtanh(1, -1), "hardtanh");
    }

    @Test
    void einsumErrors() {
        Tensor a = Tensor.zeros(2, 3), b = Tensor.zeros(4, 5);
        assertMessage(
                ShapeException.class, () -> Tensor.einsum("ij,jk->ik", a, b), "einsum", "'j'", "3", "4", "[4, 5]");
        assertMessage(ShapeException.class, () -> Tensor.einsum("ijk->k", a), "einsum", "[2, 3]", "\"ijk\"");
        assertMessage(
                IllegalArgumentException.class,
                () -> Tensor.einsum("ij,jk->ik", a),
                "einsum",
                "2 operands",
                "1 were given");
        assertMessage(IllegalArgumentException.class, () -> Tensor.einsum("..ij->ij", a), "einsum", "'...'");
        assertMessage(
                ShapeException.class,
                () -> Tensor.einsum("...ij,...jk->...ik", Tensor.zeros(2, 2, 3), Tensor.zeros(4, 3, 2)),
                "einsum",
                "'...'",
                "[4, 3, 2]",
                "4 vs 2");
        assertMessage(
                ShapeException.class,
                () -> Tensor.einsum("ii->i", a),
                "einsum",
                "'i'",
                "repeated",
                "2 and 3",
                "[2, 3]");
        assertMessage(IllegalArgumentException.class, () -> Tensor.einsum("ij->iz", a), "einsum", "'z'");
        assertMessage(IllegalArgumentException.class, () -> Tensor.einsum(""), "einsum", "at least one operand");
        Tensor v = Tensor.of(DType.FLOAT64, 1, 2, 3);
        assertEquals(1 + 16 + 81, Tensor.einsum("i,i,i,i->", v, v, v, v).item(), 1e-12); // four operands too
    }
}
