package org.gradnote.kernel.jshell;

import com.sun.source.util.JavacTask;
import java.net.URI;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.gradnote.magics.MagicParser;

/**
 * Answers {@code is_complete}: JShell's completeness analysis says whether more input is needed, and a javac
 * parse (no compilation) catches input that can never become valid, like {@code int 3x = ;}.
 */
public final class CompletenessChecker {

    /** Jupyter's answer: status {@code complete|incomplete|invalid|unknown}, and the indent for the next line. */
    public record Verdict(String status, String indent) {}

    private final Evaluator evaluator;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

    public CompletenessChecker(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    public Verdict check(String cell) {
        String first = cell.stripLeading();
        if (first.startsWith("%%")) {
            return first.contains("\n") ? new Verdict("complete", "") : new Verdict("incomplete", "");
        }
        String java = CodeAssist.blankMagicLines(cell);
        if (java.isBlank()) return new Verdict("complete", "");
        for (SnippetSource s : SnippetSource.split(evaluator.analysis(), java)) {
            switch (s.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new Verdict("incomplete", indentFor(java));
                }
                case UNKNOWN -> {
                    return new Verdict("invalid", "");
                }
                default -> {
                    if (!parses(s.text())) return new Verdict("invalid", "");
                }
            }
        }
        return new Verdict("complete", "");
    }

    /** Whether the snippet parses as an import, a member, a statement or an expression. */
    boolean parses(String snippet) {
        if (javac == null) return true; // no compiler (JRE only): cannot tell, do not block the user
        String body = snippet.strip();
        String expression = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
        for (String wrapped : List.of(
                body + "\nclass GradnoteCheck {}",
                "class GradnoteCheck {\n" + body + "\n}",
                "class GradnoteCheck { void m() throws Throwable {\n" + body + "\n} }",
                "class GradnoteCheck { Object o = (\n" + expression + "\n); }")) {
            if (parseErrors(wrapped) == 0) return true;
        }
        return false;
    }

    private long parseErrors(String source) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///GradnoteCheck.java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostics, List.of("-proc:none"), null, List.of(file));
        try {
            task.parse();
        } catch (Exception e) {
            return 1;
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .count();
    }

    static String indentFor(String java) {
        int depth = 0;
        for (char c : java.toCharArray()) {
            if (c == '{' || c == '(') depth++;
            else if ((c == '}' || c == ')') && depth > 0) depth--;
        }
        String lastLine = java.substring(java.lastIndexOf('\n') + 1);
        String current = lastLine.substring(
                0, lastLine.length() - lastLine.stripLeading().length());
        return depth > 0 ? "    ".repeat(depth) : current;
    }

    static boolean isMagicLine(String line) {
        return MagicParser.isLineMagic(line.stripLeading());
    }
}
