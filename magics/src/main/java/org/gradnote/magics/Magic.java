package org.gradnote.magics;

/** A kernel magic ({@code %name} or {@code %%name}): validates its arguments up front, then runs or exports. */
public interface Magic {

    /** Where a magic may appear: {@code LINE} (a %name line), {@code CELL} (a %%name cell) or {@code LINE_AND_CELL} (either). */
    enum Kind {
        LINE,
        CELL,
        LINE_AND_CELL
    }

    /** The name used after {@code %} or {@code %%}, e.g. "timeit". */
    String name();

    /** Whether the magic is a line magic, a cell magic, or both. */
    Kind kind();

    /** One usage line, e.g. {@code %timeit [-n N] [-r R] STATEMENT}. */
    String usage();

    /** One sentence for {@code %lsmagic}. */
    String summary();

    /**
     * Parses and checks the call's arguments without side effects, so a bad call stops the cell before anything
     * runs; the returned invocation runs the magic or says what plain Java the exporter writes instead.
     */
    Invocation prepare(MagicCall call) throws MagicUsageException;

    /** A checked, ready-to-run magic call. */
    interface Invocation {
        /** Runs the magic in the kernel, through the context's access to the evaluator and the outputs. */
        void run(MagicContext context) throws Exception;

        /** What export writes instead of this call. */
        JavaEquivalent javaEquivalent();
    }
}
