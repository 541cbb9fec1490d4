package org.gradnote.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.gradnote.Gradnote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The heap path for tiny tensors gives what the ND4J path gives, forward and backward, and hands over cleanly. */
class SmallOpsTest {
    // This class checks the AUTO policy's own choices (what starts on the heap, which sizes loop): pinned to AUTO
    // when the suite runs on a forced path.
    private ComputePath forced;

    @org.junit.jupiter.api.BeforeEach
    void pinAuto() {
        forced = Tensor.computePath();
        Tensor.setComputePath(ComputePath.AUTO);
    }

    @org.junit.jupiter.api.AfterEach
    void restorePath() {
        Tensor.setComputePath(forced);
    }

    @BeforeEach
    void seed() {
        Gradnote.seed(7);
    }

    /** The same values once on the heap, once in ND4J (wrap never starts on the heap). */
    private static Tensor[] twins(DType type, double lo, double hi, long... shape) {
        Tensor heap = Tensor.uniform(type, lo, hi, shape);
        assertNotNull(heap.small(), "factory result should start on the heap");
        Tensor nd = Tensor.wrap(Nd4j.create(heap.toDoubleArray(), shape, 'c').castTo(type.nd4j()));
        assertNull(nd.small());
        return new Tensor[] {heap.requiresGrad(true), nd.requiresGrad(true)};
    }

    private static final List<Function<Tensor[], Tensor>> BINARY =
            List.of(t -> t[0].add(t[1]), t -> t[0].sub(t[1]), t -> t[0].mul(t[1]), t -> t[0].div(t[1]));

    private static final List<Function<Tensor, Tensor>> UNARY = List.of(
            t -> t.add(1.5),
            t -> t.sub(0.25),
            t -> t.mul(-3),
            t -> t.div(7),
            t -> t.rsub(2),
            t -> t.rdiv(3),
            t -> t.neg(),
            t -> t.pow(2),
            t -> t.pow(3.5),
            t -> t.square(),
            t -> t.exp(),
            t -> t.log(),
            t -> t.sqrt(),
            t -> t.abs(),
            t -> t.tanh(),
            t -> t.sigmoid(),
            t -> t.relu(),
            t -> t.sub(1).relu(),
            Tensor::sum,
            Tensor::mean);

