package org.gradnote.kernel.jshell;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.gradnote.kernel.jshell.agent.Epilogue;
import org.gradnote.kernel.jshell.agent.EvaluatorAgent;

/**
 * Gives JShell the evaluator engine ({@link EvaluatorControl}, with {@link EvaluatorAgent} in the evaluator JVM) and
 * keeps hold of it, so the kernel can run the cell epilogue directly instead of compiling a snippet for it.
 */
final class AgentEngine implements ExecutionControlProvider {
    private volatile LaunchingControl control;
    /** The JVM started before the session, for its first engine; null when the kernel starts none early. */
    private final EarlyLaunch early;
    /** The stdin channel's port and token, for {@code RemoteSetup} in each new evaluator JVM. */
    private final String[] setup;

    AgentEngine(EarlyLaunch early, int stdinPort, String stdinToken) {
        this.early = early;
        this.setup = new String[] {Integer.toString(stdinPort), stdinToken};
    }

    @Override
    public String name() {
        return "gradnote";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        // Returns at once: the JVM launches while JShell compiles the first snippets (LaunchingControl).
        LaunchingControl generated = LaunchingControl.launch(env, early == null ? null : early.take(), setup);
        control = generated;
        return generated;
    }

    /**
     * Waits until the evaluator JVM has launched.
     *
     * @throws IllegalStateException naming why, when it could not be launched
     */
    void awaitLaunch() {
        LaunchingControl c = control;
        if (c == null) throw new IllegalStateException("no evaluator engine");
        c.awaitLaunch();
    }

    /**
     * Shows the last snippet's value (if {@code hasValue}) and writes the output fence, in the evaluator JVM. Must be
     * called on the thread that evaluates, between evaluations, as JShell itself uses the engine from there.
     *
     * @throws ExecutionControl.StoppedException when interrupted (a renderer looping), and other engine failures
     */
    void epilogue(String fence, boolean hasValue) throws ExecutionControl.ExecutionControlException {
        epilogue(fence, Boolean.toString(hasValue));
    }

    /**
     * Writes the output fence only, keeping the last snippet's value for a later {@link #epilogue(String, boolean)}
     * (so {@code %%time} can print its figures before the value is shown).
     */
    void fenceKeepingValue(String fence) throws ExecutionControl.ExecutionControlException {
        epilogue(fence, EvaluatorAgent.KEEP_VALUE);
    }

    /** Forgets an interrupt that arrived while no cell ran, so that it cannot stop the next cell. */
    void clearPendingStop() {
        LaunchingControl c = control;
        if (c != null && c.launchedOrNull() instanceof EvaluatorControl e) e.clearPendingStop();
    }

    /** Nanoseconds the evaluator JVM spent running snippets (not compiling them) since it started; 0 before. */
    long executionNanos() {
        LaunchingControl c = control;
        return c != null && c.launchedOrNull() instanceof EvaluatorControl e ? e.invokeNanos() : 0;
    }

    private void epilogue(String fence, String valueMode) throws ExecutionControl.ExecutionControlException {
        ExecutionControl c = control;
        if (c == null) throw new ExecutionControl.InternalException("no evaluator engine");
        c.extensionCommand(EvaluatorAgent.PREPARE_EPILOGUE, new String[] {fence, valueMode});
        // invoke, not extensionCommand, for the work itself: only an invoke can be stopped by an interrupt.
        c.invoke(Epilogue.class.getName(), "run");
    }
}
