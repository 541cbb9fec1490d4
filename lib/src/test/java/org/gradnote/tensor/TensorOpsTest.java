package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forward semantics of shape, broadcasting, comparison and indexing ops. */
class TensorOpsTest {

    static Tensor m(double[] values, long... shape) {
        return Tensor.fromArray(FLOAT64, values, shape);
    }

    static Tensor t64(double... values) {
        return Tensor.fromArray(FLOAT64, values, values.length);
    }

    static long[] s(long... shape) {
        return shape;
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "3,4; 3,4; 3,4",
                "3,1; 1,4; 3,4",
                "2,3,4; 4; 2,3,4",
                "4; 2,3,4; 2,3,4",
                "2,1,4; 3,1; 2,3,4",
                "; 3,2; 3,2",
                "5,1,1; 1,6; 5,1,6"
            })
    void broadcastingFollowsNumpyRules(String a, String b, String expected) {
        Tensor x = Tensor.ones(FLOAT64, parse(a)), y = Tensor.ones(FLOAT64, parse(b));
        assertArrayEquals(parse(expected), x.add(y).shape());
        assertArrayEquals(parse(expected), x.mul(y).shape());
        assertArrayEquals(parse(expected), y.sub(x).shape());
    }

    static long[] parse(String shape) {
        if (shape == null || shape.isBlank()) return new long[0];
        String[] p = shape.split(",");
        long[] r = new long[p.length];
        for (int i = 0; i < p.length; i++) r[i] = Long.parseLong(p[i].trim());
        return r;
    }

    @Test
    void softplusKeepsItsPrecisionForVeryNegativeInputs() {
        // log(1 + exp(x)) rounds 1 + exp(x) to 1 below about -37 (float64) or -17 (float32); PyTorch gives exp(x).
        double[] x = {-30, -800, 0, 30, 2000};
        double[] want = {Math.log1p(Math.exp(-30)), 0, Math.log(2), 30 + Math.log1p(Math.exp(-30)), 2000};
        double[] got = Tensor.of(FLOAT64, x).softplus().toDoubleArray();
        for (int i = 0; i < x.length; i++)
            assertEquals(want[i], got[i], 1e-15 * Math.max(1, Math.abs(want[i])), "softplus(" + x[i] + ")");
        for (Tensor f : List.of(Tensor.of(-20f), Tensor.full(-20, 300))) {
            double v = f.softplus().toDoubleArray()[0];
            assertEquals(
                    2.0611536e-9, v, 1e-15, "float32 softplus(-20) on " + (f.small() != null ? "the heap" : "ND4J"));
        }
    }

    @Test
    void broadcastValuesColumnPlusRow() {
        Tensor col = m(new double[] {0, 10}, 2, 1), row = t64(1, 2, 3);
        assertArrayEquals(new double[] {1, 2, 3, 11, 12, 13}, col.add(row).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 0, 10, 20, 30}, col.mul(row).toDoubleArray());
        assertArrayEquals(new double[] {-1, -2, -3, 9, 8, 7}, col.sub(row).toDoubleArray());
    }

    @Test
    void scalarFormsAndMixedDTypes() {
        Tensor x = t64(1, 2, 4);
        assertArrayEquals(new double[] {0, 1, 3}, x.sub(1).toDoubleArray());
        assertArrayEquals(new double[] {0, -1, -3}, x.rsub(1).toDoubleArray());
        assertArrayEquals(new double[] {4, 2, 1}, x.rdiv(4).toDoubleArray());
        assertArrayEquals(new double[] {0.5, 1, 2}, x.div(2).toDoubleArray());
        assertArrayEquals(new double[] {-1, -2, -4}, x.neg().toDoubleArray());
        assertArrayEquals(new double[] {1, 4, 16}, x.square().toDoubleArray());
        assertEquals(
                FLOAT64,
                Tensor.ones(DType.FLOAT32, 2).add(Tensor.ones(FLOAT64, 2)).dtype());
    }

    @Test
    void matmulHandlesVectorsMatricesAndBatches() {
        Tensor a = m(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = m(new double[] {1, 0, 0, 1, 1, 1}, 3, 2);
        assertArrayEquals(new double[] {4, 5, 10, 11}, a.matmul(b).toDoubleArray());
        assertArrayEquals(new long[] {2}, a.matmul(t64(1, 1, 1)).shape());
        assertArrayEquals(new double[] {6, 15}, a.matmul(t64(1, 1, 1)).toDoubleArray());
        assertArrayEquals(new long[] {3}, t64(1, 1).matmul(a).shape());
        assertEquals(0, t64(1, 2).matmul(t64(3, 4)).dim());
        assertEquals(11, t64(1, 2).matmul(t64(3, 4)).item());
        assertArrayEquals(
                new long[] {4, 2, 2}, Tensor.ones(FLOAT64, 4, 2, 3).matmul(b).shape());
        assertArrayEquals(
                new long[] {4, 2, 5},
                Tensor.ones(FLOAT64, 4, 2, 3)
                        .matmul(Tensor.ones(FLOAT64, 1, 3, 5))
                        .shape());
    }

    @Test
    void argmaxFlatAndAlongADimension() {
        Tensor x = m(new double[] {1, 9, 3, 7, 2, 8}, 2, 3);
        assertEquals(1, x.argmax().item());
        assertEquals(DType.INT64, x.argmax().dtype());
        assertEquals(0, x.argmax().dim());
        assertArrayEquals(new long[] {1, 2}, x.argmax(1).toLongArray());
        assertArrayEquals(new long[] {1, 0, 1}, x.argmax(0).toLongArray());
        assertArrayEquals(new long[] {1, 2}, x.argmax(-1).toLongArray());
        assertArrayEquals(new long[] {0, 1}, x.argmin(1).toLongArray());
        assertEquals(DType.INT64, x.argmax(1).dtype());
    }

    @Test
    void reductions() {
        Tensor x = m(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(21, x.sum().item());
        assertEquals(0, x.sum().dim());
        assertArrayEquals(new double[] {5, 7, 9}, x.sum(0).toDoubleArray());
        assertArrayEquals(new long[] {2, 1}, x.sum(1, true).shape());
        assertEquals(3.5, x.mean().item());
        assertArrayEquals(new double[] {2, 5}, x.mean(1).toDoubleArray());
        assertEquals(6, x.max().item());
        assertArrayEquals(new double[] {3, 6}, x.max(1).values().toDoubleArray());
        assertArrayEquals(new long[] {2, 2}, x.max(1).indices().toLongArray());
        assertArrayEquals(new double[] {1, 2, 3}, x.min(0).values().toDoubleArray());
        assertArrayEquals(new double[] {3, 6}, x.amax(1).toDoubleArray());
        assertArrayEquals(new double[] {1, 2, 3}, x.amin(0).toDoubleArray());
        assertArrayEquals(new double[] {1, 1}, x.var(1, true, false).toDoubleArray(), 1e-12);
        assertArrayEquals(
                new double[] {2 / 3.0, 2 / 3.0}, x.var(1, false, false).toDoubleArray(), 1e-12);
    }

    @Test
    void comparisonsReturnBoolTensors() {
        Tensor x = t64(1, 2, 3);
        Tensor y = t64(3, 2, 1);
        assertBool(new boolean[] {false, false, true}, x.gt(2));
        assertBool(new boolean[] {true, false, false}, x.lt(2));
        assertBool(new boolean[] {false, true, true}, x.ge(2));
        assertBool(new boolean[] {true, true, false}, x.le(2));
        assertBool(new boolean[] {false, true, false}, x.eq(2));
        assertBool(new boolean[] {true, false, true}, x.ne(2));
        assertBool(new boolean[] {false, false, true}, x.gt(y));
        assertBool(new boolean[] {true, false, false}, x.lt(y));
        assertBool(new boolean[] {false, true, true}, x.ge(y));
        assertBool(new boolean[] {true, true, false}, x.le(y));
        assertBool(new boolean[] {false, true, false}, x.eq(y));
        assertBool(new boolean[] {true, false, true}, x.ne(y));
        // broadcasting comparison
        Tensor col = m(new double[] {1, 3}, 2, 1);
        assertArrayEquals(new long[] {2, 3}, col.gt(x).shape());
        assertEquals(2, x.ge(2).countNonZero());
        assertFalse(x.requiresGrad(true).gt(1).requiresGrad());
    }

    static void assertBool(boolean[] expected, Tensor t) {
        assertEquals(DType.BOOL, t.dtype());
        double[] v = t.toDoubleArray();
        assertEquals(expected.length, v.length);
        for (int i = 0; i < v.length; i++) assertEquals(expected[i] ? 1.0 : 0.0, v[i], "element " + i);
    }

    @Test
    void whereSelectsWithBroadcasting() {
        Tensor x = t64(-1, 2, -3);
        assertArrayEquals(
                new double[] {0, 2, 0},
                Tensor.where(x.gt(0), x, Tensor.zeros(FLOAT64)).toDoubleArray());
        Tensor cond = Tensor.of(true, false);
        Tensor out = Tensor.where(cond.reshape(2, 1), Tensor.ones(FLOAT64, 3), Tensor.zeros(FLOAT64, 2, 3));
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0}, out.toDoubleArray());
    }

    @Test
    void oneHotEncodesClassIndices() {
        Tensor o = Tensor.of(2L, 0L, 1L).oneHot(3);
        assertArrayEquals(new long[] {3, 3}, o.shape());
        assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, o.toDoubleArray());
        assertEquals(Tensor.defaultDType(), o.dtype());
        assertArrayEquals(
                new long[] {2, 2, 4}, Tensor.zeros(DType.INT64, 2, 2).oneHot(4).shape());
    }

    @Test
    void stackAndCatShapes() {
        Tensor a = Tensor.ones(FLOAT64, 2, 3), b = Tensor.zeros(FLOAT64, 2, 3);
        assertArrayEquals(new long[] {2, 2, 3}, Tensor.stack(0, a, b).shape());
        assertArrayEquals(new long[] {2, 2, 3}, Tensor.stack(1, a, b).shape());
        assertArrayEquals(new long[] {2, 3, 2}, Tensor.stack(2, a, b).shape());
        assertArrayEquals(new long[] {2, 3, 2}, Tensor.stack(-1, a, b).shape());
        assertArrayEquals(
                new double[] {1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0},
                Tensor.stack(-1, a, b).toDoubleArray());
        assertArrayEquals(new long[] {4, 3}, Tensor.cat(0, a, b).shape());
        assertArrayEquals(new long[] {2, 6}, Tensor.cat(1, a, b).shape());
        assertArrayEquals(
                new long[] {2, 7},
                Tensor.cat(List.of(a, Tensor.ones(FLOAT64, 2, 4)), -1).shape());
        assertArrayEquals(
                new double[] {1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0, 0},
                Tensor.cat(1, a, b).toDoubleArray());
        assertArrayEquals(
                new long[] {3, 2},
                Tensor.stack(List.of(t64(1, 2), t64(3, 4), t64(5, 6)), 0).shape());
    }

    @Test
    void catAndStackPassGradientsBackToEachPart() {
        Tensor a = Tensor.ones(FLOAT64, 2).requiresGrad(true),
                b = Tensor.ones(FLOAT64, 3).requiresGrad(true);
        Tensor.cat(0, a, b).mul(t64(1, 2, 3, 4, 5)).sum().backward();
        assertArrayEquals(new double[] {1, 2}, a.grad().toDoubleArray());
        assertArrayEquals(new double[] {3, 4, 5}, b.grad().toDoubleArray());
    }

    @Test
    void squeezeAndUnsqueeze() {
        Tensor x = Tensor.zeros(FLOAT64, 1, 3, 1, 2);
        assertArrayEquals(s(3, 2), x.squeeze().shape());
        assertArrayEquals(s(3, 1, 2), x.squeeze(0).shape());
        assertArrayEquals(s(1, 3, 2), x.squeeze(2).shape());
        assertArrayEquals(s(1, 3, 1, 2), x.squeeze(1).shape()); // size 3: unchanged
        assertArrayEquals(s(1, 3, 1, 2), x.squeeze(-1).shape()); // size 2: unchanged
        assertArrayEquals(s(1, 3, 2), x.squeeze(-2).shape());
        assertArrayEquals(s(1, 3), Tensor.zeros(3).unsqueeze(0).shape());
        assertArrayEquals(s(3, 1), Tensor.zeros(3).unsqueeze(1).shape());
        assertArrayEquals(s(3, 1), Tensor.zeros(3).unsqueeze(-1).shape());
        assertArrayEquals(s(2, 1, 3), Tensor.zeros(2, 3).unsqueeze(1).shape());
        assertEquals(0, Tensor.zeros(1, 1).squeeze().dim());
    }

    @Test
    void expandRepeatsSizeOneDimensionsAndSumsGradientsBack() {
        Tensor x = t64(1, 2).reshape(2, 1).requiresGrad(true);
        Tensor e = x.expand(2, 3);
        assertArrayEquals(s(2, 3), e.shape());
        assertArrayEquals(new double[] {1, 1, 1, 2, 2, 2}, e.toDoubleArray());
        assertArrayEquals(s(4, 2, 3), x.expand(4, 2, 3).shape());
        e.sum().backward();
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray());
        ShapeException bad = org.junit.jupiter.api.Assertions.assertThrows(ShapeException.class, () -> x.expand(3, 3));
        TensorErrorsTest.assertMentions(bad, "expand", "[2, 1]", "[3, 3]");
    }

    @Test
    void reshapeViewFlattenPermuteTranspose() {
        Tensor x = m(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(s(3, 2), x.reshape(3, -1).shape());
        assertArrayEquals(s(6), x.flatten().shape());
        assertArrayEquals(s(2, 12), Tensor.zeros(2, 3, 2, 2).flatten(1).shape());
        Tensor t = x.t();
        assertArrayEquals(s(3, 2), t.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, t.toDoubleArray());
        // a view of a transposed tensor is copied as needed (PyTorch would demand contiguous())
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, t.view(6).toDoubleArray());
        assertArrayEquals(s(3, 1, 2), Tensor.zeros(1, 2, 3).permute(2, 0, 1).shape());
        assertArrayEquals(s(3, 2, 1), Tensor.zeros(1, 2, 3).transpose(0, 2).shape());
        Tensor v = t64(1, 2);
        assertSame(v, v.t());
    }

    @Test
    void sliceSelectIndexSelectGather() {
        Tensor x = m(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new double[] {2, 3, 5, 6}, x.slice(1, 1, 3).toDoubleArray());
        assertArrayEquals(new double[] {1, 3, 4, 6}, x.slice(1, 0, 100, 2).toDoubleArray());
        assertArrayEquals(new double[] {3, 6}, x.slice(1, -1, 3).toDoubleArray());
        assertArrayEquals(new double[] {4, 5, 6}, x.select(0, 1).toDoubleArray());
        assertArrayEquals(new double[] {3, 6}, x.select(1, -1).toDoubleArray());
        assertArrayEquals(
                new double[] {3, 1, 6, 4}, x.indexSelect(1, Tensor.of(2L, 0L)).toDoubleArray());
        Tensor g = x.gather(1, Tensor.fromArray(DType.INT64, new double[] {2, 0}, 2, 1));
        assertArrayEquals(s(2, 1), g.shape());
        assertArrayEquals(new double[] {3, 4}, g.toDoubleArray());
        assertArrayEquals(
                new double[] {4, 5, 6},
                x.maskedSelectRows(Tensor.of(false, true)).toDoubleArray());
    }

    /** indexSelect along dimension 0 copies whole rows (the minibatch path) for every type, repeats included. */
    @ParameterizedTest
    @CsvSource({"FLOAT32", "FLOAT64", "INT32", "INT64"})
    void indexSelectRowsOfEveryType(DType type) {
        double[] v = new double[24];
        for (int i = 0; i < v.length; i++) v[i] = i;
        Tensor x = Tensor.fromArray(type, v, 4, 3, 2);
        Tensor rows = x.indexSelect(0, Tensor.of(3L, 0L, 3L));
        assertArrayEquals(s(3, 3, 2), rows.shape());
        assertEquals(type, rows.dtype());
        assertArrayEquals(
                new double[] {18, 19, 20, 21, 22, 23, 0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22, 23}, rows.toDoubleArray());
        assertArrayEquals(
                new double[] {6, 7, 8, 9, 10, 11},
                x.indexSelect(0, Tensor.of(new int[] {1})).toDoubleArray());
        assertArrayEquals(s(0, 3, 2), x.indexSelect(0, Tensor.of(new int[0])).shape());
        Tensor flags = Tensor.of(true, false, false, true).indexSelect(0, Tensor.of(3L, 1L, 0L));
        assertEquals(DType.BOOL, flags.dtype());
        assertArrayEquals(new double[] {1, 0, 1}, flags.toDoubleArray());
    }

    /** indexSelect with Java ints equals the index-tensor form, forward and backward, along any dimension. */
    @Test
    void indexSelectWithJavaIntsMatchesTheIndexTensorForm() {
        for (int dim = 0; dim < 3; dim++) {
            Tensor x = Tensor.randn(DType.FLOAT64, 4, 3, 5).requiresGrad(true),
                    w = Tensor.randn(DType.FLOAT64, 4, 3, 5);
            int[] picks = {2, 0, 2};
            Tensor a = x.indexSelect(dim, picks), b = x.indexSelect(dim, Tensor.of(2L, 0L, 2L));
            assertArrayEquals(b.toDoubleArray(), a.toDoubleArray(), 0.0, "dim " + dim);
            a.sum().backward();
            Tensor ga = x.grad();
            x.zeroGrad();
            b.sum().backward();
            assertArrayEquals(
                    x.grad().toDoubleArray(), ga.toDoubleArray(), 0.0, "repeated indices accumulate, dim " + dim);
        }
        Tensor x = Tensor.randn(3, 2);
        assertThrows(IndexOutOfBoundsException.class, () -> x.indexSelect(0, 0, 3));
        assertArrayEquals(s(0, 2), x.indexSelect(0, new int[0]).shape());
    }

    /** reshape of a transposed tensor is a view when strides allow (torch.reshape), and its gradient flows back. */
    @Test
    void reshapeOfTransposedIsAViewWithGradient() {
        Tensor y = Tensor.arange(0.0, 6, 1).reshape(1, 2, 3).requiresGrad(true);
        Tensor r = y.transpose(1, 2).reshape(3, 2);
        assertArrayEquals(new double[] {0, 3, 1, 4, 2, 5}, r.toDoubleArray());
        Tensor w = Tensor.of(new double[][] {{1, 10}});
        Tensor out = r.matmul(w.transpose(0, 1));
        assertArrayEquals(new double[] {30, 41, 52}, out.toDoubleArray());
        out.sum().backward();
        assertArrayEquals(new double[] {1, 1, 1, 10, 10, 10}, y.grad().toDoubleArray());
        // Not a view (strides cannot express it): a copy with the same values.
        assertArrayEquals(
                new double[] {0, 3, 1, 4, 2, 5}, y.transpose(1, 2).reshape(6).toDoubleArray());
    }

    /**
     * Activation gradients that arrive as transposed (strided) arrays give the right values
     * (300 elements: past the heap path, on the native ops).
     */
    @Test
    void activationBackwardWithTransposedGradient() {
        int rows = 2, cols = 150;
        double[] xs = new double[rows * cols], ws = new double[rows * cols];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Math.sin(i * 1.7) * 3;
            ws[i] = 1 + i % 7;
        }
        Tensor x = Tensor.fromArray(FLOAT64, xs, rows, cols).requiresGrad(true);
        Tensor w = Tensor.fromArray(FLOAT64, ws, cols, rows);
        for (String f : List.of("relu", "tanh", "sigmoid")) {
            x.zeroGrad();
            Tensor a = f.equals("relu") ? x.relu() : f.equals("tanh") ? x.tanh() : x.sigmoid();
            a.transpose(0, 1).mul(w).sum().backward();
            double[] gv = x.grad().toDoubleArray();
            for (int i = 0; i < xs.length; i++) {
                double up = ws[(i % cols) * rows + i / cols], v = xs[i], sg = 1 / (1 + Math.exp(-v));
                double d = f.equals("relu")
                        ? (v > 0 ? 1 : 0)
                        : f.equals("tanh") ? 1 - Math.tanh(v) * Math.tanh(v) : sg * (1 - sg);
                assertEquals(up * d, gv[i], 1e-12, f + " element " + i);
            }
        }
    }

    /** One value makes a 1-D tensor of shape [1], as torch.tensor([7]) does (ND4J alone makes it a scalar). */
    @Test
    void oneValueFactoriesAreVectors() {
        assertArrayEquals(s(1), Tensor.of(7L).shape());
        assertArrayEquals(s(1), Tensor.of(new int[] {7}).shape());
        assertArrayEquals(s(1), Tensor.of(true).shape());
        assertArrayEquals(s(1), Tensor.of(7.0).shape());
        assertArrayEquals(s(0), Tensor.of(new long[0]).shape());
        assertEquals(DType.INT64, Tensor.of(new int[] {7}).dtype());
    }

    @Test
    void elementWiseFunctions() {
        Tensor x = t64(-1, 0, 2);
        assertArrayEquals(new double[] {0, 0, 2}, x.relu().toDoubleArray());
        assertArrayEquals(new double[] {-0.1, 0, 2}, x.leakyRelu(0.1).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {1, 0, 2}, x.abs().toDoubleArray());
        assertArrayEquals(new double[] {-0.5, 0, 1}, x.clamp(-0.5, 1).toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 2}, x.clampMin(0).toDoubleArray());
        assertEquals(0.5, t64(0).sigmoid().item(), 1e-15);
        assertEquals(Math.tanh(2), t64(2).tanh().item(), 1e-15);
        assertEquals(Math.log1p(Math.exp(-30)), t64(-30).softplus().item(), 1e-15);
        assertEquals(30 + Math.log1p(Math.exp(-30)), t64(30).softplus().item(), 1e-12);
        Tensor sm = m(new double[] {1, 2, 3, 1, 1, 1}, 2, 3).softmax(1);
        assertArrayEquals(new double[] {1, 1}, sm.sum(1).toDoubleArray(), 1e-12);
        assertEquals(1 / 3.0, sm.get(1, 0), 1e-12);
        Tensor big = t64(1000, 0).reshape(1, 2).logSoftmax(1);
        assertEquals(-1000, big.get(0, 1), 1e-9);
    }

    @Test
    void comparisonsOfEmptyTensorsAreEmptyBools() {
        for (DType t : new DType[] {DType.FLOAT32, FLOAT64, DType.INT64}) {
            Tensor e = Tensor.zeros(t, 0, 3);
            for (Tensor r : new Tensor[] {e.lt(0.5), e.gt(1), e.le(2), e.ge(0), e.eq(1), e.ne(1), e.lt(e), e.eq(e)}) {
                assertEquals(DType.BOOL, r.dtype());
                assertArrayEquals(new long[] {0, 3}, r.shape());
            }
        }
        assertArrayEquals(
                new long[] {0, 3},
                Functional.dropout(Tensor.zeros(0, 3), 0.5, true).shape());
    }
}
