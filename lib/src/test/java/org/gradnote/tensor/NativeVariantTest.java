package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The natives' build is chosen before ND4J loads and is the one that runs: each choice in a fresh JVM (a JVM loads
 * one build for good), checked against the library JavaCPP actually loaded, with the same numbers from each.
 */
class NativeVariantTest {
    private static final boolean CPU_HAS_AVX2 = NativeVariant.auto(NativeVariant.cpuFlags()) != NativeVariant.GENERIC;

    /**
     * A child JVM's result: the build it reports, the elements where Adam's Java loop and the native updater disagree
     * in that build, and a conv/pool/sigmoid result to compare across builds.
     */
    private record Child(String variant, int adamMismatches, String exact, double[] values) {}

    private static Child run(List<String> jvmArgs, String env) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", cp, Main.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove(NativeVariant.ENVIRONMENT);
        pb.environment().put("OMP_NUM_THREADS", "1");
        if (env != null) pb.environment().put(NativeVariant.ENVIRONMENT, env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish: " + out);
        assertEquals(0, p.exitValue(), "child JVM failed: " + out);
        for (String line : out.split("\n")) {
            if (line.startsWith("variant=")) {
                String[] parts = line.substring(8).trim().split(" ");
                double[] v = new double[parts.length - 3];
                for (int i = 3; i < parts.length; i++) v[i - 3] = Double.parseDouble(parts[i]);
                return new Child(parts[0], Integer.parseInt(parts[1]), parts[2], v);
            }
        }
        throw new AssertionError("child JVM printed no variant: " + out);
    }

    private static Child genericRun;

    /** The generic build's child, run once for the whole class. */
    private static synchronized Child generic() throws IOException, InterruptedException {
        if (genericRun == null) genericRun = run(List.of("-Dgradnote.native=generic"), null);
        assertEquals("generic", genericRun.variant());
        return genericRun;
    }

    private static String expected(String asked) {
        if (asked.equals("generic") || !CPU_HAS_AVX2) return "generic";
        return asked.equals("auto") ? "onednn-avx2" : asked;
    }

    @ParameterizedTest
    @ValueSource(strings = {"generic", "avx2", "onednn-avx2"})
    void theAskedBuildIsTheOneThatLoadsAndAgrees(String asked) throws Exception {
        Child c = run(List.of("-Dgradnote.native=" + asked), null);
        assertEquals(expected(asked), c.variant(), "-Dgradnote.native=" + asked);
        assertEquals(0, c.adamMismatches(), "Adam's loop vs adam_updater, elements with other bits, " + asked);
        Child generic = generic();
        assertEquals(generic.values().length, c.values().length);
        for (int i = 0; i < c.values().length; i++) {
            double a = generic.values()[i], b = c.values()[i];
            assertEquals(a, b, 1e-4 * Math.max(1, Math.abs(a)), asked + " vs generic, result " + i);
        }
    }

    /**
     * oneDNN's kernels run only for the convolutions Dispatch sends them (Engine keeps libnd4j's platform kernels off
     * otherwise), so the oneDNN build computes softmax, batched matmul, batch norm and tanh, forward and backward, with
     * the AVX2 build's very bits: had its softmax been oneDNN's, the attention notebooks' outputs would have moved.
     */
    @Test
    void theOneDnnBuildComputesEveryOtherOpAsTheAvx2Build() throws Exception {
        Assumptions.assumeTrue(CPU_HAS_AVX2, "this CPU runs the generic build only");
        Child avx2 = run(List.of("-Dgradnote.native=avx2"), null);
        Child onednn = run(List.of("-Dgradnote.native=onednn-avx2"), null);
        assertEquals("onednn-avx2", onednn.variant());
        assertEquals(avx2.exact(), onednn.exact(), "bits of softmax, matmul, batch norm and tanh: avx2 vs onednn");
    }

    @Test
    void theEnvironmentVariableAndJavaCppsOwnPropertyAreHeard() throws Exception {
        assertEquals("generic", run(List.of(), "generic").variant(), "GRADNOTE_NATIVE=generic");
        // The property wins over the environment.
        assertEquals(
                expected("avx2"),
                run(List.of("-Dgradnote.native=avx2"), "generic").variant());
        assertEquals(expected("auto"), run(List.of(), null).variant(), "nothing set");
        // JavaCPP's own switch, set by the user, wins over gradnote's.
        assertEquals(
                "generic",
                run(List.of("-D" + NativeVariant.EXTENSION_PROPERTY + "=", "-Dgradnote.native=avx2"), null)
                        .variant());
    }

    @Test
    void autoNeedsAvx2FmaAndF16c() {
        assertEquals(
                NativeVariant.ONEDNN_AVX2, NativeVariant.auto(Set.of("sse2", "avx", "avx2", "fma", "f16c", "bmi2")));
        assertEquals(NativeVariant.GENERIC, NativeVariant.auto(Set.of("sse2", "avx", "avx2", "f16c")));
        assertEquals(NativeVariant.GENERIC, NativeVariant.auto(Set.of()));
    }

