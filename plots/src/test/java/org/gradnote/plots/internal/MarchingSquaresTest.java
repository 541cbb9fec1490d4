package org.gradnote.plots.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import org.junit.jupiter.api.Test;

class MarchingSquaresTest {

  @Test
  void circleLevelLiesOnTheCircle() {
    int n = 41;
    double[] xs = new double[n];
    double[] ys = new double[n];
    double[][] z = new double[n][n];
    for (int i = 0; i < n; i++) {
      xs[i] = ys[i] = -2 + 4.0 * i / (n - 1);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        z[i][j] = xs[j] * xs[j] + ys[i] * ys[i];
      }
    }
    Path2D.Double path = MarchingSquares.isoline(xs, ys, z, 1.0);
    int points = 0;
    double[] c = new double[6];
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      it.currentSegment(c);
      double r = Math.hypot(c[0], c[1]);
      assertEquals(1.0, r, 0.02, "point on the unit circle");
      points++;
    }
    assertTrue(points > 60, "closed curve sampled in many segments: " + points);
  }

  @Test
  void saddleAndNanCells() {
    double[] xs = {0, 1};
    double[] ys = {0, 1};
    // Diagonal corners high: a saddle gives two segments (four points).
    Path2D.Double saddle = MarchingSquares.isoline(xs, ys, new double[][] {{1, 0}, {0, 1}}, 0.5);
    assertEquals(4, count(saddle));
    Path2D.Double none =
        MarchingSquares.isoline(xs, ys, new double[][] {{1, Double.NaN}, {0, 1}}, 0.5);
    assertEquals(0, count(none));
  }

  private static int count(Path2D path) {
    int n = 0;
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) {
      n++;
    }
    return n;
  }
}
