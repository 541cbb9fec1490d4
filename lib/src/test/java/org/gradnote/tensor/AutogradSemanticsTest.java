package org.gradnote.tensor;

import static org.gradnote.tensor.DType.FLOAT64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradnote.Gradnote;
import org.junit.jupiter.api.Test;

/** Autograd behaviour users rely on: accumulation, zeroGrad, detach, noGrad scopes, retainGrad, control flow. */
class AutogradSemanticsTest {

    static Tensor t64(double... values) {
        return Tensor.fromArray(FLOAT64, values, values.length);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsLikePyTorch() {
        Tensor x = t64(1, 2, 3).requiresGrad(true);
        x.mul(x).sum().backward(); // 2x
        assertArrayEquals(new double[] {2, 4, 6}, x.grad().toDoubleArray(), 1e-12);
        x.mul(3).sum().backward(); // + 3
        assertArrayEquals(new double[] {5, 7, 9}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void zeroGradForgetsTheGradient() {
        Tensor x = t64(1, 2).requiresGrad(true);
        x.sum().backward();
        assertNotNull(x.grad());
        x.zeroGrad();
        assertNull(x.grad());
        x.mul(5).sum().backward();
        assertArrayEquals(new double[] {5, 5}, x.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void gradientsOfAReusedTensorAreSummed() {
        Tensor x = t64(3).requiresGrad(true);
        // y = x*x + x: dy/dx = 2x + 1 = 7
        x.mul(x).add(x).sum().backward();
        assertEquals(7, x.grad().item(), 1e-12);
    }

    @Test
    void gradHasTheLeafsShapeAfterBroadcasting() {
        Tensor b = Tensor.zeros(FLOAT64, 3).requiresGrad(true);
        Tensor x = Tensor.ones(FLOAT64, 4, 3);
        x.add(b).sum().backward();
        assertArrayEquals(new long[] {3}, b.grad().shape());
        assertArrayEquals(new double[] {4, 4, 4}, b.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void gradHasTheLeafsDTypeEvenWhenMixedWithFloat64() {
        Tensor w = Tensor.ones(DType.FLOAT32, 2).requiresGrad(true);
        Tensor y = w.mul(Tensor.ones(FLOAT64, 2).mul(3));
        assertEquals(FLOAT64, y.dtype()); // promotion, as PyTorch
        y.sum().backward();
        assertEquals(DType.FLOAT32, w.grad().dtype(), "a parameter's gradient should have the parameter's dtype");
        assertArrayEquals(new double[] {3, 3}, w.grad().toDoubleArray(), 1e-6);
    }

    @Test
    void detachCutsTheGraph() {
        Tensor x = t64(2).requiresGrad(true);
        Tensor y = x.mul(x);
        Tensor d = y.detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.isLeaf());
        assertNull(d.gradFn());
        assertEquals(4, d.item(), 0);
        // z = y * detach(y): only the first factor carries a gradient: dz/dx = d * 2x = 4 * 4 = 16
        y.mul(d).sum().backward();
        assertEquals(16, x.grad().item(), 1e-12);
    }

    @Test
    void noGradRecordsNothingAndRestoresTheMode() {
        Tensor x = t64(1, 2).requiresGrad(true);
        assertTrue(GradMode.isEnabled());
        Tensor y;
        try (var g = Tensor.noGrad()) {
            assertFalse(GradMode.isEnabled());
            y = x.mul(2).exp();
        }
        assertTrue(GradMode.isEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
        assertTrue(y.isLeaf());
        Tensor z = x.mul(2);
        assertTrue(z.requiresGrad());
        assertEquals("mul", z.gradFn());
    }

    @Test
    void nestedNoGradAndEnableGradScopesRestoreTheirOuterMode() {
        Tensor x = t64(1).requiresGrad(true);
        try (var outer = Tensor.noGrad()) {
            try (var inner = Tensor.noGrad()) {
                assertFalse(GradMode.isEnabled());
            }
            assertFalse(GradMode.isEnabled(), "closing an inner noGrad must not switch recording back on");
            try (var on = Tensor.enableGrad()) {
                assertTrue(GradMode.isEnabled());
                assertTrue(x.mul(2).requiresGrad());
            }
            assertFalse(GradMode.isEnabled());
            assertFalse(x.mul(2).requiresGrad());
        }
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void noGradScopeIsRestoredEvenWhenAnExceptionEscapes() {
        try (var g = Tensor.noGrad()) {
            Tensor.ones(2).add(Tensor.ones(3));
        } catch (ShapeException expected) {
            // fine
        }
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void retainGradKeepsANonLeafGradient() {
        Tensor x = t64(1, 2).requiresGrad(true);
        Tensor h = x.mul(3).retainGrad();
        Tensor other = x.mul(4);
        h.square().sum().backward(Tensor.scalar(1).to(FLOAT64), true);
        assertArrayEquals(new double[] {6, 12}, h.grad().toDoubleArray(), 1e-12); // 2h
        assertArrayEquals(new double[] {18, 36}, x.grad().toDoubleArray(), 1e-12); // 2h * 3
        assertNull(other.grad());
        assertFalse(h.isLeaf());
        // without retainGrad, a non-leaf keeps no gradient
        Tensor k = x.mul(2);
        k.sum().backward();
        assertNull(k.grad());
    }

    @Test
    void leafsWithoutRequiresGradGetNoGradient() {
        Tensor a = t64(1, 2);
        Tensor b = t64(3, 4).requiresGrad(true);
        a.mul(b).sum().backward();
        assertNull(a.grad());
        assertArrayEquals(new double[] {1, 2}, b.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void requiresGradIsPropagatedAndLeafStatusReported() {
        Tensor a = t64(1);
        assertFalse(a.requiresGrad());
        assertSame(a, a.requiresGrad(true));
        assertTrue(a.isLeaf());
        Tensor b = a.exp();
        assertTrue(b.requiresGrad());
        assertFalse(b.isLeaf());
        assertEquals("exp", b.gradFn());
        assertFalse(t64(1).exp().requiresGrad());
    }

    @Test
    void integerTensorsCannotRequireGradButFloatOnesCan() {
        assertTrue(Tensor.ones(DType.FLOAT32, 2).requiresGrad(true).requiresGrad());
        assertThrowsIAE(() -> Tensor.arange(3).requiresGrad(true));
    }

    private static void assertThrowsIAE(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    }

    /**
     * The course's dynamic control flow example: {@code if x > C: x *= 2 else: x *= 3}. Plain Java {@code if}
     * around eager ops just works: the gradient is that of the branch taken. C only appears in the comparison,
     * which records nothing, so C never gets a gradient (PyTorch's C.grad is None too): such a threshold cannot be
     * learned by gradient descent. A weight used inside the branches can.
     */
    static Tensor branchy(Tensor x, Tensor c, Tensor w) {
        boolean above = x.gt(c).item() != 0;
        return above ? x.mul(w).mul(2) : x.mul(w).mul(3);
    }

    @Test
    void dataDependentJavaIfGivesTheGradientOfTheBranchTaken() {
        Tensor c = t64(1.0).requiresGrad(true);
        Tensor w = t64(1.0).requiresGrad(true);
        Tensor xHigh = t64(2.0).requiresGrad(true), xLow = t64(0.5).requiresGrad(true);

        branchy(xHigh, c, w).sum().backward();
        assertEquals(2, xHigh.grad().item(), 1e-12);
        assertEquals(2 * 2.0, w.grad().item(), 1e-12);

        w.zeroGrad();
        branchy(xLow, c, w).sum().backward();
        assertEquals(3, xLow.grad().item(), 1e-12);
        assertEquals(3 * 0.5, w.grad().item(), 1e-12);

        assertNull(c.grad(), "C is only compared, so no gradient reaches it");
        assertEquals(DType.BOOL, xHigh.gt(c).dtype());
        assertFalse(xHigh.gt(c).requiresGrad());
    }

    @Test
    void gradientStepsTrainAModelWithDataDependentControlFlow() {
        // Targets come from w* = 1.5 with the same branchy model; fit w from 0 by plain gradient steps.
        Gradnote.seed(7);
        Tensor c = t64(1.0);
        Tensor w = t64(0.0).requiresGrad(true);
        double[] xs = Tensor.uniform(FLOAT64, 0, 2, 20).toDoubleArray();
        double lr = 0.02;
        double firstLoss = Double.NaN, lastLoss = Double.NaN;
        for (int epoch = 0; epoch < 60; epoch++) {
            Tensor loss = null;
            for (double xv : xs) {
                Tensor x = t64(xv);
                double target = (xv > 1.0 ? 2 : 3) * 1.5 * xv;
                Tensor err = branchy(x, c, w).sub(target).square();
                loss = loss == null ? err : loss.add(err);
            }
            loss = loss.div(xs.length).sum();
            if (epoch == 0) firstLoss = loss.item();
            lastLoss = loss.item();
            w.zeroGrad();
            loss.backward();
            try (var g = Tensor.noGrad()) {
                w.sub_(w.grad().mul(lr));
            }
        }
        assertEquals(1.5, w.item(), 1e-3);
        assertTrue(lastLoss < firstLoss * 1e-4, "loss " + firstLoss + " -> " + lastLoss);
    }

    @Test
    void copyIsRecordedAndGradientsFlowThroughIt() {
        Tensor x = t64(1, 2).requiresGrad(true);
        Tensor c = x.copy();
        assertEquals("clone", c.gradFn());
        c.mul(2).sum().backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray(), 1e-12);
        try (var g = Tensor.noGrad()) {
            c.fill_(0);
        }
        assertArrayEquals(new double[] {1, 2}, x.toDoubleArray(), 0, "copy must not share data");
    }

    @Test
    void floatCastIsDifferentiable() {
        Tensor x = Tensor.ones(DType.FLOAT32, 2).requiresGrad(true);
        Tensor y = x.to(FLOAT64).mul(2).sum();
        y.backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray(), 1e-6);
    }

    /** Builds exp(2w)^2 summed, recording weak references to its two intermediate tensors. */
    private static Tensor squaredExp(Tensor w, java.util.List<java.lang.ref.WeakReference<Tensor>> refs) {
        Tensor twice = w.mul(2.0), e = twice.exp();
        refs.add(new java.lang.ref.WeakReference<>(twice));
        refs.add(new java.lang.ref.WeakReference<>(e));
        return e.mul(e).sum();
    }

    private static boolean cleared(java.util.List<java.lang.ref.WeakReference<Tensor>> refs) {
        for (int i = 0; i < 20; i++) {
            if (refs.stream().allMatch(r -> r.get() == null)) return true;
            System.gc();
        }
        return false;
    }

    @Test
    void backwardLetsGoOfTheTensorsItsGraphSaved() {
        // As in PyTorch, the loss a training loop still holds must not keep the step's activations alive: their
        // memory is the next step's.
        Tensor w = Tensor.randn(8, 8).to(FLOAT64).requiresGrad(true);
        java.util.List<java.lang.ref.WeakReference<Tensor>> refs = new java.util.ArrayList<>();
        Tensor loss = squaredExp(w, refs);
        loss.backward();
        assertTrue(cleared(refs), "intermediates still reachable from the loss after backward()");
        assertNotNull(w.grad());
        IllegalStateException e =
                org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("a second time"), e.getMessage());

        w.zeroGrad();
        java.util.List<java.lang.ref.WeakReference<Tensor>> kept = new java.util.ArrayList<>();
        Tensor retained = squaredExp(w, kept);
        retained.backward(true);
        assertFalse(cleared(kept), "backward(true) keeps the graph");
        double[] first = w.grad().toDoubleArray();
        retained.backward();
        assertEquals(2 * first[0], w.grad().toDoubleArray()[0], 1e-12 * Math.abs(first[0]));
    }
}
