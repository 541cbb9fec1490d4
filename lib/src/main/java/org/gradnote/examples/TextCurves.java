package org.gradnote.examples;

import java.util.List;
import java.util.Locale;

/** Training curves as plain text for terminals and CI logs: a table and a two-axis character plot. */
public final class TextCurves {
    private TextCurves() {}

    /** Epoch, left and right values every {@code every} epochs, plus the last epoch. */
    public static String table(List<Double> left, List<Double> right, int every) {
        StringBuilder b =
                new StringBuilder(String.format(Locale.ROOT, "%6s  %12s  %12s%n", "epoch", "train loss", "dev acc"));
        for (int e = 0; e < left.size(); e++) {
            if (e % every == 0 || e == left.size() - 1) {
                b.append(String.format(Locale.ROOT, "%6d  %12.5f  %12.4f%n", e + 1, left.get(e), right.get(e)));
            }
        }
        return b.toString();
    }

    /** Both series on one grid: '*' scaled to the left axis range, 'o' to the right axis range. */
    public static String plot(String title, List<Double> left, List<Double> right, int width, int height) {
        char[][] grid = new char[height][width];
        for (char[] row : grid) java.util.Arrays.fill(row, ' ');
        double[] l = range(left), r = range(right);
        draw(grid, left, l, '*');
        draw(grid, right, r, 'o');
        StringBuilder b = new StringBuilder(title).append('\n');
        for (int y = 0; y < height; y++) {
            double lv = l[1] - (l[1] - l[0]) * y / (height - 1), rv = r[1] - (r[1] - r[0]) * y / (height - 1);
            b.append(String.format(Locale.ROOT, "%9.4f |", lv))
                    .append(grid[y])
                    .append(String.format(Locale.ROOT, "| %.3f%n", rv));
        }
        b.append(" ".repeat(10)).append('+').append("-".repeat(width)).append("+\n");
        b.append(String.format(Locale.ROOT, "%11s%-" + (width - 4) + "s%d%n", "1", "", left.size()));
        return b.toString();
    }

    private static void draw(char[][] grid, List<Double> v, double[] range, char mark) {
        int h = grid.length, w = grid[0].length;
        for (int x = 0; x < w; x++) {
            int i = (int) Math.round((double) x * (v.size() - 1) / Math.max(1, w - 1));
            double t = range[1] == range[0] ? 0.5 : (v.get(i) - range[0]) / (range[1] - range[0]);
            int y = (int) Math.round((1 - t) * (h - 1));
            grid[Math.max(0, Math.min(h - 1, y))][x] = mark;
        }
    }

    private static double[] range(List<Double> v) {
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (double d : v) {
            if (!Double.isFinite(d)) continue;
            lo = Math.min(lo, d);
            hi = Math.max(hi, d);
        }
        return new double[] {lo, hi};
    }
}
