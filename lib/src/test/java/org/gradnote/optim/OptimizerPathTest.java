package org.gradnote.optim;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptimizerPathTest {
    @Test
    void plainGradientDescentFollowsTheClosedForm() {
        // On ½(x₁² + a x₂²), GD multiplies x₁ by (1 - lr) and x₂ by (1 - lr·a) at each step.
        double a = 10, lr = 0.05;
        List<double[]> path =
                OptimizerPath.trace(OptimizerPath.quadratic(a), new double[] {-4, 1}, p -> new SGD(p, lr), 30);
        assertEquals(31, path.size());
        assertArrayEquals(new double[] {-4, 1}, path.get(0), 0);
        for (int k = 0; k <= 30; k++) {
            assertEquals(-4 * Math.pow(1 - lr, k), path.get(k)[0], 1e-12);
            assertEquals(Math.pow(1 - lr * a, k), path.get(k)[1], 1e-12);
        }
    }

    @Test
    void adamsFirstStepMovesEachCoordinateByTheLearningRate() {
        // Adam's first update is lr·g/|g| (up to eps) whatever the gradient's scale: a = 100 does not matter.
        List<double[]> path =
                OptimizerPath.trace(OptimizerPath.quadratic(100), new double[] {-4, 1}, p -> new Adam(p, 0.3), 1);
        assertEquals(-4 + 0.3, path.get(1)[0], 1e-6);
        assertEquals(1 - 0.3, path.get(1)[1], 1e-6);
    }

    @Test
    void aDivergingRunStopsAtTheLastFinitePoint() {
        List<double[]> path =
                OptimizerPath.trace(OptimizerPath.quadratic(10), new double[] {1, 1}, p -> new SGD(p, 1.0), 2000);
        assertTrue(path.size() < 2001, "lr·a = 10 diverges, so the path must end early");
        for (double[] p : path) assertTrue(Double.isFinite(p[0]) && Double.isFinite(p[1]));
    }

    @Test
    void scalarQuadraticMatchesTheTensorOne() {
        assertEquals(0.5 * (9 + 10 * 4), OptimizerPath.quadratic(10, 3, -2), 0);
        var y = OptimizerPath.quadratic(10).apply(org.gradnote.tensor.Tensor.of(3.0, -2.0));
        assertEquals(24.5, y.item(), 1e-6);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(
                IllegalArgumentException.class,
                () -> OptimizerPath.trace(OptimizerPath.quadratic(1), new double[0], p -> new SGD(p, 0.1), 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> OptimizerPath.trace(OptimizerPath.quadratic(1), new double[] {1, 1}, p -> new SGD(p, 0.1), -1));
        assertThrows(
                IllegalArgumentException.class,
                () -> OptimizerPath.trace(x -> x.mul(2), new double[] {1, 1}, p -> new SGD(p, 0.1), 1));
    }
}
