package org.gradnote.tensor;

import java.util.Arrays;
import java.util.Locale;
import org.gradnote.Gradnote;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Not a test (surefire runs *Test classes only): times each op the dispatch policy chooses a path for, on gradnote's
 * own path and on ND4J's native op, in the natives build this JVM loaded; one JVM per build gives the crossovers
 * recorded in docs/performance.md. Run (lib compiled with test-compile, Gradnote.jvmOptions() as training JVMs run):
 *
 * <pre>
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1 -Dgradnote.native=avx2 \
 *     -cp lib/target/test-classes:lib/target/classes:$(cat cp.txt) org.gradnote.tensor.NativeOpsBench [quick]
 * </pre>
 *
 * <p>Prints one line per case: build, op, shape, then the median milliseconds of gradnote's path and of the native
 * op (forward, or forward and backward where the case says so).
 */
final class NativeOpsBench {
    private NativeOpsBench() {}

    private static int reps = 7;

    public static void main(String[] args) {
        java.util.List<String> a = Arrays.asList(args);
        if (a.contains("quick")) reps = 2;
        // Which ops: all, or those named (conv, maxpool, matmul, unary).
        java.util.function.Predicate<String> on = op -> a.stream().noneMatch(x -> !x.equals("quick")) || a.contains(op);
        Gradnote.seed(1);
        String v = Gradnote.nativeVariant().label();
        System.out.println("# build " + v + ", OMP threads " + Gradnote.numThreads() + ", BLAS threads "
                + Gradnote.blasThreads() + ", median of " + reps + " ms");
        // conv2d: N, C, H, W, O, kernel, padding: two tiny ones, LeNet lab's two layers, the CIFAR CNN's two.
        int[][] convs = {
            {1, 1, 8, 8, 4, 3, 1},
            {4, 1, 8, 8, 4, 3, 1},
            {32, 1, 8, 8, 6, 3, 1},
            {32, 6, 4, 4, 16, 3, 1},
            {64, 3, 32, 32, 32, 3, 1},
            {64, 32, 16, 16, 64, 3, 1}
        };
        if (on.test("conv")) for (int[] c : convs) conv(v, c);
        if (on.test("maxpool")) for (long[] s : new long[][] {{32, 6, 8, 8}, {64, 32, 32, 32}}) maxPool(v, s);
        if (on.test("matmul")) for (int[] m : new int[][] {{1000, 100, 55}, {256, 1024, 1024}}) matmul(v, m);
        if (on.test("unary")) {
            for (long[] s : new long[][] {{1000, 55}, {64, 32, 32, 32}}) {
                unary(v, "tanh", s);
                unary(v, "sigmoid", s);
            }
        }
    }

    private interface Run {
        void run();
    }

    private static double median(Run r) {
        for (int i = 0; i < 2; i++) r.run();
        double[] t = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[reps / 2];
    }

    private static void row(String v, String op, String shape, double gradnote, double nd4j) {
        System.out.println(String.format(
                Locale.ROOT, "%-12s %-22s %-26s gradnote %9.3f  native %9.3f", v, op, shape, gradnote, nd4j));
    }

    private static INDArray nd(long... shape) {
        return Tensor.randn(shape).data().dup();
    }

