package org.gradnote.kernel.display;

/** Escaping for the HTML the renderers write. */
final class Html {
    private Html() {}

    static String escape(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Indices to show of {@code n} items, with -1 where the elided middle goes: all of them when {@code n <= max},
     * else the first and last {@code max / 2}.
     */
    static int[] shown(int n, int max) {
        if (n <= max) return java.util.stream.IntStream.range(0, n).toArray();
        int half = max / 2;
        int[] out = new int[2 * half + 1];
        for (int i = 0; i < half; i++) {
            out[i] = i;
            out[half + 1 + i] = n - half + i;
        }
        out[half] = -1;
        return out;
    }
}