    @Test
    void unaryOpsMatchTheNativePathForwardAndBackward() {
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (int k = 0; k < UNARY.size(); k++) {
                Tensor[] x = twins(type, 0.2, 2.0, 3, 4);
                Tensor h = UNARY.get(k).apply(x[0]), n = UNARY.get(k).apply(x[1]);
                assertNotNull(h.small(), "op " + k + " should stay on the heap");
                assertEquals(n.dtype(), h.dtype());
                assertArrayEquals(n.shape(), h.shape());
                close(type, "forward " + k, n.toDoubleArray(), h.toDoubleArray());
                h.mul(h).sum().backward();
                n.mul(n).sum().backward();
                assertNotNull(x[0].grad().small(), "a heap leaf gets a heap gradient");
                close(
                        type,
                        "gradient " + k,
                        x[1].grad().toDoubleArray(),
                        x[0].grad().toDoubleArray());
            }
        }
    }

    @Test
    void binaryOpsMatchTheNativePathWithScalarBroadcasting() {
        long[][][] shapes = {{{2, 3}, {2, 3}}, {{2, 3}, {1}}, {{}, {2, 3}}, {{1, 1}, {4}}, {{6}, {1, 6}}};
        for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            for (long[][] s : shapes) {
                for (int k = 0; k < BINARY.size(); k++) {
                    Tensor[] a = twins(type, 0.5, 2.0, s[0]), b = twins(type, 0.5, 2.0, s[1]);
                    Tensor h = BINARY.get(k).apply(new Tensor[] {a[0], b[0]}),
                            n = BINARY.get(k).apply(new Tensor[] {a[1], b[1]});
                    String tag = "op " + k + " " + Shapes.str(s[0]) + " " + Shapes.str(s[1]) + " " + type;
                    assertNotNull(h.small(), tag);
                    assertArrayEquals(n.shape(), h.shape(), tag);
                    // + - * / of two floats: double then rounded to float is exactly float arithmetic.
                    assertArrayEquals(n.toDoubleArray(), h.toDoubleArray(), 0.0, tag);
                    h.exp().sum().backward();
                    n.exp().sum().backward();
                    close(
                            type,
                            "grad a " + tag,
                            a[1].grad().toDoubleArray(),
                            a[0].grad().toDoubleArray());
                    close(
                            type,
                            "grad b " + tag,
                            b[1].grad().toDoubleArray(),
                            b[0].grad().toDoubleArray());
                }
            }
        }
    }

    @Test
    void heapOpsPassTheFiniteDifferenceCheck() {
        Tensor x = Tensor.uniform(DType.FLOAT64, 0.5, 2, 2, 3).requiresGrad(true);
        Tensor y = Tensor.uniform(DType.FLOAT64, 0.5, 2, 1).requiresGrad(true);
        assertNotNull(x.small());
        GradCheck.check(
                "heap chain",
                t -> t[0].mul(t[1])
                        .add(t[0].div(t[1]))
                        .tanh()
                        .sub(t[0].sqrt())
                        .sigmoid()
                        .log(),
                x,
                y);
    }

    @Test
    void theCoursesFirstExampleRunsOnTheHeap() {
        Tensor x = Tensor.ones(2, 2).requiresGrad(true);
        Tensor y = x.add(2);
        Tensor out = y.mul(y).mul(3).mean();
        out.backward();
        assertNotNull(out.small());
        assertEquals(27.0, out.item());
        assertArrayEquals(new double[] {4.5, 4.5, 4.5, 4.5}, x.grad().toDoubleArray(), 0.0);
        assertTrue(
                x.grad().toString().startsWith("tensor([[4.5000, 4.5000],\n        [4.5000, 4.5000]]"),
                x.grad().toString());
    }

    @Test
    void aHeapTensorMeetingANativeOpMovesToNd4jOnceAndGradientsCrossBothWays() {
        Tensor w = Tensor.randn(DType.FLOAT64, 3, 2).requiresGrad(true);
        Tensor big = Tensor.randn(DType.FLOAT64, 20, 3);
        assertNotNull(w.small());
        Tensor h = w.tanh(); // heap
        Tensor out = big.matmul(h).relu().sum(); // native: h moves to ND4J
        assertNull(h.small());
        out.backward();
        assertNotNull(w.grad());
        GradCheck.check(
                "mixed",
                t -> big.matmul(t[0].tanh().mul(t[0])).relu().sum(),
                Tensor.randn(DType.FLOAT64, 3, 2).requiresGrad(true));
    }

    @Test
    void detachedAliasesShareTheMoveAndInPlaceChanges() {
        Tensor a = Tensor.zeros(2, 2);
        Tensor b = a.detach();
        a.add_(1.0); // in place: a moves to ND4J, b sees it
        assertNull(b.small());
        assertArrayEquals(new double[] {1, 1, 1, 1}, b.toDoubleArray(), 0.0);
        assertSame(a.data(), b.data());
    }

    @Test
    void gradientsAccumulateAndInPlaceChangesAreStillRefused() {
        Tensor x = Tensor.of(1.0, 2.0, 3.0).requiresGrad(true);
        x.mul(2).sum().backward();
        x.mul(3).sum().backward();
        assertArrayEquals(new double[] {5, 5, 5}, x.grad().toDoubleArray(), 0.0);
        Tensor y = x.mul(1);
        Tensor z = y.exp();
        try (GradMode ignored = Tensor.noGrad()) {
            z.mul_(2.0);
        }
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> z.sum().backward());
        assertTrue(e.getMessage().contains("'exp'"), e.getMessage());
    }

    @Test
    void nanPropagatesLikeOnTheNativePath() {
        double nan = Double.NaN;
        Tensor heap = Tensor.of(DType.FLOAT64, nan, -1, 2);
        Tensor nd = Tensor.wrap(Nd4j.createFromArray(nan, -1.0, 2.0));
        for (Function<Tensor, Tensor> f : UNARY) {
            assertArrayEquals(f.apply(nd).toDoubleArray(), f.apply(heap).toDoubleArray(), 1e-12);
        }
    }

    @Test
    void tensorsAboveTheLimitAndIntegerTensorsStartInNd4j() {
        assertNull(Tensor.zeros(Dispatch.HEAP_MAX + 1).small());
        assertNotNull(Tensor.zeros(Dispatch.HEAP_MAX).small());
        assertNull(Tensor.of(1L, 2L).small());
        assertThrows(ShapeException.class, () -> Tensor.ones(2, 3).add(Tensor.ones(3, 2)));
    }

    private static void close(DType type, String what, double[] expected, double[] actual) {
        double tol = type == DType.FLOAT32 ? 2e-6 : 1e-13;
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(
                    Math.abs(expected[i] - actual[i]) <= tol * Math.max(1, Math.abs(expected[i])),
                    what + " element " + i + ": native " + expected[i] + " heap " + actual[i]);
        }
    }
}
