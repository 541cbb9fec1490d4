package org.gradnote.magics;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a running magic may ask of the kernel; the kernel implements it, so magics never depend on the kernel. */
public interface MagicContext {

    /** Evaluates Java source like a cell body (output, errors, last expression shown); true when it succeeded. */
    boolean eval(String javaSource);

    /**
     * Evaluates Java source like {@link #eval} and returns how long the evaluator spent running it, compilation
     * excluded; a value it ends with is shown after the magic returns (at the end of the cell), not during this call.
     */
    default Timed evalTimed(String javaSource) {
        long start = System.nanoTime();
        boolean ok = eval(javaSource);
        long total = System.nanoTime() - start;
        return new Timed(ok, total, total);
    }

    /**
     * Runs {@code code} as a cell of its own (magics included), its tracebacks naming it {@code label}; returns its
     * error, if any, without making it this cell's error, so the caller can say where it happened.
     */
    default java.util.Optional<CellError> runCell(String code, String label) {
        throw new UnsupportedOperationException("this kernel cannot run nested cells");
    }

    /** Publishes a MIME bundle (mime type to data, e.g. {@code text/html}) as display output of the cell. */
    void display(Map<String, String> mimeBundle);

    /** Adds jars or class directories to the class path of both the compiler and the evaluator. */
    void addToClasspath(List<Path> entries);

    /** The evaluator's current class path, in order. */
    List<String> classpath();

    /** Variables currently defined in the session. */
    List<Variable> variables();

    /** Inputs executed so far in this session, oldest first. */
    List<HistoryEntry> history();

    /** The magics known to the kernel (for {@code %lsmagic}). */
    MagicRegistry registry();

    /** Standard output of the running cell. */
    PrintStream out();

    /** Directory relative paths are resolved against. */
    Path workingDirectory();

    /**
     * Exports a notebook to a plain Java class (the {@code %export} magic); returns the file written.
     *
     * @param outDir source root to write under, or null for the default ({@code notebooks-exported/src/main/java})
     */
    default Path exportNotebook(String notebook, String outDir, boolean force) throws Exception {
        throw new UnsupportedOperationException("this kernel cannot export notebooks");
    }

    /** The error of a cell run by {@link #runCell}, as Jupyter shows it. */
    record CellError(String ename, String evalue, List<String> traceback) {}

    /**
     * What {@link #evalTimed} measured: whether the code ran without error, the time spent running it, and the
     * total time including compilation (nanoseconds).
     */
    record Timed(boolean ok, long executionNanos, long totalNanos) {
        /** Time spent compiling and in the kernel: the total minus the execution. */
        public long compileNanos() {
            return Math.max(0, totalNanos - executionNanos);
        }
    }

    /** A variable of the session: its name, declared type and a short string of its value. */
    record Variable(String name, String type, String value) {}

    /** One executed input and the execution count it ran as. */
    record HistoryEntry(int executionCount, String input) {}
}
