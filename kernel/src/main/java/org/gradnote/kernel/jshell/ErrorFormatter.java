package org.gradnote.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.UnresolvedReferenceException;

/** Turns JShell diagnostics and remote exceptions into Jupyter errors that point at cell lines and columns. */
final class ErrorFormatter {
    private ErrorFormatter() {}

    static Optional<ErrorInfo> of(
            JShell shell,
            SnippetEvent event,
            SnippetSource snippet,
            String source,
            int firstLine,
            String cellLabel,
            Map<String, Evaluator.SnippetLocation> locations) {
        Snippet s = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            return Optional.of(compileError(shell.diagnostics(s).toList(), snippet, source, firstLine, cellLabel));
        }
        if (event.exception() instanceof UnresolvedReferenceException u) {
            String missing = shell.unresolvedDependencies(u.getSnippet()).collect(Collectors.joining(", "));
            return Optional.of(new ErrorInfo(
                    "UnresolvedReferenceException",
                    "'" + u.getSnippet().source().strip() + "' uses undefined " + missing,
                    List.of("UnresolvedReferenceException: defined with missing dependencies: " + missing)));
        }
        if (event.exception() != null) return Optional.of(runtimeError(event.exception(), locations));
        return Optional.empty();
    }

    /**
     * javac's "location: class " line names the class JShell wraps a snippet in, which has no name a user can see:
     * the cell and line say where instead.
     */
    private static final java.util.regex.Pattern NAMELESS_LOCATION =
            java.util.regex.Pattern.compile("(?m)^(\\s*location: )class\\s*$");

    static String nameLocation(String message, String cellLabel, int line) {
        return NAMELESS_LOCATION
                .matcher(message)
                .replaceAll("$1" + java.util.regex.Matcher.quoteReplacement(cellLabel + ", line " + line));
    }

    private static ErrorInfo compileError(
            List<Diag> diags, SnippetSource snippet, String source, int firstLine, String cellLabel) {
        List<String> trace = new ArrayList<>();
        String first = null;
        String[] lines = source.split("\n", -1);
        for (Diag d : diags) {
            if (!d.isError()) continue;
            long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : Math.max(0, d.getPosition());
            int absolute = snippet.offset() + (int) Math.min(pos, snippet.text().length());
            int lineInSource = Evaluator.lineOf(source, absolute);
            int column = absolute - (source.lastIndexOf('\n', absolute - 1) + 1) + 1;
            String message = nameLocation(d.getMessage(Locale.ROOT), cellLabel, firstLine + lineInSource);
            String where = "line " + (firstLine + lineInSource) + ", column " + column;
            if (first == null)
                first = where + ": " + message.lines().findFirst().orElse(message);
            trace.add("Compile error at " + where + ": " + message);
            if (lineInSource < lines.length) {
                trace.add("    " + lines[lineInSource]);
                trace.add("    " + " ".repeat(Math.max(0, column - 1)) + "^");
            }
        }
        if (first == null) {
            // Rejected without an error diagnostic (e.g. an incomplete trailing fragment).
            int line = firstLine + Evaluator.lineOf(source, snippet.offset());
            first = "line " + line + ", column 1: cannot compile '"
                    + snippet.text().strip() + "'";
            trace.add("Compile error at " + first);
        }
        return new ErrorInfo("CompilationError", first, trace);
    }

    private static ErrorInfo runtimeError(JShellException e, Map<String, Evaluator.SnippetLocation> locations) {
        String name = e instanceof EvalException ee
                ? ee.getExceptionClassName()
                : e.getClass().getName();
        List<String> trace = new ArrayList<>();
        Throwable t = e;
        String prefix = "";
        while (t != null) {
            String tName = t instanceof EvalException ee
                    ? ee.getExceptionClassName()
                    : t.getClass().getName();
            trace.add(prefix + tName + (t.getMessage() == null ? "" : ": " + t.getMessage()));
            for (StackTraceElement frame : t.getStackTrace()) {
                String file = frame.getFileName();
                if (file != null && file.startsWith("#")) {
                    var loc = locations.get(file.substring(1));
                    trace.add("\tat " + (frame.getMethodName().isEmpty() ? "" : frame.getMethodName() + " ") + "("
                            + (loc == null
                                    ? "snippet " + file
                                    : loc.cellLabel() + " line " + (loc.line() + frame.getLineNumber() - 1))
                            + ")");
                } else if (!frame.getClassName().startsWith("jdk.jshell.")
                        && !frame.getClassName().startsWith("jdk.internal.")) {
                    trace.add("\tat " + frame);
                }
            }
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return new ErrorInfo(name, e.getMessage() == null ? "" : e.getMessage(), trace);
    }

    /**
     * An OutOfMemoryError with what to do next: the evaluator survives it, but data still referenced by variables
     * keeps the heap full, and the heap size is set at install time.
     */
    static ErrorInfo outOfMemory(ErrorInfo error, long maxHeapBytes) {
        String heap = maxHeapBytes > 0 ? " (max heap about " + maxHeapBytes / (1024 * 1024) + " MB)" : "";
        String hint = "the evaluator JVM ran out of memory" + heap + ". Variables still holding large data keep"
                + " it full: set them to null or restart the kernel. For a bigger heap, reinstall the kernel with"
                + " ./gradnote install --jvm-opt=-Xmx8g (or another size).";
        List<String> trace = new ArrayList<>(error.traceback());
        trace.add(0, "OutOfMemoryError: " + hint);
        return new ErrorInfo(error.ename(), error.evalue() + " — " + hint, trace);
    }

    static ErrorInfo interrupted() {
        return new ErrorInfo("Interrupted", "the cell was interrupted", List.of("Interrupted: the cell was stopped"));
    }

    /** The cell ran, but showing its value threw (an Error: renderers' exceptions fall back to plain text). */
    static ErrorInfo displayFailed(String exceptionClass, String message) {
        String evalue = message == null ? "" : message;
        return new ErrorInfo(
                exceptionClass,
                evalue,
                List.of("The cell ran, but showing its value failed: " + exceptionClass
                        + (evalue.isEmpty() ? "" : ": " + evalue)));
    }

    static ErrorInfo evaluatorDied() {
        String message = "The evaluator JVM exited (System.exit, a crash, or it was killed). It has been restarted:"
                + " variables and imports from earlier cells are gone; re-run the cells you need.";
        return new ErrorInfo("EvaluatorExited", message, List.of("EvaluatorExited: " + message));
    }
}
