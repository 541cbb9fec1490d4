package org.gradnote.kernel.cell;

import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gradnote.magics.MagicContext;
import org.gradnote.magics.MagicRegistry;

/** The kernel's side of {@link MagicContext}, for the magics of one cell. */
final class KernelMagicContext implements MagicContext {
    private final CellServices services;
    private final CellRunner runner;
    private final ErrorHolder errors;
    private final String cellLabel;

    KernelMagicContext(CellServices services, CellRunner runner, ErrorHolder errors, String cellLabel) {
        this.services = services;
        this.runner = runner;
        this.errors = errors;
        this.cellLabel = cellLabel;
    }

    @Override
    public boolean eval(String javaSource) {
        services.flushOutput();
        return runner.runJava(javaSource, cellLabel, errors).isEmpty();
    }

    /** A value a timed evaluation left to be shown at the end of the cell (after the timing is printed). */
    private java.util.Optional<String> pendingValue = java.util.Optional.empty();

    @Override
    public Timed evalTimed(String javaSource) {
        services.flushOutput();
        CellRunner.TimedRun run = runner.runJavaTimed(javaSource, cellLabel, errors);
        pendingValue = run.valueRef();
        return new Timed(run.ok(), run.executionNanos(), run.totalNanos());
    }

    /** The value left by the last {@link #evalTimed}, once; empty when there is none. */
    java.util.Optional<String> takePendingValue() {
        var value = pendingValue;
        pendingValue = java.util.Optional.empty();
        return value;
    }

    @Override
    public java.util.Optional<CellError> runCell(String code, String label) {
        services.flushOutput();
        // CellRunner.run keeps its own ErrorHolder: the nested cell's error is returned, not made this cell's.
        return runner.run(code, label).map(e -> new CellError(e.ename(), e.evalue(), e.traceback()));
    }

    @Override
    public void display(Map<String, String> mimeBundle) {
        JsonObject data = new JsonObject();
        mimeBundle.forEach(data::addProperty);
        services.out().flush();
        services.flushOutput();
        services.display(data);
    }

    @Override
    public void addToClasspath(List<Path> entries) {
        for (Path p : entries)
            services.evaluator().addToClasspath(p.toAbsolutePath().toString());
        // New jars may bring Renderer plug-ins for their types.
        services.evaluator().evalInternal("org.gradnote.kernel.display.Renderers.reload();");
    }

    @Override
    public List<String> classpath() {
        return services.evaluator().classPath();
    }

    @Override
    public List<Variable> variables() {
        return services.evaluator().variables().stream()
                .map(v -> new Variable(v[0], v[1], v[2]))
                .toList();
    }

    @Override
    public List<HistoryEntry> history() {
        return services.history();
    }

    @Override
    public MagicRegistry registry() {
        return services.registry();
    }

    @Override
    public PrintStream out() {
        return services.out();
    }

    @Override
    public Path workingDirectory() {
        return services.workingDirectory();
    }

    @Override
    public Path exportNotebook(String notebook, String outDir, boolean force) throws Exception {
        Path base = services.workingDirectory();
        return org.gradnote.kernel.export.Exporter.standard()
                .export(
                        base.resolve(notebook),
                        outDir == null
                                ? base.resolve(org.gradnote.kernel.export.ExportCli.DEFAULT_OUT)
                                : base.resolve(outDir),
                        force);
    }
}
