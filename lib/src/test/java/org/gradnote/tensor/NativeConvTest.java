package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * conv2d's two routes, libnd4j's conv2d/conv2d_bp (oneDNN's under that build) and gradnote's im2col + gemm, give the
 * same output and gradients on whichever natives build this JVM loaded, and the dispatch policy takes the native route
 * exactly where it should.
 */
class NativeConvTest {
    @Test
    void theNativeRouteIsTakenUnderOneDnnOnly() {
        String asked = System.getProperty(NativeVariant.PROPERTY);
        NativeVariant loaded = Gradnote.nativeVariant();
        if (asked != null && NativeVariant.auto(NativeVariant.cpuFlags()) == NativeVariant.AVX2) {
            assertEquals(NativeVariant.parse(asked, "test"), loaded, "the build asked for is the one loaded");
        }
        ComputePath before = Dispatch.path();
        try {
            Dispatch.setPath(ComputePath.AUTO);
            boolean oneDnn = loaded == NativeVariant.ONEDNN_AVX2;
            assertEquals(oneDnn, Dispatch.nativeConv(DataType.FLOAT, 1 << 20, 16), "float32 under " + loaded);
            assertEquals(false, Dispatch.nativeConv(DataType.FLOAT, Dispatch.ONEDNN_CONV_MIN_MACS - 1, 64), "tiny");
            assertEquals(false, Dispatch.nativeConv(DataType.FLOAT, 9_437_184, 8), "few channels (U-Net's first)");
            assertEquals(oneDnn, Dispatch.nativeConv(DataType.FLOAT, Dispatch.ONEDNN_CONV_ANY_MACS, 3), "large, 3");
            assertEquals(false, Dispatch.nativeConv(DataType.DOUBLE, 1 << 20, 16), "float64 (oneDNN has none)");
            Dispatch.setPath(ComputePath.NATIVE);
            assertEquals(true, Dispatch.nativeConv(DataType.DOUBLE, 1, 1), "forced native");
            Dispatch.setPath(ComputePath.LOOP);
            assertEquals(false, Dispatch.nativeConv(DataType.FLOAT, 1 << 20, 16), "forced loops");
        } finally {
            Dispatch.setPath(before);
        }
    }

    private static Tensor[] run(ComputePath p, Tensor x, Tensor w, Tensor b, int stride, int pad, int dil) {
        ComputePath before = Dispatch.path();
        Dispatch.setPath(p);
        try {
            Tensor xg = x.detach().requiresGrad(true), wg = w.detach().requiresGrad(true);
            Tensor bg = b == null ? null : b.detach().requiresGrad(true);
            Tensor y = Functional.conv2d(xg, wg, bg, stride, pad, dil);
            y.mul(y).sum().backward();
            return new Tensor[] {y, xg.grad(), wg.grad(), bg == null ? null : bg.grad()};
        } finally {
            Dispatch.setPath(before);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT32,8,3,12,12,16,3,1,1,1,true",
        "FLOAT32,4,5,9,11,6,3,2,0,1,false",
        "FLOAT32,2,4,10,10,8,3,1,2,2,true", // dilated: im2col on both paths (oneDNN's op refuses it)
        "FLOAT64,3,2,7,7,4,3,1,1,1,true"
    })
    void bothRoutesAgree(
            DType type, int n, int c, int h, int wd, int o, int k, int stride, int pad, int dil, boolean bias) {
        Gradnote.seed(n * 31L + c);
        Tensor x = Tensor.randn(type, n, c, h, wd), w = Tensor.randn(type, o, c, k, k);
        Tensor b = bias ? Tensor.randn(type, o) : null;
        Tensor[] nat = run(ComputePath.NATIVE, x, w, b, stride, pad, dil);
        Tensor[] own = run(ComputePath.LOOP, x, w, b, stride, pad, dil);
        double tol = type == DType.FLOAT32 ? 2e-4 : 1e-10;
        String[] names = {"output", "dx", "dw", "db"};
        for (int i = 0; i < 4; i++) {
            if (own[i] == null) continue;
            double scale = own[i].abs().max().item();
            double diff = nat[i].sub(own[i]).abs().max().item();
            assertEquals(0, diff / Math.max(1, scale), tol, names[i] + " under " + Gradnote.nativeVariant());
        }
    }
}
