package org.gradnote.kernel.jshell.agent;

/**
 * What the kernel invokes in the evaluator JVM after each cell, in place of a compiled snippet: shows the cell's
 * value (when it has one) and writes the output fence.
 */
public final class Epilogue {
    private Epilogue() {}

    /** Invoked by name through JShell's {@code ExecutionControl.invoke}; takes no arguments, as snippets do. */
    public static void run() {
        EvaluatorAgent.current().runEpilogue();
    }
}
