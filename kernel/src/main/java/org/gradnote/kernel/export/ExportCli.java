package org.gradnote.kernel.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gradnote.kernel.jshell.ClassPaths;
import org.gradnote.magics.MagicRegistry;

/**
 * The notebook verbs of the command line: {@code export}, {@code check}, {@code replay}, {@code run},
 * {@code update}, {@code clean}. Exit codes: 0 ok, 1 failed (stale, replay mismatch, export error), 2 bad arguments.
 */
public final class ExportCli {
    public static final List<String> VERBS = List.of("export", "check", "replay", "run", "update", "clean");
    static final Map<String, String> USAGE = Map.of(
            "export", "usage: gradnote export NOTEBOOK... [--out DIR] [--force]",
            "check", "usage: gradnote check [NOTEBOOK...] [--exported DIR]",
            "replay",
                    "usage: gradnote replay [NOTEBOOK...] [--exported DIR] [--report FILE.xml] [--baseline FILE.json] [--update-baseline]",
            "run", "usage: gradnote run FILE.java|CLASS [--name=value...] [--seed=N]",
            "update", "usage: gradnote update NOTEBOOK [--exported DIR]",
            "clean", "usage: gradnote clean NOTEBOOK... [--outputs] [--drop-svg]");
    public static final Path DEFAULT_OUT = Path.of("notebooks-exported", "src", "main", "java");
    static final Path DEFAULT_NOTEBOOKS = Path.of("notebooks");

    private final PrintStream out, err;
    private final List<String> classPath;

    public ExportCli(PrintStream out, PrintStream err, List<String> classPath) {
        this.out = out;
        this.err = err;
        this.classPath = classPath;
    }

    /** Runs a verb with the kernel's own class path (which holds lib and plots). */
    public static int main(String verb, List<String> args) {
        return new ExportCli(System.out, System.err, ClassPaths.ofKernel()).run(verb, args);
    }

    public int run(String verb, List<String> args) {
        try {
            return switch (verb) {
                case "export" -> export(CliArgs.parse(args, List.of("--force"), List.of("--out"), false));
                case "check" -> check(CliArgs.parse(args, List.of(), List.of("--exported"), false));
                case "replay" ->
                    replay(CliArgs.parse(
                            args,
                            List.of("--update-baseline"),
                            List.of("--exported", "--report", "--baseline"),
                            false));
                case "run" -> runScript(args);
                case "update" -> update(CliArgs.parse(args, List.of(), List.of("--exported"), false));
                case "clean" -> clean(CliArgs.parse(args, List.of("--outputs", "--drop-svg"), List.of(), false));
                default -> throw new CliArgs.UsageException("unknown verb " + verb);
            };
        } catch (CliArgs.UsageException e) {
            err.println("gradnote " + verb + ": " + e.getMessage() + "\n"
                    + USAGE.getOrDefault(verb, "usage: gradnote VERB"));
            return 2;
        } catch (ExportException e) {
            err.println("gradnote " + verb + ": " + e.getMessage());
            return 1;
        }
    }

    Exporter exporter() {
        return new Exporter(classPath, MagicRegistry.standard());
    }

    private int export(CliArgs a) throws CliArgs.UsageException, ExportException {
        if (a.positional().isEmpty()) throw new CliArgs.UsageException("needs at least one NOTEBOOK");
        Path outDir = a.path("--out").orElse(DEFAULT_OUT);
        for (String nb : a.positional()) {
            Path written = exporter().export(Path.of(nb), outDir, a.flag("--force"));
            out.println("Exported " + nb + " -> " + written);
        }
        return 0;
    }

    private int check(CliArgs a) throws ExportException {
        Path exportedDir = a.path("--exported").orElse(DEFAULT_OUT);
        List<String> problems = new ArrayList<>();
        List<Path> notebooks = notebooks(a.positional());
        for (Path nb : notebooks) {
            NotebookFile notebook = new NotebookReader().read(nb);
            String className =
                    ClassNames.of(notebook, new CellSelector().select(notebook).className());
            problems.addAll(Staleness.check(notebook, ClassNames.file(exportedDir, className)));
        }
        problems.addAll(Staleness.checkPom(exportedDir));
        problems.forEach(err::println);
        out.println(
                problems.isEmpty()
                        ? "check: " + notebooks.size() + " notebook(s) in sync with " + exportedDir
                        : "check: " + problems.size() + " problem(s)");
        return problems.isEmpty() ? 0 : 1;
    }

