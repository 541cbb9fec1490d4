package org.gradnote.ml;

/** Small vector helpers shared by the classic algorithms, which work on plain {@code double[][]} rows. */
final class Points {
    private Points() {}

    static double sqDist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) out[i] = m[i].clone();
        return out;
    }

    static void checkRectangular(String who, double[][] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException(
                        who + ": row " + i + " has " + x[i].length + " values but row 0 has " + x[0].length);
            }
        }
    }

    static void checkLabels(String who, double[][] x, int[] y) {
        if (x.length != y.length)
            throw new IllegalArgumentException(who + ": " + x.length + " points but " + y.length + " labels");
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 1 && y[i] != -1)
                throw new IllegalArgumentException(who + ": labels must be -1 or +1, got " + y[i] + " at index " + i);
        }
    }
}
