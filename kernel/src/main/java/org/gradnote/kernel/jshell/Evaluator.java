package org.gradnote.kernel.jshell;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import org.gradnote.kernel.io.StdinServer;

/**
 * Evaluates Java with JShell in a separate evaluator JVM (JDI remote execution), so an interrupt can stop a tight
 * loop ({@link JShell#stop()} throws into the thread through JDI) and {@code System.exit} only ends that JVM, which
 * is then restarted.
 */
public final class Evaluator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Evaluator.class.getName());
    /** Made on another thread while the kernel binds its sockets (see {@code GradnoteKernel}); joined when needed. */
    private final java.util.concurrent.CompletableFuture<EvaluatorConfig> config;

    private final PrintStream out, err;
    private final StdinServer.Endpoint stdin;
    private final List<String> addedClassPath = new ArrayList<>();
    private final Map<String, SnippetLocation> locations = new ConcurrentHashMap<>();
    private final EarlyLaunch early;
    private final AgentEngine engine;
    private volatile JShell shell;
    private volatile boolean dead;
    private volatile boolean interrupted;

    public Evaluator(EvaluatorConfig config, PrintStream out, PrintStream err, StdinServer.Endpoint stdin) {
        this(java.util.concurrent.CompletableFuture.completedFuture(config), null, out, err, stdin);
    }

    /**
     * An evaluator whose configuration is still being made: {@link #start} waits for it, and fails if it failed.
     * The first session uses {@code early}'s JVM when given (it is closed with this evaluator if never used).
     */
    public Evaluator(
            java.util.concurrent.CompletableFuture<EvaluatorConfig> config,
            EarlyLaunch early,
            PrintStream out,
            PrintStream err,
            StdinServer.Endpoint stdin) {
        this.config = config;
        this.early = early;
        this.engine = new AgentEngine(early, stdin.port(), stdin.token());
        this.out = out;
        this.err = err;
        this.stdin = stdin;
    }

    private EvaluatorConfig config() {
        try {
            return config.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("cannot configure the evaluator JVM: " + e.getCause(), e.getCause());
        }
    }

    /** The file manager a session's compiler reads the class path through (IndexedClassPath: faster first compile). */
    public static javax.tools.StandardJavaFileManager compilerFiles(javax.tools.StandardJavaFileManager javacs) {
        return new IndexedClassPath(javacs);
    }

    /** Starts the evaluator JVM and runs the default imports. */
    public synchronized void start() {
        EvaluatorConfig config = config();
        JShell s = JShell.builder()
                .out(out)
                .err(err)
                // JShell's own stdin forwarding stays unused: RemoteSetup installs our channel as System.in.
                .in(InputStream.nullInputStream())
                .executionEngine(engine, Map.of())
                .fileManager(Evaluator::compilerFiles)
                .remoteVMOptions(config.remoteVmOptions().toArray(String[]::new))
                .build();
        org.gradnote.kernel.StartupTrace.mark("JShell built");
        dead = false;
        s.onShutdown(closed -> dead = true);
        shell = s;
        // Not a "--class-path" compiler option: JShell passes that to every compilation, overriding what
        // addToClasspath adds later (%classpath, %maven). The evaluator JVM has these on -cp already; its loader
        // asks its parent first, so listing them again loads nothing twice.
        s.addToClasspath(String.join(java.io.File.pathSeparator, config.classPath()));
        for (String cp : addedClassPath) s.addToClasspath(cp);
        // build() returned while the evaluator JVM launches (LaunchingControl), which runs RemoteSetup as soon as it
        // connects: the imports' compilation, javac's first and slowest, runs meanwhile.
        String imports = DefaultImports.snippet(config.imports());
        try {
            org.gradnote.kernel.StartupTrace.mark("evaluating the default imports");
            for (SnippetEvent e : s.eval(imports)) {
                if (e.status() == Snippet.Status.REJECTED)
                    LOG.log(System.Logger.Level.WARNING, "Setup failed: " + imports);
            }
        } catch (IllegalStateException e) {
            // JShell closes itself when the engine fails: name the launch failure behind it, if that is what it was.
            engine.awaitLaunch();
            throw e;
        }
        org.gradnote.kernel.StartupTrace.mark("default imports evaluated");
        engine.awaitLaunch(); // a JVM that could not launch is named here, not by a later cell's odd failure
    }

    /** Stops and replaces the evaluator JVM; all variables are lost, added class path entries are kept. */
    public synchronized void restart() {
        JShell old = shell;
        if (old != null) {
            try {
                old.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a dead JShell", e);
            }
        }
        locations.clear();
        start();
    }

    /** True when the evaluator JVM has gone away (System.exit, crash). */
    public boolean isDead() {
        return dead;
    }

    /** Stops the running cell; safe to call from any thread, a no-op when nothing runs. */
    public void interrupt() {
        interrupted = true;
        JShell s = shell;
        if (s != null && !dead) {
            try {
                s.stop();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "stop failed", e);
            }
        }
    }

    public SourceCodeAnalysis analysis() {
        return shell.sourceCodeAnalysis();
    }

    public JShell shell() {
        return shell;
    }

    /**
     * Evaluates {@code source} snippet by snippet; the first error stops it.
     *
     * @param firstLine cell line of the source's first line, for error positions
     * @param cellLabel how tracebacks name the cell, e.g. {@code cell [3]}
     */
    public EvalOutcome eval(String source, int firstLine, String cellLabel) {
        interrupted = false;
        engine.clearPendingStop();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String valueRef = null;
        for (SnippetSource snippet : SnippetSource.split(analysis, source)) {
            List<SnippetEvent> events;
            try {
                events = shell.eval(snippet.text());
            } catch (IllegalStateException e) {
                return EvalOutcome.failure(ErrorFormatter.evaluatorDied());
            }
            if (dead) return EvalOutcome.failure(ErrorFormatter.evaluatorDied());
            valueRef = null;
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) continue;
                Snippet s = event.snippet();
                int lead =
                        snippet.text().length() - snippet.text().stripLeading().length();
                int line = firstLine + lineOf(source, snippet.offset() + lead);
                locations.put(s.id(), new SnippetLocation(cellLabel, line));
                Optional<ErrorInfo> error =
                        ErrorFormatter.of(shell, event, snippet, source, firstLine, cellLabel, locations);
                if (error.isPresent() && error.get().ename().equals("java.lang.OutOfMemoryError")) {
                    return EvalOutcome.failure(ErrorFormatter.outOfMemory(error.get(), maxHeapBytes()));
                }
                if (error.isPresent()) return EvalOutcome.failure(error.get());
                if (interrupted) return EvalOutcome.failure(ErrorFormatter.interrupted());
                valueRef = valueReference(s);
            }
        }
        if (interrupted) return EvalOutcome.failure(ErrorFormatter.interrupted());
        return EvalOutcome.success(valueRef);
    }

    /** The evaluator JVM's maximum heap, or -1 when it cannot be asked. */
    private long maxHeapBytes() {
        try {
            for (SnippetEvent e : shell.eval("Runtime.getRuntime().maxMemory()")) {
                if (e.value() != null && e.exception() == null) {
                    shell.drop(e.snippet()); // not a user value: keep it out of $N and %who
                    return Long.parseLong(e.value());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "maxMemory", e);
        }
        return -1;
    }

    /**
     * Ends a cell in the evaluator JVM without compiling anything: shows the last snippet's value when
     * {@code hasValue}, then writes {@code fence} on stdout and stderr.
     *
     * @return empty when it ran; else why not (interrupted while a renderer ran, the renderer failed, or the JVM died)
     */
    public Optional<ErrorInfo> epilogue(String fence, boolean hasValue) {
        if (dead) return Optional.of(ErrorFormatter.evaluatorDied());
        try {
            engine.epilogue(fence, hasValue);
            return dead ? Optional.of(ErrorFormatter.evaluatorDied()) : Optional.empty();
        } catch (ExecutionControl.StoppedException e) {
            return Optional.of(ErrorFormatter.interrupted());
        } catch (ExecutionControl.UserException e) {
            return Optional.of(ErrorFormatter.displayFailed(e.causeExceptionClass(), e.getMessage()));
        } catch (ExecutionControl.EngineTerminationException e) {
            return Optional.of(ErrorFormatter.evaluatorDied()); // before JDI's exit event may have set dead
        } catch (ExecutionControl.ExecutionControlException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "epilogue", e);
            return Optional.of(
                    dead
                            ? ErrorFormatter.evaluatorDied()
                            : ErrorFormatter.displayFailed(e.getClass().getName(), e.getMessage()));
        }
    }

    /**
     * Writes the output fence without showing or forgetting the last snippet's value (a later {@link #epilogue}
     * shows it); same failures as {@link #epilogue}.
     */
    public Optional<ErrorInfo> fenceKeepingValue(String fence) {
        if (dead) return Optional.of(ErrorFormatter.evaluatorDied());
        try {
            engine.fenceKeepingValue(fence);
            return dead ? Optional.of(ErrorFormatter.evaluatorDied()) : Optional.empty();
        } catch (ExecutionControl.StoppedException e) {
            return Optional.of(ErrorFormatter.interrupted());
        } catch (ExecutionControl.ExecutionControlException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "fence", e);
            return Optional.of(
                    dead
                            ? ErrorFormatter.evaluatorDied()
                            : ErrorFormatter.displayFailed(e.getClass().getName(), e.getMessage()));
        }
    }

    /** Nanoseconds the evaluator JVM has spent running code (snippets, epilogues; not compiling) since it started. */
    public long executionNanos() {
        return engine.executionNanos();
    }

    /** Runs a kernel-internal statement (setup, renderer reload); true when it ran without error. */
    public boolean evalInternal(String statement) {
        if (dead) return false;
        try {
            for (SnippetEvent e : shell.eval(statement)) {
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null) return false;
            }
            return !dead;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static String valueReference(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND -> ((VarSnippet) s).name();
            case VAR_VALUE_SUBKIND -> ((jdk.jshell.ExpressionSnippet) s).name();
            default -> null;
        };
    }

    static int lineOf(String text, int offset) {
        int line = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    public void addToClasspath(String entry) {
        synchronized (this) {
            addedClassPath.add(entry);
        }
        shell.addToClasspath(entry);
    }

    /** What the session's default imports import ({@code java.util.*}, ...): JShell lists them as one snippet. */
    public List<String> defaultImports() {
        return DefaultImports.names(config().imports());
    }

    public List<String> classPath() {
        return ClassPaths.join(config().classPath(), addedClassPath);
    }

    /** Name, type and value string of each active variable. */
    public List<String[]> variables() {
        List<String[]> vars = new ArrayList<>();
        shell.variables().forEach(v -> {
            if (v.name().startsWith("$")) return;
            String value;
            try {
                value = shell.varValue(v);
            } catch (RuntimeException e) {
                value = "<unavailable>";
            }
            vars.add(new String[] {v.name(), v.typeName(), value});
        });
        return vars;
    }

    @Override
    public synchronized void close() {
        if (early != null) early.close(); // a no-op once the session took its JVM
        JShell s = shell;
        if (s != null) {
            try {
                s.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "close", e);
            }
        }
    }

    /** Where a snippet came from, to name it in stack traces. */
    record SnippetLocation(String cellLabel, int line) {}
}
