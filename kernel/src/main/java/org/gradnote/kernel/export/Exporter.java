package org.gradnote.kernel.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gradnote.kernel.jshell.DefaultImports;
import org.gradnote.magics.MagicRegistry;
import org.gradnote.magics.maven.MavenSession;

/**
 * The export chain: read, select, translate magics, classify, render, verify by compiling, then write atomically.
 * Each stage is its own class; this one only passes results along and owns the overwrite rule.
 */
public final class Exporter {
    private final List<String> classPath;
    private final MagicRegistry registry;

    /** @param classPath what exported classes compile against: lib, plots and their dependencies */
    public Exporter(List<String> classPath, MagicRegistry registry) {
        this.classPath = classPath;
        this.registry = registry;
    }

    /** An exporter with the kernel's class path (which holds lib and plots) and the standard magics. */
    public static Exporter standard() {
        return new Exporter(org.gradnote.kernel.jshell.ClassPaths.ofKernel(), MagicRegistry.standard());
    }

    /** A rendered, compiled export that has not been written yet. */
    public record Result(
            NotebookFile notebook, String className, String source, List<TranslatedCell> cells, MavenNeeds needs) {
        public Path target(Path outDir) {
            return ClassNames.file(outDir, className);
        }
    }

    /** Runs every stage but the write. */
    public Result render(Path notebookPath) throws ExportException {
        NotebookFile notebook = new NotebookReader().read(notebookPath);
        CellSelector.Selection selection = new CellSelector().select(notebook);
        String className = ClassNames.of(notebook, selection.className());
        List<TranslatedCell> cells = new MagicTranslator(registry).translate(notebook.displayPath(), selection.cells());
        MavenNeeds needs = MavenNeeds.of(notebook.displayPath(), cells);
        List<String> compilePath =
                new DependencyClassPath(MavenSession.standard()).of(notebook.displayPath(), classPath, needs);
        List<String> imports = defaultImports();
        ClassifiedNotebook code;
        try (SnippetClassifier classifier = new SnippetClassifier(compilePath, imports)) {
            code = classifier.classify(notebook.displayPath(), cells);
        }
        String body = new JavaRenderer().render(notebook, className, imports, code);
        String header = new ExportHeader(
                        notebook.displayPath(), ExportHeader.TOOL_VERSION, Hashes.cells(notebook), Hashes.sha256(body))
                .render();
        String source = header + body;
        new CompileVerifier(compilePath).verify(notebook.displayPath(), className, source);
        return new Result(notebook, className, source, cells, needs);
    }

    /** Exports into {@code outDir}; refuses to overwrite a hand-edited file unless {@code force}. */
    public Path export(Path notebookPath, Path outDir, boolean force) throws ExportException {
        Result result = render(notebookPath);
        Path target = result.target(outDir);
        if (!force && Files.exists(target)) {
            try {
                String existing = Files.readString(target, StandardCharsets.UTF_8);
                if (Staleness.handEdited(existing)) {
                    throw new ExportException(target + ": edited by hand since it was exported from "
                            + result.notebook().displayPath()
                            + "; run gradnote update to keep the edits, or export --force");
                }
            } catch (IOException e) {
                throw new ExportException(target + ": cannot read: " + e.getMessage(), e);
            }
        }
        // The pom is worked out before anything is written, so a version conflict leaves both files as they were.
        Optional<Path> pom = PomFile.of(outDir);
        String pomBefore = null, pomAfter = null;
        if (pom.isPresent()) {
            List<MavenNeeds> all = new ArrayList<>(ExportedNeeds.scan(outDir, target));
            if (!result.needs().isEmpty()) all.add(result.needs());
            pomBefore = read(pom.get());
            pomAfter = PomBlock.update(pomBefore, all);
        } else if (!result.needs().isEmpty()) {
            throw new ExportException(result.notebook().displayPath() + ": uses %maven "
                    + result.needs().dependencies() + " but " + outDir
                    + " is not the src/main/java of a module with a pom.xml to declare it in");
        }
        try {
            AtomicFiles.write(target, result.source());
        } catch (IOException e) {
            throw new ExportException(target + ": cannot write: " + e.getMessage(), e);
        }
        if (pomAfter != null && !pomAfter.equals(pomBefore)) {
            try {
                AtomicFiles.write(pom.get(), pomAfter);
            } catch (IOException e) {
                throw new ExportException(pom.get() + ": cannot write: " + e.getMessage(), e);
            }
        }
        return target;
    }

    static String read(Path file) throws ExportException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The kernel's default imports, minus its display API (exported code displays through the notebook runtime). */
    List<String> defaultImports() {
        return DefaultImports.statements(classPath).stream()
                .filter(i -> !i.contains("org.gradnote.kernel"))
                .toList();
    }

    public List<String> classPath() {
        return classPath;
    }
}
