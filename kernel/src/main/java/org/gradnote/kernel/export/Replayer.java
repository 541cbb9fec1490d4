package org.gradnote.kernel.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code gradnote replay} for one notebook: refuses a stale export, runs the exported class step by step in its
 * own JVM, and judges every code cell against the outputs the notebook stored.
 */
public final class Replayer {
    static final long DEFAULT_CELL_TIMEOUT_MILLIS = 120_000, JVM_SLACK_MILLIS = 60_000;
    private final List<String> classPath;
    private final TimingBaseline baseline;

    public Replayer(List<String> classPath, TimingBaseline baseline) {
        this.classPath = classPath;
        this.baseline = baseline;
    }

    /** The replay of one notebook: its class and one verdict per code cell, in notebook order. */
    public record Report(String notebook, String className, List<CellVerdict> cells) {
        public long failures() {
            return cells.stream().filter(c -> !c.passed()).count();
        }
    }

    public Report replay(Path notebookPath, Path exportedDir) throws ExportException {
        NotebookFile notebook = new NotebookReader().read(notebookPath);
        CellSelector.Selection selection = new CellSelector().select(notebook);
        String className = ClassNames.of(notebook, selection.className());
        Path file = ClassNames.file(exportedDir, className);
        List<String> stale = Staleness.check(notebook, file);
        if (!stale.isEmpty()) throw new ExportException(String.join("\n", stale));
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot read: " + e.getMessage(), e);
        }
        long total = JVM_SLACK_MILLIS
                + selection.cells().stream()
                        .mapToLong(c -> c.directives().timeoutMillis() > 0
                                ? c.directives().timeoutMillis()
                                : DEFAULT_CELL_TIMEOUT_MILLIS)
                        .sum();
        List<StepResult> results = new StepCaptureRunner(classPath, DEFAULT_CELL_TIMEOUT_MILLIS)
                .run(notebook.displayPath(), className, source, total);
        Map<String, StepResult> byCell =
                results.stream().collect(Collectors.toMap(StepResult::cellId, Function.identity()));
        Map<String, SelectedCell> selected = selection.cells().stream()
                .collect(Collectors.toMap(c -> c.cell().id(), Function.identity()));
        OutputComparator comparator = new OutputComparator();
        List<CellVerdict> verdicts = new ArrayList<>();
        for (NotebookCell cell : notebook.cells()) {
            if (!cell.isCode()) continue;
            SelectedCell sel = selected.get(cell.id());
            if (sel == null) {
                verdicts.add(new CellVerdict(cell.id(), null, true, 0, null, ""));
                continue;
            }
            ExpectedOutput expected = ExpectedOutput.of(cell.outputs());
            StepResult actual = byCell.get(cell.id());
            boolean hasStep =
                    source.contains("new NotebookStep(" + org.gradnote.magics.MagicArgs.javaLiteral(cell.id()));
            if (actual == null && hasStep) {
                verdicts.add(new CellVerdict(cell.id(), "not run: an earlier cell timed out", false, 0, null, ""));
                continue;
            }
            if (actual == null) actual = new StepResult(cell.id(), "", "", List.of(), null, null, 0, false);
            String failure = comparator.compare(sel.directives(), expected, actual);
            String slow = baseline.check(notebook.displayPath(), cell.id(), actual.millis());
            verdicts.add(new CellVerdict(cell.id(), failure, false, actual.millis(), slow, actual.stderr()));
        }
        return new Report(notebook.displayPath(), className, verdicts);
    }
}
