package org.gradnote.grid;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.gradnote.kernel.export.CellSelector;
import org.gradnote.kernel.export.ClassNames;
import org.gradnote.kernel.export.ExportCli;
import org.gradnote.kernel.export.ExportException;
import org.gradnote.kernel.export.Exporter;
import org.gradnote.kernel.export.NotebookFile;
import org.gradnote.kernel.export.NotebookReader;
import org.gradnote.kernel.export.ScriptRunner;
import org.gradnote.kernel.export.Staleness;
import org.gradnote.kernel.export.TrainingJvm;
import org.gradnote.kernel.jshell.ClassPaths;
import org.gradnote.magics.MagicRegistry;

/**
 * The notebook a grid runs, made ready on the driver: exported first when its export is missing or stale (by hash,
 * as {@code check}), compiled as {@code gradnote run} compiles it, its classes in one jar for the executors, and the
 * command each run starts with.
 */
record Prepared(
        String name,
        String className,
        String source,
        String exportHash,
        Path notebookJar,
        List<String> command,
        NotebookParams params) {

    /**
     * Prepares {@code target} (a notebook, an exported {@code .java} file or an exported class name) in
     * {@code work}; messages about exporting go to {@code log}.
     */
    static Prepared of(String target, Path work, java.io.PrintStream log) throws GridException, IOException {
        List<String> classPath = trainingClassPath();
        try {
            Path file;
            if (target.endsWith(".ipynb")) {
                Path nb = Path.of(target);
                if (!Files.isRegularFile(nb)) throw new GridException(target + ": no such notebook", 2);
                // By hash, as check: the notebook is rendered (JShell's analysis, seconds) only when its export is
                // stale.
                NotebookFile notebook = new NotebookReader().read(nb);
                file = ClassNames.file(
                        ExportCli.DEFAULT_OUT,
                        ClassNames.of(
                                notebook, new CellSelector().select(notebook).className()));
                if (!Files.exists(file) || !Staleness.check(notebook, file).isEmpty()) {
                    new Exporter(classPath, MagicRegistry.standard()).export(nb, ExportCli.DEFAULT_OUT, false);
                    log.println("gradnote grid: exported " + target + " -> " + file + " (it was missing or stale)");
                }
            } else {
                file = ScriptRunner.resolve(target, ExportCli.DEFAULT_OUT);
            }
            Path classes = work.resolve("classes");
            RunTask.deleteTree(classes);
            Files.createDirectories(classes);
            ScriptRunner.Compiled compiled = new ScriptRunner(classPath).compile(file, classes);
            Path jar = work.resolve("notebook.jar");
            jar(classes, jar);
            List<String> cp = new ArrayList<>(compiled.classPath());
            cp.set(cp.size() - 1, RunTask.NOTEBOOK_JAR); // the compiled classes, last as in gradnote run
            String name = file.getFileName().toString().replaceFirst("\\.java$", "");
            return new Prepared(
                    name,
                    compiled.className(),
                    compiled.source(),
                    RunSpec.sha256(compiled.source()),
                    jar,
                    TrainingJvm.command(cp, List.of(compiled.className())),
                    NotebookParams.of(compiled.source()));
        } catch (ExportException e) {
            throw new GridException(e.getMessage(), 1);
        }
    }

    /**
     * The class path of {@code gradnote run}'s JVMs: the kernel jar's, expanded through its manifest. The driver's own
     * class path also holds Spark, which a run must never see.
     */
    static List<String> trainingClassPath() throws GridException {
        String explicit = System.getProperty("gradnote.classpath");
        if (explicit == null) {
            Path kernel;
            try {
                kernel = Path.of(org.gradnote.kernel.Main.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
            } catch (java.net.URISyntaxException e) {
                throw new GridException("cannot locate gradnote's kernel jar: " + e.getMessage(), 1);
            }
            if (!kernel.toString().endsWith(".jar")) {
                throw new GridException(
                        "gradnote grid needs the kernel packaged (its jar lists the runs' class path): run"
                                + " mvn -pl kernel -am package, or set -Dgradnote.classpath",
                        1);
            }
            // ClassPaths reads this property; every kernel class the driver calls then sees the runs' class path.
            System.setProperty("gradnote.classpath", kernel.toString());
        }
        return ClassPaths.ofKernel();
    }

    /** Packs a directory of classes into a jar (no manifest needed: it only goes on class paths). */
    static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(os);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                JarEntry e = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
                e.setTime(0); // the same classes give the same bytes
                out.putNextEntry(e);
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
    }

    /** Whether the notebook declares {@code FOLD} and {@code FOLDS}, the parameters {@code --folds} sets. */
    void checkFolds(int folds) throws GridException {
        if (folds == 0) return;
        if (!params.has("FOLD") || !NotebookParams.fits(params.get("FOLD").type(), "0")) {
            throw new GridException(
                    name + ": --folds needs an int parameter FOLD in the //| parameters cell (and FOLDS,"
                            + " set to K, if the notebook wants it); parameters: " + params.describe());
        }
    }
}
