package org.gradnote.tensor;

/** Colon-separated lists in parameterized tests' CSV rows ("32:64:128"), as shapes and dimension lists. */
final class CsvLists {
    private CsvLists() {}

    static long[] longs(String spec) {
        String[] s = spec.split(":");
        long[] out = new long[s.length];
        for (int i = 0; i < s.length; i++) out[i] = Long.parseLong(s[i]);
        return out;
    }

    static int[] ints(String spec) {
        String[] s = spec.split(":");
        int[] out = new int[s.length];
        for (int i = 0; i < s.length; i++) out[i] = Integer.parseInt(s[i]);
        return out;
    }
}
