package org.gradnote.kernel.jshell;

/** Runs once inside each new evaluator JVM (through JShell) before any cell. */
public final class RemoteSetup {
    private RemoteSetup() {}

    public static void install(int stdinPort, String stdinToken) {
        // Jupyter signals the kernel's whole process group on interrupt; the evaluator JVM must not die of SIGINT.
        // The kernel receives the same signal and stops the running cell through JDI.
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> { });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // Signal not available on this platform: nothing to protect.
        }
        System.setProperty("java.awt.headless", "true");
        org.gradnote.kernel.io.StdinClient.install(stdinPort, stdinToken);
        org.gradnote.kernel.display.InlineChartSink.install();
        // Called from a snippet: the caller's loader is JShell's, where %classpath and %maven jars are added.
        ClassLoader snippets = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass()
                .getClassLoader();
        org.gradnote.kernel.display.Renderers.useLoader(snippets);
    }
}
