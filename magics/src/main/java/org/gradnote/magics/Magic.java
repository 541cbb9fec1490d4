package org.gradnote.magics;

/** A kernel magic ({@code %name} or {@code %%name}): validates its arguments up front, then runs or exports. */
public interface Magic {

    /** Where a magic may appear. */
    enum Kind { LINE, CELL, LINE_AND_CELL }

    String name();

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
        void run(MagicContext context) throws Exception;

        JavaEquivalent javaEquivalent();
    }
}
