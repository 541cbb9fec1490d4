package org.gradnote.kernel.export;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Stage 6: compiles the generated class with {@code javax.tools} against the notebook class path (lib and plots),
 * so a notebook that cannot become a class fails before anything is written. An error names the cell whose
 * marker precedes the failing line.
 */
public final class CompileVerifier {
    private static final Pattern MARKER = Pattern.compile("\\s*// %% \\S+ #(\\S+)");
    private final List<String> classPath;

    public CompileVerifier(List<String> classPath) {
        this.classPath = classPath;
    }

    /** Compiles into {@code outDir}; throws naming the file and cell of the first error. */
    public void compile(String notebookPath, String className, String source, Path outDir) throws ExportException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null)
            throw new ExportException(notebookPath + ": no Java compiler (run gradnote on a JDK, not a JRE)");
        String simple = className.substring(className.lastIndexOf('.') + 1);
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///" + simple + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignore) {
                        return source;
                    }
                };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of(
                "-proc:none",
                "-nowarn",
                "-encoding",
                "UTF-8",
                "-d",
                outDir.toString(),
                "--class-path",
                String.join(File.pathSeparator, classPath));
        boolean ok = javac.getTask(null, null, diagnostics, options, null, List.of(file))
                .call();
        if (ok) return;
        Diagnostic<? extends JavaFileObject> first = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .findFirst()
                .orElse(null);
        if (first == null) throw new ExportException(notebookPath + ": the exported class does not compile");
        String[] lines = source.split("\n", -1);
        int line = (int) first.getLineNumber();
        String cell = cellAt(lines, line);
        String where = cell == null ? "generated code" : "cell #" + cell;
        throw new ExportException(notebookPath + ": " + where + " does not compile: "
                + first.getMessage(Locale.ROOT).lines().findFirst().orElse("")
                + (line > 0 && line <= lines.length ? "\n    " + lines[line - 1].strip() : ""));
    }

    /** Compiles into a temporary directory that is deleted afterwards. */
    public void verify(String notebookPath, String className, String source) throws ExportException {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("gradnote-verify");
            compile(notebookPath, className, source, tmp);
        } catch (IOException e) {
            throw new ExportException(notebookPath + ": cannot create a temporary directory: " + e.getMessage(), e);
        } finally {
            if (tmp != null) AtomicFiles.deleteTree(tmp);
        }
    }

    /** The cell id of the last marker at or above {@code line} (1-based). */
    static String cellAt(String[] lines, int line) {
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = MARKER.matcher(lines[i]);
            if (m.matches()) return m.group(1);
        }
        return null;
    }
}
