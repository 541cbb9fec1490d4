package org.gradnote.kernel.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code gradnote run}: compiles an exported class (given as a file or a class name under the exported sources)
 * and runs its {@code main} with {@code --name=value} parameters in a child JVM sharing this terminal.
 */
public final class ScriptRunner {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private final List<String> classPath;

    public ScriptRunner(List<String> classPath) {
        this.classPath = classPath;
    }

    /** Resolves {@code target}: an existing {@code .java} file, or a class name under {@code sourceRoot}. */
    public static Path resolve(String target, Path sourceRoot) throws ExportException {
        Path p = target.endsWith(".java") ? Path.of(target) : ClassNames.file(sourceRoot, target);
        if (!Files.isRegularFile(p))
            throw new ExportException(target + ": no such exported file (looked for " + p + ")");
        return p;
    }

    /** An exported class compiled for running: its name, notebook, class path (compiled classes last) and source. */
    public record Compiled(String className, String notebook, List<String> classPath, String source) {}

    /**
     * Compiles {@code file} into {@code classes} against the notebook's class path (its {@code %maven} jars
     * included), as {@code gradnote run} does; {@code gradnote grid} ships the result to its runs.
     */
    public Compiled compile(Path file, Path classes) throws ExportException {
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExportException(file + ": cannot read: " + e.getMessage(), e);
        }
        String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
        Matcher m = PACKAGE.matcher(source);
        String className = m.find() ? m.group(1) + "." + simple : simple;
        String notebook = ExportHeader.parse(source).map(ExportHeader::notebook).orElse(file.toString());
        // The jars of the notebook's %maven dependencies, as export compiled it (none: the plain class path).
        List<String> classPath = new DependencyClassPath(org.gradnote.magics.maven.MavenSession.standard())
                .of(notebook, this.classPath, MavenNeeds.read(notebook, source));
        new CompileVerifier(classPath).compile(notebook, className, source, classes);
        List<String> cp = new ArrayList<>(classPath);
        cp.add(classes.toString()); // after the jars, for the class archive (TrainingJvm)
        return new Compiled(className, notebook, List.copyOf(cp), source);
    }

    /** Runs the class; returns its exit code. */
    public int run(Path file, List<String> params) throws ExportException {
        Path classes = null;
        try {
            classes = Files.createTempDirectory("gradnote-run");
            Compiled c = compile(file, classes);
            List<String> mainAndArgs = new ArrayList<>(List.of(c.className()));
            mainAndArgs.addAll(params);
            return TrainingJvm.process(c.classPath(), mainAndArgs)
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new ExportException(file + ": cannot run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            Optional.ofNullable(classes).ifPresent(AtomicFiles::deleteTree);
        }
    }
}
