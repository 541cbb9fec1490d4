package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The direct convolution's C loops give im2col + gemm's output and gradients to float32 rounding, propagate NaN as it
 * does, give the same bits at 1 and 2 threads, and are taken exactly where the dispatch policy says.
 */
class DirectConvTest {
    /** Output, dx, dw, db of conv2d (or conv1d for a 3-D x) under path p, with the loss sum(y · gy). */
    private static Tensor[] run(ComputePath p, Tensor x, Tensor w, Tensor b, Tensor gy, int pad, boolean same) {
        ComputePath before = Dispatch.path();
        Dispatch.setPath(p);
        try {
            Tensor xg = x.detach().requiresGrad(x.requiresGrad()),
                    wg = w.detach().requiresGrad(true);
            Tensor bg = b == null ? null : b.detach().requiresGrad(true);
            Tensor y;
            if (x.dim() == 3) y = Functional.conv1d(xg, wg, bg, 1, pad, 1);
            else if (same) y = Functional.conv2d(xg, wg, bg, new int[] {1, 1}, "same", new int[] {1, 1});
            else y = Functional.conv2d(xg, wg, bg, 1, pad, 1);
            y.mul(gy).sum().backward();
            return new Tensor[] {y, x.requiresGrad() ? xg.grad() : null, wg.grad(), bg == null ? null : bg.grad()};
        } finally {
            Dispatch.setPath(before);
        }
    }

    private static LayerPrimitives.Window window(int k, int pad, boolean same) {
        return new LayerPrimitives.Window(k, k, 1, 1, pad, pad, 1, 1, same);
    }

    @ParameterizedTest
    @CsvSource({
        "16,8,32,32,8,3,1,true,true,false", // the U-Net's 8-channel layers
        "2,3,64,5,4,3,1,true,true,false", // widths below one 8-lane chunk
        "3,5,20,22,7,3,0,true,true,false", // no padding: x's own planes
        "2,2,17,17,3,5,2,false,true,false", // 5x5, no bias
        "4,2,13,17,5,5,4,true,true,false", // padding k - 1
        "2,4,16,17,3,1,0,true,true,false", // 1x1
        "2,3,16,16,2,2,1,true,true,false", // even window: output one larger
        "2,3,16,17,4,4,0,true,true,true", // "same" with an even window: one more row and column after than before
        "8,1,28,28,6,5,0,true,false,false", // LeNet's first layer: no dx
        "4,3,1,300,5,3,1,true,true,false" // conv1d [4, 3, 300]
    })
    void matchesImToColAndGemm(
            int n, int c, int h, int w, int o, int k, int pad, boolean bias, boolean xGrad, boolean same) {
        Gradnote.seed(n * 131L + c * 7L + k);
        boolean oneD = h == 1;
        Tensor x = (oneD ? Tensor.randn(n, c, w) : Tensor.randn(n, c, h, w)).requiresGrad(xGrad);
        Tensor wt = oneD ? Tensor.randn(o, c, k) : Tensor.randn(o, c, k, k);
        Tensor b = bias ? Tensor.randn(o) : null;
        long[] x4 = {n, c, h, w};
        LayerPrimitives.Window win =
                oneD ? new LayerPrimitives.Window(1, k, 1, 1, 0, pad, 1, 1, false) : window(k, pad, same);
        DirectConv.Geometry g = DirectConv.plan(DataType.FLOAT, x4, new long[] {o, c, oneD ? 1 : k, k}, win);
        assumeTrue(NativeLoops.enabled() && Dispatch.path() == ComputePath.AUTO, "the C loops run on AUTO only");
        assertNotNull(g, "the direct route is planned");
        Tensor gy = Tensor.randn(run(ComputePath.LOOP, x, wt, b, Tensor.scalar(1.0f), pad, same)[0].shape());
        Tensor[] direct = run(ComputePath.AUTO, x, wt, b, gy, pad, same);
        Tensor[] gemm = run(ComputePath.LOOP, x, wt, b, gy, pad, same);
        String[] names = {"output", "dx", "dw", "db"};
        for (int i = 0; i < 4; i++) {
            if (gemm[i] == null) {
                assertNull(direct[i], names[i]);
                continue;
            }
            assertArrayEquals(gemm[i].shape(), direct[i].shape(), names[i] + " shape");
            double scale = gemm[i].abs().max().item();
            double diff = direct[i].sub(gemm[i]).abs().max().item();
            assertEquals(0, diff / Math.max(1, scale), 2e-6, names[i]);
        }
    }

