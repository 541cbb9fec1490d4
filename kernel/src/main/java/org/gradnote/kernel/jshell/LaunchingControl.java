package org.gradnote.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionEnv;

/**
 * The evaluator engine as JShell sees it while the evaluator JVM is still starting: the launch runs on its own
 * thread, so JShell compiles the session's first snippets meanwhile, and every call that needs the JVM waits for it.
 */
final class LaunchingControl implements ExecutionControl {
    private final CompletableFuture<ExecutionControl> launched = new CompletableFuture<>();
    /** Class path entries JShell added before the JVM was up, replayed into it once (guarded by this). */
    private final List<String> pendingClassPath = new ArrayList<>();

    private boolean replayed; // guarded by this
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean engineClosed =
            new java.util.concurrent.atomic.AtomicBoolean();

    private LaunchingControl() {}

    /**
     * Starts launching the evaluator JVM for {@code env} on a daemon thread and returns at once; with {@code early},
     * a JVM already starting with the same options, only connects to that one. Once connected, and before JShell
     * can send it anything, the JVM runs {@code RemoteSetup} with {@code setup} (the stdin port and token).
     */
    static LaunchingControl launch(
            ExecutionEnv env, CompletableFuture<EvaluatorControl.Launched> early, String[] setup) {
        LaunchingControl control = new LaunchingControl();
        Thread t = new Thread(
                () -> {
                    try {
                        EvaluatorControl.Launched started = early == null ? null : awaitEarly(early);
                        if (started != null && !started.vmOptions().equals(env.extraRemoteVMOptions())) {
                            started.close(); // started for other options than the session's: not its JVM
                            started = null;
                        }
                        if (started == null) {
                            org.gradnote.kernel.StartupTrace.mark("launching evaluator JVM");
                            started = EvaluatorControl.start(env.extraRemoteVMOptions());
                        }
                        ExecutionControl c = EvaluatorControl.connect(started, env);
                        org.gradnote.kernel.StartupTrace.mark("evaluator JVM connected");
                        setUp(c, setup);
                        org.gradnote.kernel.StartupTrace.mark("evaluator JVM set up");
                        if (!control.launched.complete(c) || control.closed) control.closeEngine(c);
                    } catch (Throwable e) {
                        control.launched.completeExceptionally(e);
                    }
                },
                "gradnote-evaluator-connect");
        t.setDaemon(true);
        t.start();
        return control;
    }

    /** Runs RemoteSetup in the new JVM; a failure is logged (cells still run, without stdin or inline charts). */
    private static void setUp(ExecutionControl c, String[] setup) {
        try {
            c.extensionCommand(org.gradnote.kernel.jshell.agent.EvaluatorAgent.SETUP, setup);
        } catch (ExecutionControlException e) {
            System.getLogger(LaunchingControl.class.getName())
                    .log(System.Logger.Level.WARNING, "Setting up the evaluator JVM failed", e);
        }
    }

    /** The early launch's JVM, or its failure (JDI's own, so the user reads the same reason either way). */
    private static EvaluatorControl.Launched awaitEarly(CompletableFuture<EvaluatorControl.Launched> early)
            throws Throwable {
        try {
            return early.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    /**
     * Waits for the evaluator JVM.
     *
     * @throws IllegalStateException naming why, when it could not be launched
     */
    void awaitLaunch() {
        try {
            launched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the evaluator JVM was launching", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(reason(e.getCause()), e.getCause());
        }
    }

    /** What went wrong in words: JDI's message ("Unrecognized VM option ..."), else the exception itself. */
    private static String reason(Throwable launchFailure) {
        String m = launchFailure.getMessage();
        return m == null || m.isBlank() ? launchFailure.toString() : m;
    }

    /** The launched engine, or null while it launches or when the launch failed. */
    ExecutionControl launchedOrNull() {
        return launched.isDone() && !launched.isCompletedExceptionally() ? launched.join() : null;
    }

    private ExecutionControl engine() throws EngineTerminationException {
        ExecutionControl c;
        try {
            c = launched.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineTerminationException("interrupted while the evaluator JVM was launching");
        } catch (ExecutionException e) {
            throw new EngineTerminationException("cannot launch the evaluator JVM: " + reason(e.getCause()));
        }
        synchronized (this) {
            if (!replayed) {
                replayed = true;
                for (String path : pendingClassPath) {
                    try {
                        c.addToClasspath(path);
                    } catch (InternalException e) {
                        throw new EngineTerminationException("cannot add " + path + " to the evaluator: " + e);
                    }
                }
                pendingClassPath.clear();
            }
        }
        return c;
    }

    @Override
    public void load(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        engine().load(cbcs);
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        engine().redefine(cbcs);
    }

    @Override
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
        return engine().invoke(className, methodName);
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        return engine().varValue(className, varName);
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        synchronized (this) {
            // The JVM needs its class path only when code is loaded: keep the entry until then.
            if (!replayed) {
                pendingClassPath.add(path);
                return;
            }
        }
        engine().addToClasspath(path);
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
        return engine().extensionCommand(command, arg);
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        ExecutionControl c = launchedOrNull();
        if (c != null) c.stop(); // still launching: nothing runs yet
    }

    @Override
    public void close() {
        closed = true;
        ExecutionControl c = launchedOrNull();
        if (c != null) closeEngine(c); // else the launching thread closes what it gets
    }

    /** Closes the launched engine once, whichever of close() and the launching thread gets there first. */
    private void closeEngine(ExecutionControl c) {
        if (engineClosed.compareAndSet(false, true)) c.close();
    }
}
