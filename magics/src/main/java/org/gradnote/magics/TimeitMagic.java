package org.gradnote.magics;

import java.util.List;

/**
 * {@code %timeit [-n N] [-r R] STATEMENT} and {@code %%timeit}: repeats the code in a generated Java loop, so the
 * timing excludes compilation; without {@code -n} the loop count grows until one run takes at least 0.2 s.
 */
final class TimeitMagic implements Magic {
    public String name() {
        return "timeit";
    }

    public Kind kind() {
        return Kind.LINE_AND_CELL;
    }

    public String usage() {
        return "%timeit [-n LOOPS] [-r REPEATS] STATEMENT  |  %%timeit [-n LOOPS] [-r REPEATS]";
    }

    public String summary() {
        return "Time repeated runs of a statement; prints mean ± std per loop.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        List<String> tokens = MagicArgs.split(call.args());
        int loops = 0;
        int repeats = 7;
        int i = 0;
        while (i < tokens.size() && tokens.get(i).startsWith("-")) {
            String option = tokens.get(i);
            if (i + 1 >= tokens.size()) throw MagicUsageException.of(this, option + " needs a value");
            switch (option) {
                case "-n" -> loops = MagicArgs.positiveInt(this, "-n", tokens.get(i + 1));
                case "-r" -> repeats = MagicArgs.positiveInt(this, "-r", tokens.get(i + 1));
                default -> throw MagicUsageException.of(this, "unknown option " + option);
            }
            i += 2;
        }
        String code = call.cellMagic() ? call.body() : rest(call.args(), tokens, i);
        if (code == null || code.isBlank()) throw MagicUsageException.of(this, "nothing to time");
        String harness = harness(code.strip(), loops, repeats);
        return new Invocation() {
            public void run(MagicContext context) {
                context.eval(harness);
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.of(harness);
            }
        };
    }

    /** The statement text after the options, taken from the raw line so quotes inside Java survive. */
    private static String rest(String raw, List<String> tokens, int consumed) {
        String s = raw.strip();
        for (int k = 0; k < consumed; k++) {
            s = s.substring(s.indexOf(tokens.get(k)) + tokens.get(k).length()).stripLeading();
        }
        return s;
    }

    static String harness(String code, int loops, int repeats) {
        String body = code.endsWith(";") || code.endsWith("}") ? code : code + ";";
        return "{\n"
                + "    Runnable timeitBody = () -> { " + body + " };\n"
                + "    int timeitLoops = " + loops + ";\n"
                + "    if (timeitLoops == 0) {\n"
                + "        timeitLoops = 1;\n"
                + "        while (true) {\n"
                + "            long t0 = System.nanoTime();\n"
                + "            for (int i = 0; i < timeitLoops; i++) timeitBody.run();\n"
                + "            if (System.nanoTime() - t0 >= 200_000_000L || timeitLoops >= 1_000_000_000) break;\n"
                + "            timeitLoops *= 10;\n"
                + "        }\n"
                + "    }\n"
                + "    double[] perLoop = new double[" + repeats + "];\n"
                + "    for (int r = 0; r < perLoop.length; r++) {\n"
                + "        long t0 = System.nanoTime();\n"
                + "        for (int i = 0; i < timeitLoops; i++) timeitBody.run();\n"
                + "        perLoop[r] = (System.nanoTime() - t0) / (double) timeitLoops;\n"
                + "    }\n"
                + "    double mean = java.util.Arrays.stream(perLoop).average().orElse(0);\n"
                + "    double std = Math.sqrt(java.util.Arrays.stream(perLoop).map(x -> (x - mean) * (x - mean)).sum() / perLoop.length);\n"
                + "    String[] units = {\"ns\", \"µs\", \"ms\", \"s\"};\n"
                + "    int u = 0;\n"
                + "    double scale = 1;\n"
                + "    while (u < 3 && mean / scale >= 1000) { scale *= 1000; u++; }\n"
                + "    System.out.printf(java.util.Locale.ROOT, \"%.3g %s ± %.3g %s per loop (mean ± std. dev. of %d runs, %d loops each)%n\",\n"
                + "            mean / scale, units[u], std / scale, units[u], perLoop.length, timeitLoops);\n"
                + "}";
    }
}
