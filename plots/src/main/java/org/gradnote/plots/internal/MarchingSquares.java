package org.gradnote.plots.internal;

import java.awt.geom.Path2D;

/** Extracts iso-lines of a sampled 2-D field (marching squares) as line segments in data coordinates. */
public final class MarchingSquares {

  private MarchingSquares() {}

  /**
   * Returns the segments where {@code z == level}; {@code z[i][j]} is the value at (xs[j], ys[i]).
   * Segments are not joined into polylines: with round caps they render identically and this keeps
   * the code short. Cells touching a NaN are skipped.
   */
  public static Path2D.Double isoline(double[] xs, double[] ys, double[][] z, double level) {
    Path2D.Double path = new Path2D.Double();
    double[] px = new double[4];
    double[] py = new double[4];
    for (int i = 0; i + 1 < ys.length; i++) {
      for (int j = 0; j + 1 < xs.length; j++) {
        double bl = z[i][j];
        double br = z[i][j + 1];
        double tr = z[i + 1][j + 1];
        double tl = z[i + 1][j];
        if (Double.isNaN(bl) || Double.isNaN(br) || Double.isNaN(tr) || Double.isNaN(tl)) {
          continue;
        }
        // Edges in order bottom, right, top, left; store the crossing point of each cut edge.
        boolean[] cut = new boolean[4];
        cut[0] = cross(bl, br, level, xs[j], ys[i], xs[j + 1], ys[i], px, py, 0);
        cut[1] = cross(br, tr, level, xs[j + 1], ys[i], xs[j + 1], ys[i + 1], px, py, 1);
        cut[2] = cross(tl, tr, level, xs[j], ys[i + 1], xs[j + 1], ys[i + 1], px, py, 2);
        cut[3] = cross(bl, tl, level, xs[j], ys[i], xs[j], ys[i + 1], px, py, 3);
        int n = (cut[0] ? 1 : 0) + (cut[1] ? 1 : 0) + (cut[2] ? 1 : 0) + (cut[3] ? 1 : 0);
        if (n == 2) {
          int a = -1;
          for (int e = 0; e < 4; e++) {
            if (cut[e]) {
              if (a < 0) {
                a = e;
              } else {
                segment(path, px, py, a, e);
              }
            }
          }
        } else if (n == 4) {
          // Saddle: the centre decides which diagonal pair of corners is connected.
          boolean centreAbove = (bl + br + tr + tl) / 4 > level;
          if (centreAbove == (bl > level)) {
            segment(path, px, py, 0, 1); // cut off br
            segment(path, px, py, 2, 3); // cut off tl
          } else {
            segment(path, px, py, 0, 3); // cut off bl
            segment(path, px, py, 1, 2); // cut off tr
          }
        }
      }
    }
    return path;
  }

  private static boolean cross(
      double a,
      double b,
      double level,
      double xa,
      double ya,
      double xb,
      double yb,
      double[] px,
      double[] py,
      int edge) {
    if ((a > level) == (b > level)) {
      return false;
    }
    double t = (level - a) / (b - a);
    px[edge] = xa + t * (xb - xa);
    py[edge] = ya + t * (yb - ya);
    return true;
  }

  private static void segment(Path2D.Double path, double[] px, double[] py, int a, int b) {
    path.moveTo(px[a], py[a]);
    path.lineTo(px[b], py[b]);
  }
}
