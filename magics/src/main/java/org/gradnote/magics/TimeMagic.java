package org.gradnote.magics;

/** {@code %time STATEMENT} and {@code %%time}: runs the code once and prints the wall time. */
final class TimeMagic implements Magic {
    public String name() { return "time"; }
    public Kind kind() { return Kind.LINE_AND_CELL; }
    public String usage() { return "%time STATEMENT  |  %%time + cell body"; }
    public String summary() { return "Run the code once and print its wall-clock time."; }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        String code = call.cellMagic() ? call.body() : call.args();
        if (call.cellMagic() && !call.args().isEmpty()) throw MagicUsageException.of(this, "%%time takes no arguments");
        if (code == null || code.isBlank()) throw MagicUsageException.of(this, "nothing to time");
        return new Invocation() {
            public void run(MagicContext context) {
                long start = System.nanoTime();
                context.eval(code);
                context.out().printf("Wall time: %s%n", Durations.format(System.nanoTime() - start));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.of("long timeStart = System.nanoTime();\n" + code.strip() + "\n"
                        + "System.out.printf(\"Wall time: %.3f ms%n\", (System.nanoTime() - timeStart) / 1e6);");
            }
        };
    }
}