    @Test
    void namesAndPathsParse() {
        assertEquals(NativeVariant.ONEDNN_AVX2, NativeVariant.parse(" OneDNN-AVX2 ", "x"));
        assertEquals(NativeVariant.GENERIC, NativeVariant.parse("default", "x"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> NativeVariant.parse("avx512", "-Dgradnote.native"));
        assertTrue(
                e.getMessage().contains("-Dgradnote.native") && e.getMessage().contains("avx512"), e.getMessage());
        String base = "/root/.javacpp/cache/nd4j-native-1.0.0-M2.1-linux-x86_64";
        assertEquals(
                NativeVariant.ONEDNN_AVX2,
                NativeVariant.fromLibraryPath(base + "-onednn-avx2.jar/org/nd4j/linalg/cpu/nativecpu/bindings/"
                        + "linux-x86_64-onednn-avx2/libnd4jcpu.so"));
        assertEquals(
                NativeVariant.AVX2,
                NativeVariant.fromLibraryPath(
                        base + "-avx2.jar/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-avx2/libnd4jcpu.so"));
        assertEquals(
                NativeVariant.GENERIC,
                NativeVariant.fromLibraryPath(
                        base + ".jar/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libnd4jcpu.so"));
        assertEquals(NativeVariant.AVX2, NativeVariant.fromExtension("-avx2"));
        assertEquals(NativeVariant.GENERIC, NativeVariant.fromExtension(""));
    }

    /** Elements whose moments differ between Adam's loop and adam_updater over 300 steps, both types. */
    static int adamMismatches() throws Exception {
        int bad = 0;
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            SplittableRandom r = new SplittableRandom(5);
            int n = 33;
            double lr = 0.001, b1 = 0.9, b2 = 0.999;
            INDArray mJ = Nd4j.zeros(type, n), vJ = Nd4j.zeros(type, n), oJ = Nd4j.zeros(type, n);
            INDArray mN = Nd4j.zeros(type, n), vN = Nd4j.zeros(type, n), oN = Nd4j.zeros(type, n);
            DynamicCustomOp op = DynamicCustomOp.builder("adam_updater").build();
            for (long t = 1; t <= 300; t++) {
                double[] gv = new double[n];
                for (int i = 0; i < n; i++) gv[i] = r.nextGaussian() * Math.pow(10, r.nextInt(-4, 2));
                INDArray g = Nd4j.createFromArray(gv).castTo(type);
                double epsT = 1e-8 * Math.sqrt(1 - Math.pow(b2, t));
                Updates.adamLoop(
                        Tensor.wrap(g),
                        Tensor.wrap(vJ),
                        Tensor.wrap(mJ),
                        Tensor.wrap(oJ),
                        lr,
                        b1,
                        b2,
                        epsT,
                        Math.pow(b1, t),
                        Math.pow(b2, t));
                try (var ctx = Nd4j.getExecutioner().buildContext()) {
                    ctx.setInputArrays(g, vN, mN);
                    ctx.setOutputArrays(oN, vN, mN);
                    ctx.setTArguments(lr, b1, b2, epsT);
                    ctx.setIArguments(t - 1);
                    Nd4j.exec(op, ctx);
                }
                for (int i = 0; i < n; i++) {
                    boolean same = mJ.getDouble(i) == mN.getDouble(i) && vJ.getDouble(i) == vN.getDouble(i);
                    if (!same) bad++;
                }
                // Carry on from the native state, so that one early difference is counted once.
                mJ.assign(mN);
                vJ.assign(vN);
            }
        }
        return bad;
    }

    /**
     * A hash of the bits of ops libnd4j has oneDNN kernels for (softmax, batched matmul, batch norm, tanh), forward and
     * backward, at sizes that take the native paths.
     */
    static String exact() {
        Gradnote.seed(11);
        Tensor a = Tensor.randn(8, 4, 64, 64).requiresGrad(true);
        Tensor b = Tensor.randn(8, 4, 64, 32).requiresGrad(true);
        Tensor att = a.softmax(-1).matmul(b).tanh();
        Tensor bn = Functional.batchNorm(att, null, null, null, null, true, 0.1, 1e-5);
        bn.mul(bn).sum().backward();
        long h = 17;
        for (Tensor t : new Tensor[] {att, bn, a.grad(), b.grad()})
            for (float f : t.toFloatArray()) h = h * 31 + Float.floatToRawIntBits(f);
        return Long.toHexString(h);
    }

    /** The child JVM: reports its build, then sums of a convolution, a pooling and a sigmoid (their gradients too). */
    static final class Main {
        private Main() {}

        public static void main(String[] args) throws Exception {
            Gradnote.seed(3);
            Tensor x = Tensor.randn(4, 3, 12, 12).requiresGrad(true);
            Tensor w = Tensor.randn(8, 3, 3, 3).requiresGrad(true);
            Tensor y = Functional.conv2d(x, w, null, 1, 1, 1);
            Tensor z = Functional.maxPool2d(y, 2, 2, 0).sigmoid();
            z.sum().backward();
            System.out.println("variant=" + Gradnote.nativeVariant().label() + " " + adamMismatches() + " " + exact()
                    + " "
                    + y.sum().item() + " " + z.sum().item() + " "
                    + x.grad().abs().sum().item() + " " + w.grad().abs().sum().item());
        }
    }
}
