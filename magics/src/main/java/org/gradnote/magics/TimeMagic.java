package org.gradnote.magics;

/**
 * {@code %time STATEMENT} and {@code %%time}: runs the code once and prints its wall time (execution only, as IPython
 * times the already compiled code) then the compile time, before the code's value is shown.
 */
final class TimeMagic implements Magic {
    public String name() {
        return "time";
    }

    public Kind kind() {
        return Kind.LINE_AND_CELL;
    }

    public String usage() {
        return "%time STATEMENT  |  %%time + cell body";
    }

    public String summary() {
        return "Run the code once and print its wall-clock time.";
    }

    public Invocation prepare(MagicCall call) throws MagicUsageException {
        String code = call.cellMagic() ? call.body() : call.args();
        if (call.cellMagic() && !call.args().isEmpty()) throw MagicUsageException.of(this, "%%time takes no arguments");
        if (code == null || code.isBlank()) throw MagicUsageException.of(this, "nothing to time");
        return new Invocation() {
            public void run(MagicContext context) {
                MagicContext.Timed timed = context.evalTimed(code);
                context.out().printf("Wall time: %s%n", Durations.format(timed.executionNanos()));
                context.out().printf("Compile time: %s%n", Durations.format(timed.compileNanos()));
            }

            public JavaEquivalent javaEquivalent() {
                return JavaEquivalent.of("long timeStart = System.nanoTime();\n" + code.strip() + "\n"
                        + "System.out.printf(\"Wall time: %.3f ms%n\", (System.nanoTime() - timeStart) / 1e6);\n"
                        // Compiled ahead of time: the line is kept so the script prints what the notebook stored.
                        + "System.out.println(\"Compile time: 0 ns\");");
            }
        };
    }
}
