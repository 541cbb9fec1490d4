package org.gradnote.plots.notebook;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;

/** The {@code main} of an exported notebook run as a script: parameters, then every step in order. */
public final class NotebookRun {
    private NotebookRun() {}

    /**
     * Runs {@code notebook}'s steps with {@code args}; exits 2 on bad arguments and 1 when a cell fails. A cell marked
     * {@code //| raises T} is treated as replay treats it: throwing T is reported and the run goes on; throwing
     * anything else, or nothing, fails the run.
     */
    public static void main(Class<?> notebook, String notebookName, String[] args) {
        try {
            Parameters.apply(notebook, Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(notebookName + ": " + e.getMessage());
            System.exit(2);
        }
        Notebook.scriptMode(notebookName);
        for (NotebookStep step : steps(notebook)) {
            try {
                step.body().run();
                if (step.raises() != null) {
                    System.out.flush();
                    System.err.println(notebookName + ": cell #" + step.cellId() + " failed: expected " + step.raises()
                            + " to be thrown (//| raises), nothing was");
                    System.exit(1);
                }
            } catch (Throwable t) {
                System.out.flush();
                if (step.expects(t)) {
                    System.err.println(notebookName + ": cell #" + step.cellId() + " raised " + t + " (expected: //| raises "
                            + step.raises() + ")");
                    System.err.flush();
                    continue;
                }
                System.err.println(notebookName + ": cell #" + step.cellId() + " failed:");
                t.printStackTrace();
                System.exit(1);
            }
        }
        System.out.flush();
        System.exit(0);
    }

    /** The steps the exported class lists in its static {@code steps()} method. */
    @SuppressWarnings("unchecked")
    public static List<NotebookStep> steps(Class<?> notebook) {
        try {
            return (List<NotebookStep>) notebook.getMethod("steps").invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(notebook.getName() + ".steps() failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(notebook.getName() + " is not an exported notebook (no static steps())", e);
        }
    }
}
