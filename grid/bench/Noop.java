package bench;

import org.gradnote.plots.notebook.Notebook;
import org.gradnote.plots.notebook.NotebookStep;
import org.gradnote.plots.notebook.Param;

/** A run that does nothing but record one metric: a grid of it measures the per-run cost of the child JVMs alone. */
public final class Noop {
    @Param static int I = 0;

    static void step() {
        Notebook.metric("i", I); // named like the parameter: results.csv calls the column metric_i
    }

    public static java.util.List<NotebookStep> steps() {
        return java.util.List.of(new NotebookStep("noop", Noop::step));
    }

    public static void main(String[] args) {
        org.gradnote.plots.notebook.NotebookRun.main(Noop.class, "noop", args);
    }
}