    private int replay(CliArgs a) throws ExportException {
        Path exportedDir = a.path("--exported").orElse(DEFAULT_OUT);
        Path reports = a.path("--report").orElse(Path.of("target", "gradnote-replay"));
        Optional<Path> baselineFile = a.path("--baseline");
        TimingBaseline baseline =
                baselineFile.isPresent() ? TimingBaseline.read(baselineFile.get()) : TimingBaseline.none();
        Replayer replayer = new Replayer(classPath, baseline);
        long failures = 0;
        for (Path nb : notebooks(a.positional())) {
            Replayer.Report report = replayer.replay(nb, exportedDir);
            for (CellVerdict c : report.cells()) {
                String status = c.skipped() ? "SKIP" : c.passed() ? "ok  " : "FAIL";
                out.printf(
                        "%s %s #%s (%d ms)%s%n",
                        status,
                        report.notebook(),
                        c.cellId(),
                        c.millis(),
                        c.slow() == null ? "" : " SLOW: " + c.slow());
                if (!c.passed()) err.println(indent(c.failure()));
            }
            failures += report.failures();
            Path xml = reports.toString().endsWith(".xml")
                    ? reports
                    : reports.resolve("TEST-" + report.className() + ".xml");
            write(xml, JUnitReport.xml(report));
        }
        if (a.flag("--update-baseline")) {
            if (baselineFile.isEmpty()) {
                err.println("gradnote replay: --update-baseline needs --baseline FILE.json");
                return 2;
            }
            try {
                baseline.write(baselineFile.get());
            } catch (IOException e) {
                throw new ExportException(baselineFile.get() + ": cannot write: " + e.getMessage(), e);
            }
        }
        out.println(failures == 0 ? "replay: all cells match" : "replay: " + failures + " cell(s) differ");
        return failures == 0 ? 0 : 1;
    }

    private int runScript(List<String> args) throws CliArgs.UsageException, ExportException {
        if (args.isEmpty() || args.get(0).startsWith("--"))
            throw new CliArgs.UsageException("needs FILE.java or CLASS");
        for (String p : args.subList(1, args.size())) {
            if (!p.startsWith("--") || !p.contains("="))
                throw new CliArgs.UsageException("parameters are --name=value, got " + p);
        }
        Path file = ScriptRunner.resolve(args.get(0), DEFAULT_OUT);
        return new ScriptRunner(classPath).run(file, args.subList(1, args.size()));
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    private static void write(Path file, String text) throws ExportException {
        try {
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    private int update(CliArgs a) throws CliArgs.UsageException, ExportException {
        if (a.positional().size() != 1) throw new CliArgs.UsageException("needs exactly one NOTEBOOK");
        Path exportedDir = a.path("--exported").orElse(DEFAULT_OUT);
        Path nb = Path.of(a.positional().get(0));
        List<String> changed = new NotebookUpdater().update(exporter(), nb, exportedDir);
        if (changed.isEmpty()) {
            out.println("update: no hand edits in the export of " + nb);
            return 0;
        }
        Path written = exporter().export(nb, exportedDir, true);
        out.println("update: wrote cells "
                + changed.stream().map(id -> "#" + id).toList() + " into " + nb + " and re-exported " + written);
        return 0;
    }

    private int clean(CliArgs a) throws CliArgs.UsageException, ExportException {
        if (a.positional().isEmpty()) throw new CliArgs.UsageException("needs at least one NOTEBOOK");
        for (String name : a.positional()) {
            NotebookFile nb = new NotebookReader().read(Path.of(name));
            boolean changed = new NotebookCleaner().clean(nb.json(), a.flag("--outputs"), a.flag("--drop-svg"));
            if (changed) {
                try {
                    NotebookWriter.write(nb.path(), nb.json());
                } catch (IOException e) {
                    throw new ExportException(name + ": cannot write: " + e.getMessage(), e);
                }
            }
            out.println((changed ? "Cleaned " : "Already clean: ") + name);
        }
        return 0;
    }

    /** The named notebooks, or every {@code .ipynb} in {@code notebooks/} when none is named. */
    static List<Path> notebooks(List<String> named) throws ExportException {
        if (!named.isEmpty()) return named.stream().map(Path::of).toList();
        if (!Files.isDirectory(DEFAULT_NOTEBOOKS))
            throw new ExportException("no notebooks/ directory here; name the notebooks");
        try (Stream<Path> files = Files.list(DEFAULT_NOTEBOOKS)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        } catch (IOException e) {
            throw new ExportException(DEFAULT_NOTEBOOKS + ": cannot list: " + e.getMessage(), e);
        }
    }
}
