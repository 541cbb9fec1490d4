package org.gradnote.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Python-style text for module printing: tuples like {@code (3, 3)} and {@code (3,)}, floats like {@code 1e-05}. */
final class Repr {
    private Repr() {}

    static String tuple(int... v) {
        if (v.length == 1) return "(" + v[0] + ",)";
        return Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    static String tuple(long... v) {
        if (v.length == 1) return "(" + v[0] + ",)";
        return Arrays.stream(v).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** An int when the user gave one, a tuple when they gave several values (PyTorch prints what it was given). */
    static String intOrTuple(int[] v, boolean asTuple) {
        return asTuple ? tuple(v) : Integer.toString(v[0]);
    }

    /** Python's repr of a float: 0.1, 0.5, 1e-05. */
    static String pyFloat(double v) {
        double a = Math.abs(v);
        if (v == 0 || (a >= 1e-4 && a < 1e16)) {
            String s = Double.toString(v);
            return s.contains("E") ? String.format(Locale.ROOT, "%.1f", v) : s;
        }
        String[] parts = String.format(Locale.ROOT, "%.16e", v).split("e");
        String mantissa = parts[0].replaceAll("0+$", "").replaceAll("\\.$", "");
        int exp = Integer.parseInt(parts[1]);
        return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }
}
