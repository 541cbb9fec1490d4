package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Engine.contiguous on the views gradnote meets: used as is when dense, else copied with the right elements. */
class EngineLayoutTest {
    private static INDArray grid() {
        return Nd4j.arange(0, 24).castTo(DataType.FLOAT).reshape('c', 4, 6);
    }

    @Test
    void denseArraysAndUnitDimensionPermutesAreUsedAsIs() {
        INDArray a = grid();
        assertSame(a, Engine.contiguous(a));
        INDArray col = Nd4j.arange(0, 5).castTo(DataType.FLOAT).reshape('c', 1, 5, 1);
        INDArray t = col.permute(0, 2, 1);
        assertSame(t, Engine.contiguous(t));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4}, Engine.floats(t));
    }

    @Test
    void offsetSlicesTransposesAndStridedViewsAreCopiedInOrder() {
        INDArray a = grid();
        INDArray cols = a.get(NDArrayIndex.all(), NDArrayIndex.interval(2, 5));
        INDArray rows = a.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
        INDArray tr = a.transpose();
        for (INDArray v : new INDArray[] {cols, rows, tr}) {
            INDArray c = Engine.contiguous(v);
            assertArrayEquals(v.shape(), c.shape());
            assertArrayEquals(v.dup('c').data().asFloat(), Engine.floats(c), 0f);
        }
        assertArrayEquals(
                new float[] {2, 3, 4, 8, 9, 10, 14, 15, 16, 20, 21, 22}, Engine.floats(Engine.contiguous(cols)), 0f);
        assertArrayEquals(
                new float[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, Engine.floats(Engine.contiguous(rows)), 0f);
    }

    @Test
    void aFailingNativeOpThrowsWithItsNameAndTheNextCallStillWorks() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3), b = Nd4j.rand(DataType.FLOAT, 4, 5);
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> Engine.exec("matmul", new INDArray[] {a, b}, Nd4j.createUninitialized(DataType.FLOAT, 2, 5)));
        // gradnote's words first (op, dtypes, shapes); libnd4j's text only as the cause.
        assertTrue(
                e.getMessage()
                        .startsWith("gradnote: the native op 'matmul' failed on inputs (float32 [2, 3], float32 [4, 5])"
                                + " with outputs (float32 [2, 5])"),
                e.getMessage());
        assertFalse(e.getMessage().contains("libnd4j"), e.getMessage());
        assertTrue(
                e.getCause() != null && e.getCause().getMessage().startsWith("libnd4j: "),
                String.valueOf(e.getCause()));
        INDArray c = Nd4j.rand(DataType.FLOAT, 3, 5), out = Nd4j.createUninitialized(DataType.FLOAT, 2, 5);
        Engine.exec("matmul", new INDArray[] {a, c}, out);
        assertEquals(a.mmul(c), out);
    }

    /**
     * Engine keys ops by the hash of their name, computed on the Java side instead of through ND4J's op table: every
     * op name gradnote runs must hash to the op libnd4j registered under that name.
     */
    @Test
    void everyOpNameGradnoteRunsHashesToItsRegisteredOp() {
        String[] names = {
            "add",
            "subtract",
            "multiply",
            "divide",
            "Pow",
            "relu",
            "relu_bp",
            "tanh",
            "tanh_bp",
            "sigmoid",
            "sigmoid_bp",
            "softmax",
            "softmax_bp",
            "identity",
            "matmul",
            "matmul_bp",
            "reduce_sum",
            "reduce_mean",
            "gather",
            "scatter_add",
            "onehot",
            "batchnorm",
            "maxpool2d",
            "maxpool2d_bp",
            "avgpool2d",
            "avgpool2d_bp",
            "equals",
            "not_equals",
            "greater",
            "greater_equal",
            "less",
            "less_equal",
            "permute",
            "biasadd",
            "adam_updater",
            "reversesubtract",
            "select"
        };
        var table = Nd4j.getExecutioner().getCustomOperations();
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(names));
        // The element-wise table's native ops, so that a new entry is checked without an edit here.
        for (BinaryOp op : BinaryOp.values()) all.add(op.nativeName);
        for (String name : all) {
            assertTrue(table.containsKey(name), name + " is a custom op");
            assertEquals(table.get(name).getHash(), org.nd4j.linalg.util.HashUtil.getLongHash(name), name);
        }
    }

    /** An alias (registered under its op's hash, not its own) still runs: the first call finds the op in ND4J's table. */
    @Test
    void anAliasRunsThroughTheTableOnItsFirstCall() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 2, 3), c = Nd4j.rand(DataType.FLOAT, 3, 5);
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, 2, 5),
                again = Nd4j.createUninitialized(DataType.FLOAT, 2, 5);
        Engine.exec("mMul", new INDArray[] {a, c}, out);
        Engine.exec("mMul", new INDArray[] {a, c}, again);
        assertEquals(a.mmul(c), out);
        assertEquals(out, again);
    }

    @Test
    void linearGivesAColumnMajorInputAColumnMajorGradientSoTheTransposeBackIsDense() {
        // The meteo CNN's pattern: y [1, H, T] -> transpose(1, 2) -> reshape(T, H) -> linear; the gradient reaching y
        // must be dense (no gather before the ReLU's backward) and equal the row-major computation's.
        Tensor y = Tensor.randn(DType.FLOAT64, 1, 8, 40).requiresGrad(true);
        Tensor w = Tensor.randn(DType.FLOAT64, 3, 8).requiresGrad(true);
        Tensor upstream = Tensor.randn(DType.FLOAT64, 40, 3);
        Tensor x = y.transpose(1, 2).reshape(40, 8);
        assertTrue(Engine.isColumnMajor(x.data()));
        Tensor.linear(x, w, null).mul(upstream).sum().backward();
        Tensor yRef = y.detach().requiresGrad(true), wRef = w.detach().requiresGrad(true);
        Tensor.linear(yRef.transpose(1, 2).copy().reshape(40, 8), wRef, null)
                .mul(upstream)
                .sum()
                .backward();
        assertFalse(
                Engine.isColumnMajor(yRef.transpose(1, 2).copy().reshape(40, 8).data()));
        assertArrayEquals(yRef.grad().toDoubleArray(), y.grad().toDoubleArray(), 1e-12);
        assertArrayEquals(wRef.grad().toDoubleArray(), w.grad().toDoubleArray(), 1e-12);
        // What the rule hands back: x's gradient in x's own (column-major) layout, which the transpose's backward
        // turns into a dense array (the row-major gradient came back strided and was gathered every step).
        Tensor out = Tensor.linear(x, w, null);
        INDArray dx = (INDArray) out.node.apply(Nd4j.ones(DataType.DOUBLE, 40, 3))[0];
        assertTrue(Engine.isColumnMajor(dx));
        assertTrue(Engine.isDense(Engine.permute(Engine.reshape(dx, new long[] {1, 40, 8}), new int[] {0, 2, 1})));
    }
}