    @Test
    void nanAndInfinityReachTheSameOutputsAsImToCol() {
        Gradnote.seed(3);
        float[] xs = Tensor.randn(2, 3, 16, 18).toFloatArray();
        xs[10] = Float.NaN;
        xs[50] = Float.POSITIVE_INFINITY;
        xs[100] = Float.NEGATIVE_INFINITY;
        Tensor x = Tensor.of(xs).reshape(2, 3, 16, 18).requiresGrad(true);
        Tensor w = Tensor.randn(4, 3, 3, 3), b = Tensor.randn(4);
        Tensor gy = Tensor.randn(2, 4, 16, 18);
        assumeTrue(NativeLoops.enabled() && Dispatch.path() == ComputePath.AUTO, "the C loops run on AUTO only");
        Tensor[] direct = run(ComputePath.AUTO, x, w, b, gy, 1, false);
        Tensor[] gemm = run(ComputePath.LOOP, x, w, b, gy, 1, false);
        for (int i = 0; i < 4; i++) {
            float[] d = direct[i].toFloatArray(), e = gemm[i].toFloatArray();
            for (int j = 0; j < d.length; j++) {
                assertEquals(Float.isNaN(e[j]), Float.isNaN(d[j]), "NaN at " + j + " of result " + i);
                if (Float.isInfinite(e[j])) assertEquals(e[j], d[j], "infinity at " + j + " of result " + i);
            }
        }
        assertTrue(Float.isNaN(direct[0].toFloatArray()[0]) || hasNaN(direct[0]), "the NaN reached the output");
    }

    private static boolean hasNaN(Tensor t) {
        for (float v : t.toFloatArray()) if (Float.isNaN(v)) return true;
        return false;
    }

    @Test
    void sameBitsAtOneAndTwoThreads() {
        assumeTrue(NativeLoops.enabled() && Dispatch.path() == ComputePath.AUTO, "the C loops run on AUTO only");
        Gradnote.seed(5);
        Tensor x = Tensor.randn(16, 8, 32, 32).requiresGrad(true), w = Tensor.randn(8, 8, 3, 3), b = Tensor.randn(8);
        Tensor gy = Tensor.randn(16, 8, 32, 32);
        int before = Parallel.threads();
        try {
            Gradnote.setNumThreads(1);
            Tensor[] one = run(ComputePath.AUTO, x, w, b, gy, 1, false);
            Gradnote.setNumThreads(2);
            int splits = Parallel.splits();
            Tensor[] two = run(ComputePath.AUTO, x, w, b, gy, 1, false);
            assertTrue(Parallel.splits() > splits, "2 threads split the loops");
            for (int i = 0; i < 4; i++) assertArrayEquals(one[i].toFloatArray(), two[i].toFloatArray(), "result " + i);
        } finally {
            Gradnote.setNumThreads(before);
        }
    }

    @Test
    void thePolicyTakesFewTapsAndFewOutputChannels() {
        assertTrue(Dispatch.directConv(8, 8, 3, 3, 1024), "U-Net's 8 -> 8");
        assertTrue(Dispatch.directConv(1, 6, 5, 5, 576), "LeNet's first on 28x28 images");
        assertTrue(Dispatch.directConv(8, 16, 3, 3, 256), "72 taps, 16 out");
        assertFalse(Dispatch.directConv(16, 8, 3, 3, 1024), "144 taps");
        assertFalse(Dispatch.directConv(3, 32, 3, 3, 1024), "32 out (CIFAR's first)");
        assertFalse(Dispatch.directConv(1, 6, 3, 3, 64), "the digits lab's 8x8 planes");
        LayerPrimitives.Window strided = new LayerPrimitives.Window(3, 3, 2, 2, 1, 1, 1, 1, false);
        LayerPrimitives.Window dilated = new LayerPrimitives.Window(3, 3, 1, 1, 2, 2, 2, 2, false);
        LayerPrimitives.Window wide = new LayerPrimitives.Window(3, 3, 1, 1, 3, 3, 1, 1, false);
        long[] x4 = {2, 4, 20, 20}, w4 = {4, 4, 3, 3};
        assertNull(DirectConv.plan(DataType.FLOAT, x4, w4, strided), "stride 2");
        assertNull(DirectConv.plan(DataType.FLOAT, x4, w4, dilated), "dilation 2");
        assertNull(DirectConv.plan(DataType.FLOAT, x4, w4, wide), "padding past k - 1");
        assertNull(DirectConv.plan(DataType.DOUBLE, x4, w4, window(3, 1, false)), "float64");
        if (NativeLoops.enabled()) assertNotNull(DirectConv.plan(DataType.FLOAT, x4, w4, window(3, 1, false)));
    }
}