    private static void conv(String v, int[] c) {
        int n = c[0], ch = c[1], h = c[2], w = c[3], o = c[4], k = c[5], p = c[6];
        Tensor x = Tensor.randn(n, ch, h, w), wt = Tensor.randn(o, ch, k, k).requiresGrad(true);
        Tensor b = Tensor.randn(o).requiresGrad(true);
        Tensor xg = x.detach().requiresGrad(true);
        long oh = h + 2L * p - k + 1, ow = w + 2L * p - k + 1;
        Tensor g = Tensor.randn(n, o, oh, ow);
        INDArray xd = x.data(), wd = wt.data(), bd = b.data(), gd = g.data();
        INDArray out = Engine.empty(DataType.FLOAT, n, o, oh, ow);
        INDArray dx = Engine.empty(DataType.FLOAT, n, ch, h, w), dw = Engine.empty(DataType.FLOAT, o, ch, k, k);
        INDArray db = Engine.empty(DataType.FLOAT, o);
        long[] args = {k, k, 1, 1, p, p, 1, 1, 0, 0, 1};
        String shape = "[" + n + "," + ch + "," + h + "," + w + "]x" + o + " " + k + "x" + k + " "
                + (n * o * oh * ow * ch * k * k / 1000) + "k";
        // gradnote's own route (im2col + gemm), whatever the dispatch policy would choose.
        ComputePath before = Dispatch.path();
        Dispatch.setPath(ComputePath.LOOP);
        double gf = median(() -> {
            try (var nog = Tensor.noGrad()) {
                Functional.conv2d(x, wt, b, 1, p, 1);
            }
        });
        double nf = median(
                () -> Engine.exec("conv2d", new INDArray[] {xd, wd, bd}, new INDArray[] {out}, args, null, null));
        row(v, "conv2d fwd", shape, gf, nf);
        double gb = median(() -> Functional.conv2d(xg, wt, b, 1, p, 1).backward(g));
        Dispatch.setPath(before);
        double nb = median(() -> {
            Engine.exec("conv2d", new INDArray[] {xd, wd, bd}, new INDArray[] {out}, args, null, null);
            Engine.exec("conv2d_bp", new INDArray[] {xd, wd, bd, gd}, new INDArray[] {dx, dw, db}, args, null, null);
        });
        row(v, "conv2d fwd+bwd", shape, gb, nb);
    }

    private static void maxPool(String v, long[] s) {
        Tensor x = Tensor.randn(s).requiresGrad(true);
        Tensor g = Tensor.randn(s[0], s[1], s[2] / 2, s[3] / 2);
        INDArray xd = x.data(), gd = g.data();
        INDArray out = Engine.empty(DataType.FLOAT, g.shape()), dx = Engine.empty(DataType.FLOAT, s);
        long[] args = {2, 2, 2, 2, 0, 0, 1, 1, 0, 0, 0};
        double gb = median(() -> Functional.maxPool2d(x, 2, 2, 0).backward(g));
        double nb = median(() -> {
            Engine.exec("maxpool2d", new INDArray[] {xd}, new INDArray[] {out}, args, null, null);
            Engine.exec("maxpool2d_bp", new INDArray[] {xd, gd}, new INDArray[] {dx}, args, null, null);
        });
        row(v, "maxpool2d 2x2 fwd+bwd", Arrays.toString(s).replace(" ", ""), gb, nb);
    }

    private static void matmul(String v, int[] m) {
        Tensor a = Tensor.randn(m[0], m[1]), b = Tensor.randn(m[1], m[2]);
        INDArray ad = a.data(), bd = b.data(), out = Engine.empty(DataType.FLOAT, m[0], m[2]);
        double gf = median(() -> {
            try (var nog = Tensor.noGrad()) {
                a.matmul(b);
            }
        });
        double nf =
                median(() -> Engine.exec("matmul", new INDArray[] {ad, bd}, new INDArray[] {out}, null, null, null));
        row(v, "matmul", m[0] + "x" + m[1] + "x" + m[2], gf, nf);
    }

    private static void unary(String v, String op, long[] s) {
        Tensor x = Tensor.randn(s).requiresGrad(true), g = Tensor.randn(s);
        INDArray xd = nd(s), gd = g.data(), out = Engine.empty(DataType.FLOAT, s), dx = Engine.empty(DataType.FLOAT, s);
        boolean tanh = op.equals("tanh");
        double gb = median(() -> (tanh ? x.tanh() : x.sigmoid()).backward(g));
        double nb = median(() -> {
            Engine.exec(op, new INDArray[] {xd}, out);
            Engine.exec(op + "_bp", new INDArray[] {xd, gd}, dx);
        });
        row(v, op + " fwd+bwd", Arrays.toString(s).replace(" ", ""), gb, nb);
    }
}
